package io.branchkey.admin;

import java.util.List;

import io.branchkey.admin.rest.Paging;
import io.branchkey.audit.AuditEntry;
import io.branchkey.audit.AuditProvider;
import java.util.Map;

import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.tenancy.seed.TenantSeeds;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.PathParam;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Root of /admin/realms/{realm}/branchkey. Each sub-resource checks its own rights on its first line. */
public final class BranchkeyAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    BranchkeyAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                           AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @Path("nodes")
    public NodesResource nodes() {
        return new NodesResource(session, realm, auth, adminEvent);
    }

    @Path("users/{userId}")
    public UserTenancyResource user(@PathParam("userId") String userId) {
        auth.users().requireQuery();
        return new UserTenancyResource(session, realm, auth, adminEvent, Users.require(session, realm, userId));
    }

    @Path("users/{userId}/access")
    public UserAccessResource userAccess(@PathParam("userId") String userId) {
        auth.users().requireQuery();
        return new UserAccessResource(session, realm, auth, Users.require(session, realm, userId));
    }

    @Path("users/{userId}/pin")
    public UserPinResource userPin(@PathParam("userId") String userId) {
        auth.users().requireQuery();
        return new UserPinResource(session, realm, auth, adminEvent, Users.require(session, realm, userId));
    }

    @Path("pin-policy")
    public PinPolicyResource pinPolicy() {
        return new PinPolicyResource(session, realm, auth, adminEvent);
    }

    @Path("catalog")
    public CatalogResource catalog() {
        return new CatalogResource(session, realm, auth, adminEvent);
    }

    @Path("role-groups")
    public RoleGroupsResource roleGroups() {
        return new RoleGroupsResource(session, realm, auth, adminEvent);
    }

    @Path("devices")
    public DevicesResource devices() {
        return new DevicesResource(session, realm, auth, adminEvent);
    }

    @Path("grants")
    public GrantsResource grants() {
        return new GrantsResource(session, realm, auth, adminEvent);
    }

    /**
     * Seeds an empty realm from a seed document (the format of realm-config/seed/*.json: tree, home accounts,
     * memberships, templates and grants), all or nothing.
     */
    @POST
    @Path("seed")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> seed(String body) {
        auth.realm().requireManageRealm();
        if (body == null || body.isBlank()) {
            throw ApiErrors.invalid(null, "a seed document is required");
        }
        int nodes = ApiErrors.translate(() -> TenantSeeds.apply(session, realm, body, "admin API"));
        Map<String, Integer> result = Map.of("nodes", nodes);
        AdminEvents.emit(adminEvent, OperationType.CREATE, AdminEvents.NODE, result, "seed");
        return result;
    }

    /** Branchkey's audit trail of delegated actions (realm admins' own changes are Keycloak admin events). */
    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditEntry> audit(@QueryParam("nodeId") String nodeId, @QueryParam("userId") String userId,
                                  @QueryParam("first") String first, @QueryParam("max") String max) {
        auth.realm().requireViewEvents();
        Paging paging = Paging.of(first, max);
        return session.getProvider(AuditProvider.class).query(realm, nodeId, userId, paging.first(), paging.max());
    }
}
