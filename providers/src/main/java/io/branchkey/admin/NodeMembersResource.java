package io.branchkey.admin;

import java.util.Objects;
import java.util.stream.Stream;

import io.branchkey.admin.rest.Paging;
import io.branchkey.admin.rest.QueryParams;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * The users of one node. Reading needs view rights on users, changing memberships manage rights on the user.
 */
public final class NodeMembersResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final TenantNodeModel node;
    private final TenantMembershipProvider memberships;

    NodeMembersResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                        AdminEventBuilder adminEvent, TenantNodeModel node) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.node = node;
        this.memberships = session.getProvider(TenantMembershipProvider.class);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<UserSummary> list(@QueryParam("subtree") String subtree, @QueryParam("first") String first,
                                    @QueryParam("max") String max) {
        auth.users().requireView();
        boolean wholeSubtree = QueryParams.bool("subtree", subtree);
        Paging paging = Paging.of(first, max);
        // One page of ids, then users by id: Keycloak's user cache serves most of those lookups.
        return memberships.getMemberIds(realm, node, wholeSubtree, paging.first(), paging.max()).toList().stream()
                .map(id -> session.users().getUserById(realm, id))
                .filter(Objects::nonNull)
                .map(UserSummary::of);
    }

    @PUT
    @Path("{userId}")
    public Response add(@PathParam("userId") String userId) {
        UserModel user = Users.require(session, realm, userId);
        auth.users().requireManage(user);
        if (io.branchkey.admin.rest.ApiErrors.translate(() -> memberships.addMember(realm, node, user))) {
            AdminEvents.emit(adminEvent, OperationType.CREATE, AdminEvents.MEMBERSHIP,
                    new MembershipRepresentation(node.getId(), user.getId()), "nodes", node.getId(), "users", user.getId());
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("{userId}")
    public Response remove(@PathParam("userId") String userId) {
        UserModel user = Users.require(session, realm, userId);
        auth.users().requireManage(user);
        if (!memberships.removeMember(realm, node, user)) {
            throw io.branchkey.admin.rest.ApiErrors.notFound("userId", "the user is not a member of this node");
        }
        AdminEvents.emit(adminEvent, OperationType.DELETE, AdminEvents.MEMBERSHIP,
                new MembershipRepresentation(node.getId(), user.getId()), "nodes", node.getId(), "users", user.getId());
        return Response.noContent().build();
    }

    public record MembershipRepresentation(String nodeId, String userId) {
    }
}
