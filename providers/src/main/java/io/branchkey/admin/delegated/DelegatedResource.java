package io.branchkey.admin.delegated;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.branchkey.access.GrantProvider;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.admin.NodeRepresentation;
import io.branchkey.admin.rest.Paging;
import io.branchkey.audit.AuditEntry;
import io.branchkey.audit.AuditProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Root of the delegated API, /realms/{realm}/branchkey/manage: for ordinary users with a bearer token (an account
 * manager in a back-office app). Every answer is limited to where the caller's own grants reach.
 */
public final class DelegatedResource {

    private final KeycloakSession session;
    private final DelegatedGuard guard;

    public DelegatedResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.guard = new DelegatedGuard(session, DelegatedCaller.authenticate(session, realm));
    }

    public record ScopeRepresentation(NodeRepresentation node, List<String> permissions) {
    }

    /** Where the caller's grants are, with what they hold at each: the entry points of a back-office UI. */
    @GET
    @Path("me/scopes")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<ScopeRepresentation> scopes() {
        RealmModel realm = guard.caller().realm();
        PermissionCatalog catalog = session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);
        return session.getProvider(GrantProvider.class).ofUser(realm, guard.caller().id()).stream()
                .map(g -> g.nodeId()).distinct()
                .map(id -> session.getProvider(io.branchkey.tenancy.TenantTreeProvider.class).getNode(realm, id))
                .filter(java.util.Objects::nonNull)
                .map(node -> new ScopeRepresentation(NodeRepresentation.of(node), guard.permissionsAt(node.getId()).keys(catalog)))
                .filter(scope -> !scope.permissions().isEmpty());
    }

    @Path("nodes")
    public DelegatedNodesResource nodes() {
        return new DelegatedNodesResource(session, guard);
    }

    @Path("users")
    public DelegatedUsersResource users() {
        return new DelegatedUsersResource(session, guard);
    }

    @Path("grants")
    public DelegatedGrantsResource grants() {
        return new DelegatedGrantsResource(session, guard);
    }

    @Path("devices")
    public DelegatedDevicesResource devices() {
        return new DelegatedDevicesResource(session, guard);
    }

    @Path("role-groups")
    public DelegatedRoleGroupsResource roleGroups() {
        return new DelegatedRoleGroupsResource(session, guard);
    }

    /** The audit trail of a node (needs audit.view there) or of a user in reach (audit.view where they belong). */
    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditEntry> audit(@QueryParam("nodeId") String nodeId, @QueryParam("userId") String userId,
                                  @QueryParam("first") String first, @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        if (nodeId == null && userId == null) {
            throw io.branchkey.admin.rest.ApiErrors.invalid("nodeId", "give nodeId or userId");
        }
        if (nodeId != null) {
            guard.nodeWith(nodeId, "nodeId", DelegatedPermissions.VIEW_AUDIT);
        }
        if (userId != null) {
            guard.userWith(userId, DelegatedPermissions.VIEW_AUDIT);
        }
        // A user's trail may cross into places the caller cannot see: those entries are left out.
        return session.getProvider(AuditProvider.class).query(guard.caller().realm(), nodeId, userId,
                        paging.first(), paging.max()).stream()
                .filter(e -> e.nodeId() == null ? nodeId == null : guard.holds(e.nodeId(), DelegatedPermissions.VIEW_AUDIT))
                .toList();
    }

    static Map<String, Object> result(int status, Object body) {
        return body == null ? Map.of("status", status) : Map.of("status", status, "body", body);
    }
}
