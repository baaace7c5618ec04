package io.branchkey.admin;

import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.pin.PinProvider;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.TenantNodeModel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** /branchkey/nodes/{id}/pin-settings: a LOCATION's PIN login mode. view-realm reads, manage-realm changes. */
public final class NodePinSettingsResource {

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final TenantNodeModel node;
    private final PinProvider pins;

    NodePinSettingsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                            AdminEventBuilder adminEvent, TenantNodeModel node) {
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.node = node;
        this.pins = session.getProvider(PinProvider.class);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.PinSettings get() {
        auth.realm().requireViewRealm();
        requireLocation(node);
        return new PinApi.PinSettings(pins.loginMode(realm, node.getId()));
    }

    @PUT
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.PinSettings put(String body) {
        auth.realm().requireManageRealm();
        requireLocation(node);
        PinApi.PinSettings settings = PinApi.settings(body);
        PinApi.translate(() -> pins.setLoginMode(realm, node.getId(), settings.mode()));
        AdminEvents.emit(adminEvent, OperationType.UPDATE, AdminEvents.PIN_SETTINGS, settings, "nodes", node.getId(), "pin-settings");
        return settings;
    }

    /** PIN settings exist for LOCATION nodes only: anything else is the client's mistake (400). */
    public static void requireLocation(TenantNodeModel node) {
        if (node.getKind() != NodeKind.LOCATION) {
            throw ApiErrors.invalid("id", "only LOCATION nodes have PIN settings, this is a " + node.getKind());
        }
    }
}
