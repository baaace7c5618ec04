package io.branchkey.admin;

import io.branchkey.pin.PinPolicy;
import io.branchkey.pin.PinProvider;
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

/** /branchkey/pin-policy: view-realm reads, manage-realm replaces (absent fields take their defaults). */
public final class PinPolicyResource {

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final PinProvider pins;

    PinPolicyResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.pins = session.getProvider(PinProvider.class);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.PolicyRepresentation get() {
        auth.realm().requireViewRealm();
        return PinApi.PolicyRepresentation.of(pins.policy(realm));
    }

    @PUT
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.PolicyRepresentation put(String body) {
        auth.realm().requireManageRealm();
        PinPolicy policy = PinApi.policy(body);
        pins.setPolicy(realm, policy);
        PinApi.PolicyRepresentation result = PinApi.PolicyRepresentation.of(policy);
        AdminEvents.emit(adminEvent, OperationType.UPDATE, AdminEvents.PIN_POLICY, result, "pin-policy");
        return result;
    }
}
