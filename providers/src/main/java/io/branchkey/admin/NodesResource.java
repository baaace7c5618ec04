package io.branchkey.admin;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.branchkey.admin.service.AccessRepresentations.GrantRepresentation;
import io.branchkey.admin.service.Caller;
import io.branchkey.admin.service.GrantService;
import io.branchkey.admin.service.MembershipService;
import io.branchkey.admin.service.NodeRepresentation;
import io.branchkey.admin.service.NodeService;
import io.branchkey.admin.service.OverrideRuleService;
import io.branchkey.admin.service.PinService;
import io.branchkey.admin.service.UserSummary;
import io.branchkey.override.OverrideRepresentations;
import io.branchkey.rest.ApiErrors;
import io.branchkey.rest.JsonBodies;
import io.branchkey.rest.Paging;
import io.branchkey.rest.QueryParams;
import io.branchkey.tenancy.NodeFilter;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;
import io.branchkey.tenancy.TenantNodeModel;
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

import static io.branchkey.rest.ApiErrors.translate;

/** The tenant tree and what hangs on its nodes: members, grants, override rules, PIN settings. */
public final class NodesResource {

    private final Caller caller;

    NodesResource(Caller caller) {
        this.caller = caller;
    }

    public record MoveRequest(String parentId) {
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        NodeRepresentation input = JsonBodies.read(body, NodeRepresentation.class);
        TenantNodeModel node = translate(() -> nodes().create(input));
        return Response.created(caller.session().getContext().getUri().getAbsolutePathBuilder().path(node.getId()).build())
                .entity(NodeRepresentation.of(node)).build();
    }

    /** The whole realm's nodes that match (realm admins). */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<NodeRepresentation> search(@QueryParam("kind") String kind, @QueryParam("status") String status,
                                             @QueryParam("q") String q, @QueryParam("first") String first,
                                             @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        NodeFilter filter = filter(kind, status, q, null);
        return translate(() -> nodes().search(filter, paging.first(), paging.max())).map(NodeRepresentation::of);
    }

    /** The top of what the caller sees: the realm's roots, or the nodes of the caller's own grants. */
    @GET
    @Path("roots")
    @Produces(MediaType.APPLICATION_JSON)
    public List<NodeRepresentation> roots(@QueryParam("first") String first, @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        return translate(() -> nodes().roots(paging.first(), paging.max())).stream().map(NodeRepresentation::of).toList();
    }

    @GET
    @Path("by-code/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation byCode(@PathParam("code") String code) {
        return NodeRepresentation.of(translate(() -> nodes().byCode(code)));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation get(@PathParam("id") String id) {
        return NodeRepresentation.of(translate(() -> nodes().get(id)));
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation update(@PathParam("id") String id, String body) {
        NodeRepresentation input = JsonBodies.read(body, NodeRepresentation.class);
        return NodeRepresentation.of(translate(() -> nodes().update(id, input)));
    }

    @POST
    @Path("{id}/move")
    @Produces(MediaType.APPLICATION_JSON)
    public NodeRepresentation move(@PathParam("id") String id, String body) {
        MoveRequest input = JsonBodies.read(body, MoveRequest.class);
        return NodeRepresentation.of(translate(() -> nodes().move(id, input.parentId())));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @QueryParam("cascade") String cascade) {
        boolean withSubtree = QueryParams.bool("cascade", cascade);
        translate(() -> nodes().delete(id, withSubtree));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/children")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<NodeRepresentation> children(@PathParam("id") String id, @QueryParam("first") String first,
                                               @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        return translate(() -> nodes().children(id, paging.first(), paging.max())).map(NodeRepresentation::of);
    }

    @GET
    @Path("{id}/subtree")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<NodeRepresentation> subtree(@PathParam("id") String id, @QueryParam("kind") String kind,
                                              @QueryParam("status") String status, @QueryParam("q") String q,
                                              @QueryParam("maxDepth") String maxDepth,
                                              @QueryParam("first") String first, @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        NodeFilter filter = filter(kind, status, q, maxDepth);
        return translate(() -> nodes().subtree(id, filter, paging.first(), paging.max())).map(NodeRepresentation::of);
    }

    @GET
    @Path("{id}/subtree/count")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> countSubtree(@PathParam("id") String id, @QueryParam("kind") String kind,
                                          @QueryParam("status") String status, @QueryParam("q") String q,
                                          @QueryParam("maxDepth") String maxDepth) {
        NodeFilter filter = filter(kind, status, q, maxDepth);
        return Map.of("count", translate(() -> nodes().countSubtree(id, filter)));
    }

    @GET
    @Path("{id}/ancestors")
    @Produces(MediaType.APPLICATION_JSON)
    public List<NodeRepresentation> ancestors(@PathParam("id") String id) {
        return translate(() -> nodes().ancestors(id)).stream().map(NodeRepresentation::of).toList();
    }

    @GET
    @Path("{id}/override-rules")
    @Produces(MediaType.APPLICATION_JSON)
    public List<OverrideRepresentations.Rule> overrideRules(@PathParam("id") String id) {
        return translate(() -> overrides().rulesAt(id)).stream().map(OverrideRepresentations.Rule::of).toList();
    }

    @PUT
    @Path("{id}/override-rules/{action}")
    @Produces(MediaType.APPLICATION_JSON)
    public OverrideRepresentations.Rule setOverrideRule(@PathParam("id") String id, @PathParam("action") String action,
                                                        String body) {
        OverrideRepresentations.RuleInput input = JsonBodies.read(body, OverrideRepresentations.RuleInput.class);
        return OverrideRepresentations.Rule.of(translate(() -> overrides().set(id, action, input)));
    }

    @DELETE
    @Path("{id}/override-rules/{action}")
    public Response removeOverrideRule(@PathParam("id") String id, @PathParam("action") String action) {
        translate(() -> overrides().remove(id, action));
        return Response.noContent().build();
    }

    /** The rules in force at the node, each from the nearest node that sets one for its action. */
    @GET
    @Path("{id}/override-policy")
    @Produces(MediaType.APPLICATION_JSON)
    public List<OverrideRepresentations.Rule> overridePolicy(@PathParam("id") String id) {
        return translate(() -> overrides().effectiveAt(id)).stream().map(OverrideRepresentations.Rule::of).toList();
    }

    @GET
    @Path("{id}/users")
    @Produces(MediaType.APPLICATION_JSON)
    public List<UserSummary> members(@PathParam("id") String id, @QueryParam("subtree") String subtree,
                                     @QueryParam("first") String first, @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        boolean wholeSubtree = QueryParams.bool("subtree", subtree);
        return translate(() -> memberships().members(id, wholeSubtree, paging.first(), paging.max())).stream()
                .map(UserSummary::of).toList();
    }

    @PUT
    @Path("{id}/users/{userId}")
    public Response addMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        translate(() -> memberships().add(id, userId));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/users/{userId}")
    public Response removeMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        translate(() -> memberships().remove(id, userId));
        return Response.noContent().build();
    }

    /** A LOCATION's PIN login mode. */
    @GET
    @Path("{id}/pin-settings")
    @Produces(MediaType.APPLICATION_JSON)
    public PinService.PinSettings pinSettings(@PathParam("id") String id) {
        return new PinService.PinSettings(translate(() -> new PinService(caller).loginMode(id)));
    }

    @PUT
    @Path("{id}/pin-settings")
    @Produces(MediaType.APPLICATION_JSON)
    public PinService.PinSettings updatePinSettings(@PathParam("id") String id, String body) {
        PinService.PinSettings input = JsonBodies.read(body, PinService.PinSettings.class);
        return new PinService.PinSettings(PinApi.run(() -> new PinService(caller).setLoginMode(id, input.mode())));
    }

    /** The grants made at the node. */
    @GET
    @Path("{id}/grants")
    @Produces(MediaType.APPLICATION_JSON)
    public List<GrantRepresentation> grants(@PathParam("id") String id) {
        return translate(() -> new GrantService(caller).atNode(id)).stream().map(GrantRepresentation::of).toList();
    }

    /** Who holds a permission here now, through grants here or above (e.g. who can approve an override). */
    @GET
    @Path("{id}/permission-holders/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    public List<UserSummary> permissionHolders(@PathParam("id") String id, @PathParam("key") String key,
                                               @QueryParam("first") String first, @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        return translate(() -> new GrantService(caller).holders(id, key, paging.first(), paging.max())).stream()
                .map(UserSummary::of).toList();
    }

    private NodeService nodes() {
        return new NodeService(caller);
    }

    private MembershipService memberships() {
        return new MembershipService(caller);
    }

    private OverrideRuleService overrides() {
        return new OverrideRuleService(caller);
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
}
