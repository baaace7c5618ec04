package io.branchkey.admin;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.GrantProvider;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
import io.branchkey.admin.rest.Paging;
import io.branchkey.admin.rest.QueryParams;
import io.branchkey.tenancy.NodeFilter;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Realm admins' API for the tenant tree: view-realm reads, manage-realm writes.
 */
public final class NodesResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final TenantTreeProvider tree;

    NodesResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.tree = session.getProvider(TenantTreeProvider.class);
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uriInfo) {
        auth.realm().requireManageRealm();
        NodeRepresentation input = JsonBodies.read(body, NodeRepresentation.class);
        TenantNodeModel node = ApiErrors.translate(() -> tree.createNode(realm, input.parentId(), input.toDraft(null)));
        NodeRepresentation created = NodeRepresentation.of(node);
        AdminEvents.emit(adminEvent, OperationType.CREATE, AdminEvents.NODE, created, "nodes", node.getId());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(node.getId()).build()).entity(created).build();
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<NodeRepresentation> search(@QueryParam("kind") String kind, @QueryParam("status") String status,
                                             @QueryParam("q") String q, @QueryParam("first") String first,
                                             @QueryParam("max") String max) {
        auth.realm().requireViewRealm();
        Paging paging = Paging.of(first, max);
        return tree.searchNodes(realm, filter(kind, status, q, null), paging.first(), paging.max())
                .map(NodeRepresentation::of);
    }

    @GET
    @Path("roots")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<NodeRepresentation> roots(@QueryParam("first") String first, @QueryParam("max") String max) {
        auth.realm().requireViewRealm();
        Paging paging = Paging.of(first, max);
        return tree.getRoots(realm, paging.first(), paging.max()).map(NodeRepresentation::of);
    }

    @GET
    @Path("by-code/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation byCode(@PathParam("code") String code) {
        auth.realm().requireViewRealm();
        TenantNodeModel node = tree.getNodeByCode(realm, code);
        if (node == null) {
            throw ApiErrors.notFound("code", "no node with code " + code);
        }
        return NodeRepresentation.of(node);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation get(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        return NodeRepresentation.of(require(id));
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation update(@PathParam("id") String id, String body) {
        auth.realm().requireManageRealm();
        TenantNodeModel existing = require(id);
        NodeRepresentation input = JsonBodies.read(body, NodeRepresentation.class);
        if (input.parentId() != null && !input.parentId().equals(existing.getParentId())) {
            throw ApiErrors.invalid("parentId", "parentId cannot change here: use POST .../move");
        }
        NodeRepresentation updated = NodeRepresentation.of(ApiErrors.translate(() -> tree.updateNode(realm, id, input.toDraft(existing.getKind()))));
        AdminEvents.emit(adminEvent, OperationType.UPDATE, AdminEvents.NODE, updated, "nodes", id);
        return updated;
    }

    @POST
    @Path("{id}/move")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation move(@PathParam("id") String id, String body) {
        auth.realm().requireManageRealm();
        require(id);
        MoveRequest input = JsonBodies.read(body, MoveRequest.class);
        NodeRepresentation moved = NodeRepresentation.of(ApiErrors.translate(() -> tree.moveNode(realm, id, input.parentId())));
        AdminEvents.emit(adminEvent, OperationType.UPDATE, AdminEvents.NODE, moved, "nodes", id);
        return moved;
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @QueryParam("cascade") String cascade) {
        auth.realm().requireManageRealm();
        boolean withSubtree = QueryParams.bool("cascade", cascade);
        NodeRepresentation removed = NodeRepresentation.of(require(id));
        ApiErrors.translate(() -> tree.removeNode(realm, id, withSubtree));
        AdminEvents.emit(adminEvent, OperationType.DELETE, AdminEvents.NODE, removed, "nodes", id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/children")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<NodeRepresentation> children(@PathParam("id") String id, @QueryParam("first") String first,
                                               @QueryParam("max") String max) {
        auth.realm().requireViewRealm();
        Paging paging = Paging.of(first, max);
        return ApiErrors.translate(() -> tree.getChildren(realm, id, paging.first(), paging.max())).map(NodeRepresentation::of);
    }

    @GET
    @Path("{id}/subtree")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<NodeRepresentation> subtree(@PathParam("id") String id, @QueryParam("kind") String kind,
                                              @QueryParam("status") String status, @QueryParam("q") String q,
                                              @QueryParam("maxDepth") String maxDepth,
                                              @QueryParam("first") String first, @QueryParam("max") String max) {
        auth.realm().requireViewRealm();
        Paging paging = Paging.of(first, max);
        NodeFilter filter = filter(kind, status, q, maxDepth);
        return ApiErrors.translate(() -> tree.getSubtree(realm, id, filter, paging.first(), paging.max()))
                .map(NodeRepresentation::of);
    }

    @GET
    @Path("{id}/subtree/count")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> countSubtree(@PathParam("id") String id, @QueryParam("kind") String kind,
                                          @QueryParam("status") String status, @QueryParam("q") String q,
                                          @QueryParam("maxDepth") String maxDepth) {
        auth.realm().requireViewRealm();
        NodeFilter filter = filter(kind, status, q, maxDepth);
        return Map.of("count", ApiErrors.translate(() -> tree.countSubtree(realm, id, filter)));
    }

    @GET
    @Path("{id}/ancestors")
    @Produces(MediaType.APPLICATION_JSON)
    public List<NodeRepresentation> ancestors(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        return ApiErrors.translate(() -> tree.getAncestors(realm, id)).stream().map(NodeRepresentation::of).toList();
    }

    @Path("{id}/override-rules")
    public OverrideRulesResource overrideRules(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        return new OverrideRulesResource(session, realm, auth, adminEvent, require(id));
    }

    /** The rules in force at the node, each from the nearest node that sets one for its action. */
    @GET
    @Path("{id}/override-policy")
    @Produces(MediaType.APPLICATION_JSON)
    public List<OverrideRepresentations.Rule> overridePolicy(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        require(id);
        return session.getProvider(io.branchkey.override.OverridePolicyProvider.class).effectiveAt(realm, id).stream()
                .map(OverrideRepresentations.Rule::of).toList();
    }

    @Path("{id}/users")
    public NodeMembersResource members(@PathParam("id") String id) {
        auth.users().requireQuery();
        return new NodeMembersResource(session, realm, auth, adminEvent, require(id));
    }

    @Path("{id}/pin-settings")
    public NodePinSettingsResource pinSettings(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        return new NodePinSettingsResource(session, realm, auth, adminEvent, require(id));
    }

    @GET
    @Path("{id}/grants")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AccessRepresentations.GrantRepresentation> grants(@PathParam("id") String id) {
        auth.users().requireView();
        require(id);
        return session.getProvider(GrantProvider.class).atNode(realm, id).stream()
                .map(AccessRepresentations.GrantRepresentation::of).toList();
    }

    /** Who holds a permission here now, through grants here or above (e.g. who can approve an override). */
    @GET
    @Path("{id}/permission-holders/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<UserSummary> permissionHolders(@PathParam("id") String id, @PathParam("key") String key,
                                                 @QueryParam("first") String first, @QueryParam("max") String max) {
        auth.users().requireView();
        require(id);
        UserAccessResource.requireKnownPermission(session, realm, key);
        Paging paging = Paging.of(first, max);
        return session.getProvider(AccessProvider.class)
                .usersWithPermission(realm, id, key, paging.first(), paging.max()).stream()
                .map(userId -> session.users().getUserById(realm, userId))
                .filter(java.util.Objects::nonNull)
                .map(UserSummary::of);
    }

    private TenantNodeModel require(String id) {
        TenantNodeModel node = tree.getNode(realm, id);
        if (node == null) {
            throw ApiErrors.notFound("id", "no node with id " + id);
        }
        return node;
    }

    private static NodeFilter filter(String kind, String status, String q, String maxDepth) {
        String text = q == null || q.isBlank() ? null : q.trim();
        if (text != null && text.length() > 255) {
            throw ApiErrors.invalid("q", "q must be at most 255 characters");
        }
        return new NodeFilter(QueryParams.enumValue("kind", kind, NodeKind.class),
                QueryParams.enumValue("status", status, NodeStatus.class), text,
                QueryParams.optionalInteger("maxDepth", maxDepth, 1, 1000));
    }

    public record MoveRequest(String parentId) {
    }
}
