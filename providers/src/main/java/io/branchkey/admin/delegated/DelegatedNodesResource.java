package io.branchkey.admin.delegated;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import io.branchkey.admin.NodePinSettingsResource;
import io.branchkey.admin.NodeRepresentation;
import io.branchkey.admin.OverrideRepresentations;
import io.branchkey.admin.PinApi;
import io.branchkey.admin.UserSummary;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
import io.branchkey.admin.rest.Paging;
import io.branchkey.admin.rest.QueryParams;
import io.branchkey.audit.AuditProvider;
import io.branchkey.override.OverridePolicyProvider;
import io.branchkey.pin.PinProvider;
import io.branchkey.tenancy.NodeFilter;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;
import io.branchkey.tenancy.TenantMembershipProvider;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** The tree as a delegated caller sees it: the subtrees of their grants, changed where they hold the rights. */
public final class DelegatedNodesResource {

    private final KeycloakSession session;
    private final DelegatedGuard guard;
    private final TenantTreeProvider tree;

    DelegatedNodesResource(KeycloakSession session, DelegatedGuard guard) {
        this.session = session;
        this.guard = guard;
        this.tree = session.getProvider(TenantTreeProvider.class);
    }

    public record MoveRequest(String parentId) {
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation get(@PathParam("id") String id) {
        return NodeRepresentation.of(guard.visibleNode(id, "id"));
    }

    @GET
    @Path("{id}/children")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<NodeRepresentation> children(@PathParam("id") String id, @QueryParam("first") String first,
                                               @QueryParam("max") String max) {
        TenantNodeModel node = guard.visibleNode(id, "id");
        Paging paging = Paging.of(first, max);
        return tree.getChildren(guard.caller().realm(), node.getId(), paging.first(), paging.max()).map(NodeRepresentation::of);
    }

    @GET
    @Path("{id}/subtree")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<NodeRepresentation> subtree(@PathParam("id") String id, @QueryParam("kind") String kind,
                                              @QueryParam("status") String status, @QueryParam("q") String q,
                                              @QueryParam("first") String first, @QueryParam("max") String max) {
        TenantNodeModel node = guard.visibleNode(id, "id");
        Paging paging = Paging.of(first, max);
        NodeFilter filter = new NodeFilter(QueryParams.enumValue("kind", kind, NodeKind.class),
                QueryParams.enumValue("status", status, NodeStatus.class), q == null || q.isBlank() ? null : q.trim(), null);
        return tree.getSubtree(guard.caller().realm(), node.getId(), filter, paging.first(), paging.max())
                .map(NodeRepresentation::of);
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        NodeRepresentation input = JsonBodies.read(body, NodeRepresentation.class);
        if (input.parentId() == null) {
            throw ApiErrors.invalid("parentId", "parentId is required: new nodes go below a node you manage");
        }
        // Creating an account (under a partner) is Deliverect's "Create Account", not a location right.
        String right = input.kind() == io.branchkey.tenancy.NodeKind.ACCOUNT ? DelegatedPermissions.CREATE_ACCOUNTS
                : DelegatedPermissions.CREATE_LOCATIONS;
        TenantNodeModel parent = guard.nodeWith(input.parentId(), "parentId", right);
        TenantNodeModel created = ApiErrors.translate(() -> tree.createNode(guard.caller().realm(), parent.getId(),
                input.toDraft(null)));
        audit("NODE_CREATE", created.getId(), created.getKind() + " " + created.getName());
        return Response.status(Response.Status.CREATED).entity(NodeRepresentation.of(created)).build();
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation update(@PathParam("id") String id, String body) {
        TenantNodeModel node = guard.nodeWith(id, "id", DelegatedPermissions.UPDATE_LOCATIONS);
        NodeRepresentation input = JsonBodies.read(body, NodeRepresentation.class);
        if (input.parentId() != null && !input.parentId().equals(node.getParentId())) {
            throw ApiErrors.invalid("parentId", "parentId cannot change here: use POST .../move");
        }
        TenantNodeModel updated = ApiErrors.translate(() -> tree.updateNode(guard.caller().realm(), id,
                input.toDraft(node.getKind())));
        audit("NODE_UPDATE", id, updated.getName());
        return NodeRepresentation.of(updated);
    }

    /** A move is checked at both ends: the caller must manage the node and the new parent. */
    @POST
    @Path("{id}/move")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation move(@PathParam("id") String id, String body) {
        guard.nodeWith(id, "id", DelegatedPermissions.UPDATE_LOCATIONS);
        MoveRequest input = JsonBodies.read(body, MoveRequest.class);
        if (input.parentId() == null) {
            throw ApiErrors.invalid("parentId", "parentId is required");
        }
        guard.nodeWith(input.parentId(), "parentId", DelegatedPermissions.UPDATE_LOCATIONS);
        TenantNodeModel moved = ApiErrors.translate(() -> tree.moveNode(guard.caller().realm(), id, input.parentId()));
        audit("NODE_MOVE", id, "moved below " + input.parentId());
        return NodeRepresentation.of(moved);
    }

    @GET
    @Path("{id}/users")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<UserSummary> users(@PathParam("id") String id, @QueryParam("subtree") String subtree,
                                     @QueryParam("first") String first, @QueryParam("max") String max) {
        TenantNodeModel node = guard.nodeWith(id, "id", DelegatedPermissions.VIEW_USERS);
        Paging paging = Paging.of(first, max);
        return session.getProvider(TenantMembershipProvider.class)
                .getMemberIds(guard.caller().realm(), node, QueryParams.bool("subtree", subtree), paging.first(), paging.max())
                .toList().stream()
                .map(userId -> session.users().getUserById(guard.caller().realm(), userId))
                .filter(Objects::nonNull).map(UserSummary::of);
    }

    /** Assigning a user to a location is checked at both ends: the location and a node the user belongs to. */
    @PUT
    @Path("{id}/users/{userId}")
    public Response assign(@PathParam("id") String id, @PathParam("userId") String userId) {
        TenantNodeModel node = guard.nodeWith(id, "id", DelegatedPermissions.UPDATE_USER_LOCATIONS);
        UserModel user = guard.userWith(userId, DelegatedPermissions.UPDATE_USER_LOCATIONS);
        if (ApiErrors.translate(() -> session.getProvider(TenantMembershipProvider.class).addMember(guard.caller().realm(), node, user))) {
            audit("MEMBERSHIP_ADD", node.getId(), user.getId(), null);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/users/{userId}")
    public Response unassign(@PathParam("id") String id, @PathParam("userId") String userId) {
        TenantNodeModel node = guard.nodeWith(id, "id", DelegatedPermissions.UPDATE_USER_LOCATIONS);
        UserModel user = guard.userWith(userId, DelegatedPermissions.UPDATE_USER_LOCATIONS);
        if (!session.getProvider(TenantMembershipProvider.class).removeMember(guard.caller().realm(), node, user)) {
            throw ApiErrors.notFound("userId", "the user is not a member of this node");
        }
        audit("MEMBERSHIP_REMOVE", node.getId(), user.getId(), null);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/override-rules")
    @Produces(MediaType.APPLICATION_JSON)
    public List<OverrideRepresentations.Rule> overrideRules(@PathParam("id") String id) {
        TenantNodeModel node = guard.visibleNode(id, "id");
        return overrides().rulesAt(guard.caller().realm(), node.getId()).stream()
                .map(OverrideRepresentations.Rule::of).toList();
    }

    @GET
    @Path("{id}/override-policy")
    @Produces(MediaType.APPLICATION_JSON)
    public List<OverrideRepresentations.Rule> overridePolicy(@PathParam("id") String id) {
        TenantNodeModel node = guard.visibleNode(id, "id");
        return overrides().effectiveAt(guard.caller().realm(), node.getId()).stream()
                .map(OverrideRepresentations.Rule::of).toList();
    }

    @PUT
    @Path("{id}/override-rules/{action}")
    @Produces(MediaType.APPLICATION_JSON)
    public OverrideRepresentations.Rule setOverrideRule(@PathParam("id") String id, @PathParam("action") String action,
                                                        String body) {
        TenantNodeModel node = guard.nodeWith(id, "id", DelegatedPermissions.MANAGE_OVERRIDE_POLICY);
        OverrideRepresentations.RuleInput input = JsonBodies.read(body, OverrideRepresentations.RuleInput.class);
        OverrideRepresentations.Rule saved = OverrideRepresentations.Rule.of(ApiErrors.translate(() ->
                overrides().setRule(guard.caller().realm(), node.getId(), input.toRule(action), guard.caller().id())));
        audit("OVERRIDE_RULE_SET", node.getId(), saved.action() + (saved.required() ? " needs approval" : " needs none"));
        return saved;
    }

    @DELETE
    @Path("{id}/override-rules/{action}")
    public Response removeOverrideRule(@PathParam("id") String id, @PathParam("action") String action) {
        TenantNodeModel node = guard.nodeWith(id, "id", DelegatedPermissions.MANAGE_OVERRIDE_POLICY);
        if (!overrides().removeRule(guard.caller().realm(), node.getId(), action)) {
            throw ApiErrors.notFound("action", "the node has no rule for " + action);
        }
        audit("OVERRIDE_RULE_REMOVE", node.getId(), action);
        return Response.noContent().build();
    }

    private OverridePolicyProvider overrides() {
        return session.getProvider(OverridePolicyProvider.class);
    }

    /** A LOCATION's PIN login mode: visible to whoever sees the node, changed with locations.update. */
    @GET
    @Path("{id}/pin-settings")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.PinSettings pinSettings(@PathParam("id") String id) {
        TenantNodeModel node = guard.visibleNode(id, "id");
        NodePinSettingsResource.requireLocation(node);
        return new PinApi.PinSettings(session.getProvider(PinProvider.class).loginMode(guard.caller().realm(), node.getId()));
    }

    @PUT
    @Path("{id}/pin-settings")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.PinSettings updatePinSettings(@PathParam("id") String id, String body) {
        TenantNodeModel node = guard.nodeWith(id, "id", DelegatedPermissions.UPDATE_LOCATIONS);
        NodePinSettingsResource.requireLocation(node);
        PinApi.PinSettings settings = PinApi.settings(body);
        PinApi.translate(() -> session.getProvider(PinProvider.class).setLoginMode(guard.caller().realm(), node.getId(),
                settings.mode()));
        audit("PIN_SETTINGS_UPDATE", node.getId(), "mode " + settings.mode());
        return settings;
    }

    private void audit(String action, String nodeId, String details) {
        audit(action, nodeId, null, details);
    }

    private void audit(String action, String nodeId, String userId, String details) {
        session.getProvider(AuditProvider.class).success(guard.caller().realm(), guard.caller().id(), action, nodeId,
                userId, details);
    }
}
