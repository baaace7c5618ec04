package io.branchkey.admin;

import java.util.List;
import java.util.Map;

import io.branchkey.admin.service.AuditService;
import io.branchkey.admin.service.Caller;
import io.branchkey.admin.service.NodeRepresentation;
import io.branchkey.admin.service.RealmService;
import io.branchkey.audit.AuditEntry;
import io.branchkey.rest.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import static io.branchkey.rest.ApiErrors.translate;

/**
 * The root of Branchkey's administration API. The same routes serve both trees: realm admins at
 * /admin/realms/{realm}/branchkey (Keycloak's admin authentication) and everyone else at
 * /realms/{realm}/branchkey/manage (a management token). Resources only parse, call the service layer with the
 * {@link Caller} and map its errors: every rule lives in io.branchkey.admin.service.
 */
public final class ApiResource {

    private final Caller caller;

    public ApiResource(Caller caller) {
        this.caller = caller;
    }

    public record ScopeRepresentation(NodeRepresentation node, List<String> permissions) {
    }

    @Path("nodes")
    public NodesResource nodes() {
        return new NodesResource(caller);
    }

    @Path("users")
    public UsersResource users() {
        return new UsersResource(caller);
    }

    @Path("grants")
    public GrantsResource grants() {
        return new GrantsResource(caller);
    }

    @Path("role-groups")
    public RoleGroupsResource roleGroups() {
        return new RoleGroupsResource(caller);
    }

    @Path("devices")
    public DevicesResource devices() {
        return new DevicesResource(caller);
    }

    @Path("catalog")
    public CatalogResource catalog() {
        return new CatalogResource(caller);
    }

    @Path("pin-policy")
    public PinPolicyResource pinPolicy() {
        return new PinPolicyResource(caller);
    }

    /** Where the caller's own grants are, with what they hold at each: the entry points of a back-office UI. */
    @GET
    @Path("me/scopes")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ScopeRepresentation> scopes() {
        return translate(() -> new RealmService(caller).myScopes()).stream()
                .map(s -> new ScopeRepresentation(NodeRepresentation.of(s.node()), s.permissions())).toList();
    }

    /** Branchkey's audit trail of delegated actions, of a node or a user (all of it for realm admins). */
    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditEntry> audit(@QueryParam("nodeId") String nodeId, @QueryParam("userId") String userId,
                                  @QueryParam("first") String first, @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        return translate(() -> new AuditService(caller).query(nodeId, userId, paging.first(), paging.max()));
    }

    /** Seeds an empty realm from a seed document, all or nothing (realm admins). */
    @POST
    @Path("seed")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> seed(String body) {
        return translate(() -> new RealmService(caller).seed(body));
    }
}
