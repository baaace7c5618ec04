package io.branchkey.admin;

import java.util.List;

import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** A user's place in the tenant tree: home account and memberships. */
public final class UserTenancyResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final UserModel user;
    private final TenantMembershipProvider memberships;

    UserTenancyResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                        AdminEventBuilder adminEvent, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.user = user;
        this.memberships = session.getProvider(TenantMembershipProvider.class);
    }

    @GET
    @Path("tenancy")
    @Produces(MediaType.APPLICATION_JSON)
    public TenancyRepresentation tenancy() {
        auth.users().requireView(user);
        return current();
    }

    @PUT
    @Path("home-account")
    @Produces(MediaType.APPLICATION_JSON)
    public TenancyRepresentation setHomeAccount(String body) {
        auth.users().requireManage(user);
        HomeAccountRequest input = JsonBodies.read(body, HomeAccountRequest.class);
        if (input.nodeId() == null || input.nodeId().isBlank()) {
            throw ApiErrors.invalid("nodeId", "nodeId is required");
        }
        TenantNodeModel account = session.getProvider(TenantTreeProvider.class).getNode(realm, input.nodeId());
        if (account == null) {
            throw ApiErrors.notFound("nodeId", "no node with id " + input.nodeId());
        }
        ApiErrors.translate(() -> memberships.setHomeAccount(realm, user, account));
        TenancyRepresentation tenancy = current();
        AdminEvents.emit(adminEvent, OperationType.UPDATE, AdminEvents.MEMBERSHIP, input,
                "users", user.getId(), "home-account");
        return tenancy;
    }

    @DELETE
    @Path("home-account")
    public Response clearHomeAccount() {
        auth.users().requireManage(user);
        if (!memberships.clearHomeAccount(realm, user)) {
            throw ApiErrors.notFound("userId", "the user has no home account");
        }
        AdminEvents.emit(adminEvent, OperationType.DELETE, AdminEvents.MEMBERSHIP, null,
                "users", user.getId(), "home-account");
        return Response.noContent().build();
    }

    private TenancyRepresentation current() {
        return new TenancyRepresentation(memberships.getHomeAccountId(realm, user),
                memberships.getMemberships(realm, user).map(NodeRepresentation::of).toList());
    }

    public record HomeAccountRequest(String nodeId) {
    }

    // Keycloak's JSON provider drops nulls; a client should see "no home account" as an explicit null.
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record TenancyRepresentation(String homeAccountId, List<NodeRepresentation> memberOf) {
    }
}
