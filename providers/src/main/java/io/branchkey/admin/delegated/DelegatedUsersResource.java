package io.branchkey.admin.delegated;

import java.util.List;

import io.branchkey.access.GrantProvider;
import io.branchkey.admin.AccessRepresentations.GrantRepresentation;
import io.branchkey.admin.UserSummary;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
import io.branchkey.audit.AuditProvider;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;

/** Users of the caller's accounts: invite, edit, see their grants, terminate. */
public final class DelegatedUsersResource {

    private static final String SET_PASSWORD = UserModel.RequiredAction.UPDATE_PASSWORD.name();

    private final KeycloakSession session;
    private final DelegatedGuard guard;

    DelegatedUsersResource(KeycloakSession session, DelegatedGuard guard) {
        this.session = session;
        this.guard = guard;
    }

    public record InviteRequest(String username, String email, String firstName, String lastName, String homeAccountId) {
    }

    public record UpdateRequest(String email, String firstName, String lastName, Boolean enabled) {
    }

    /** Creates a Keycloak user in an account the caller may invite to; the user sets a password at first login. */
    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(String body) {
        InviteRequest input = JsonBodies.read(body, InviteRequest.class);
        TenantNodeModel account = guard.nodeWith(input.homeAccountId(), "homeAccountId", DelegatedPermissions.INVITE_USERS);
        if (account.getKind() != NodeKind.ACCOUNT) {
            throw ApiErrors.invalid("homeAccountId", "a home account must be an ACCOUNT node");
        }
        String username = UserFields.username(input.username());
        String email = UserFields.email(input.email());
        if (session.users().getUserByUsername(guard.caller().realm(), username) != null) {
            throw ApiErrors.conflict("username", "a user with that username exists");
        }
        if (email != null && session.users().getUserByEmail(guard.caller().realm(), email) != null) {
            throw ApiErrors.conflict("email", "a user with that email exists");
        }
        UserModel user;
        try {
            user = session.users().addUser(guard.caller().realm(), username);
        } catch (ModelDuplicateException e) {
            throw ApiErrors.conflict("username", "a user with that username exists");
        }
        user.setEnabled(true);
        user.setEmail(email);
        user.setFirstName(UserFields.name("firstName", input.firstName()));
        user.setLastName(UserFields.name("lastName", input.lastName()));
        user.addRequiredAction(SET_PASSWORD);
        session.getProvider(TenantMembershipProvider.class).setHomeAccount(guard.caller().realm(), user, account);
        session.getProvider(AuditProvider.class).success(guard.caller().realm(), guard.caller().id(), "USER_INVITE",
                account.getId(), user.getId(), username);
        return Response.status(Response.Status.CREATED).entity(UserSummary.of(user)).build();
    }

    @GET
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public UserSummary get(@PathParam("userId") String userId) {
        return UserSummary.of(guard.userWith(userId, DelegatedPermissions.VIEW_USERS));
    }

    @PUT
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public UserSummary update(@PathParam("userId") String userId, String body) {
        UserModel user = guard.userWith(userId, DelegatedPermissions.UPDATE_USERS);
        UpdateRequest input = JsonBodies.read(body, UpdateRequest.class);
        if (input.email() != null) {
            String email = UserFields.email(input.email());
            UserModel other = session.users().getUserByEmail(guard.caller().realm(), email);
            if (other != null && !other.getId().equals(user.getId())) {
                throw ApiErrors.conflict("email", "another user has that email");
            }
            user.setEmail(email);
        }
        if (input.firstName() != null) {
            user.setFirstName(UserFields.name("firstName", input.firstName()));
        }
        if (input.lastName() != null) {
            user.setLastName(UserFields.name("lastName", input.lastName()));
        }
        if (input.enabled() != null && input.enabled() != user.isEnabled()) {
            // Switching a user off or on is its own right (Dutchie: toggle the user to Inactive), not an edit.
            if (guard.anchorFor(user, DelegatedPermissions.DEACTIVATE_USERS) == null) {
                throw ApiErrors.forbidden("you need " + DelegatedPermissions.DEACTIVATE_USERS + " to enable or disable this user");
            }
            // Disabling takes away whatever the user could manage: the last role manager of an account stays.
            boolean disabling = user.isEnabled() && !input.enabled();
            LastAdminProtection protection = new LastAdminProtection(session, guard.caller().realm());
            List<String> atStake = disabling ? protection.accountsAtStake(user.getId(),
                    session.getProvider(GrantProvider.class).ofUser(guard.caller().realm(), user.getId())) : List.of();
            user.setEnabled(input.enabled());
            protection.requireRoleManagersLeft(atStake);
        }
        session.getProvider(AuditProvider.class).success(guard.caller().realm(), guard.caller().id(), "USER_UPDATE",
                guard.anchorFor(user, DelegatedPermissions.UPDATE_USERS), user.getId(), null);
        return UserSummary.of(user);
    }

    /** The user's PIN: status, generate, reset, unlock (docs/pin.md). */
    @Path("{userId}/pin")
    public DelegatedPinResource pin(@PathParam("userId") String userId) {
        return new DelegatedPinResource(session, guard, userId);
    }

    /** The user's grants at nodes the caller can see. */
    @GET
    @Path("{userId}/grants")
    @Produces(MediaType.APPLICATION_JSON)
    public List<GrantRepresentation> grants(@PathParam("userId") String userId) {
        UserModel user = guard.userWith(userId, DelegatedPermissions.VIEW_USERS);
        return session.getProvider(GrantProvider.class).ofUser(guard.caller().realm(), user.getId()).stream()
                .filter(g -> !guard.permissionsAt(g.nodeId()).isEmpty())
                .map(GrantRepresentation::of).toList();
    }

    /**
     * Terminates in one call: revokes all the user's grants, ends their sessions and disables them. All grants,
     * not only the caller's share: a terminated employee keeps nothing.
     */
    @POST
    @Path("{userId}/terminate")
    public Response terminate(@PathParam("userId") String userId) {
        UserModel user = guard.userWith(userId, DelegatedPermissions.TERMINATE_USERS);
        if (user.getId().equals(guard.caller().id())) {
            throw ApiErrors.invalid("userId", "you cannot terminate yourself");
        }
        GrantProvider grants = session.getProvider(GrantProvider.class);
        LastAdminProtection protection = new LastAdminProtection(session, guard.caller().realm());
        List<String> atStake = protection.accountsAtStake(user.getId(), grants.ofUser(guard.caller().realm(), user.getId()));
        int revoked = grants.revokeAll(guard.caller().realm(), user.getId());
        protection.requireRoleManagersLeft(atStake);
        user.setEnabled(false);
        session.sessions().removeUserSessions(guard.caller().realm(), user);
        session.getProvider(AuditProvider.class).success(guard.caller().realm(), guard.caller().id(), "USER_TERMINATE",
                guard.anchorFor(user, DelegatedPermissions.TERMINATE_USERS), user.getId(), revoked + " grant(s) revoked");
        return Response.noContent().build();
    }
}
