package io.branchkey.admin.service;

import java.util.List;

import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.UserModel;

/** Users of the caller's accounts: invite, read, edit, enable or disable, terminate. */
public final class UserService {

    /** Set on a user whom a delegated caller disabled: only such a user may be enabled again by one. */
    static final String DISABLED_BY_MANAGER = "branchkey.disabledByManager";

    private final Caller caller;

    public UserService(Caller caller) {
        this.caller = caller;
    }

    public record InviteRequest(String username, String email, String firstName, String lastName, String homeAccountId) {
    }

    public record UpdateRequest(String email, String firstName, String lastName, Boolean enabled) {
    }

    /** Creates a user in an account the caller may invite to; the user sets a password at first login. */
    public UserModel invite(InviteRequest input) {
        TenantNodeModel account = caller.node(input.homeAccountId(), "homeAccountId", Right.INVITE_USERS);
        if (account.getKind() != NodeKind.ACCOUNT) {
            throw BranchkeyException.invalid("homeAccountId", "a home account must be an ACCOUNT node");
        }
        String username = UserFields.username(input.username());
        String email = UserFields.email(input.email());
        var users = caller.session().users();
        if (users.getUserByUsername(caller.realm(), username) != null) {
            throw BranchkeyException.conflict("username", "a user with that username exists");
        }
        if (email != null && users.getUserByEmail(caller.realm(), email) != null) {
            throw BranchkeyException.conflict("email", "a user with that email exists");
        }
        UserModel user;
        try {
            user = users.addUser(caller.realm(), username);
        } catch (ModelDuplicateException e) {
            throw BranchkeyException.conflict("username", "a user with that username exists");
        }
        user.setEnabled(true);
        user.setEmail(email);
        user.setFirstName(UserFields.name("firstName", input.firstName()));
        user.setLastName(UserFields.name("lastName", input.lastName()));
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        caller.session().getProvider(TenantMembershipProvider.class).setHomeAccount(caller.realm(), user, account);
        caller.record(Change.of(OperationType.CREATE, Change.USER, "users", user.getId())
                .representation(UserSummary.of(user)).audit("USER_INVITE", account.getId(), user.getId(), username));
        return user;
    }

    public UserModel get(String userId) {
        return caller.user(userId, "userId", Right.VIEW_USERS);
    }

    /**
     * Edits names and email (users.update) and switches the user on or off (users.deactivate), both over the whole
     * user. A changed email is unverified until its owner proves it. Disabling ends the user's sessions at once and
     * keeps the last role manager; a user a realm admin disabled stays disabled for delegated callers.
     */
    public UserModel update(String userId, UpdateRequest input) {
        UserModel user = caller.user(userId, "userId", Right.UPDATE_USERS, "USER_UPDATE");
        String email = input.email() == null ? null : UserFields.email(input.email());
        String firstName = input.firstName() == null ? null : UserFields.name("firstName", input.firstName());
        String lastName = input.lastName() == null ? null : UserFields.name("lastName", input.lastName());
        boolean switching = input.enabled() != null && input.enabled() != user.isEnabled();
        if (switching) {
            caller.user(userId, "userId", Right.DEACTIVATE_USERS, "USER_UPDATE");
        }
        if (email != null && !email.equals(user.getEmail())) {
            UserModel other = caller.session().users().getUserByEmail(caller.realm(), email);
            if (other != null && !other.getId().equals(user.getId())) {
                throw BranchkeyException.conflict("email", "another user has that email");
            }
            user.setEmail(email);
            VerificationMail.require(caller.session(), caller.realm(), user);
        }
        if (firstName != null) {
            user.setFirstName(firstName);
        }
        if (lastName != null) {
            user.setLastName(lastName);
        }
        if (switching && input.enabled()) {
            enable(user);
        } else if (switching) {
            caller.keepingRoleManagers(grantNodes(user), () -> {
                disable(user);
                return null;
            });
        }
        caller.record(Change.of(OperationType.UPDATE, Change.USER, "users", user.getId())
                .representation(UserSummary.of(user))
                .audit("USER_UPDATE", caller.anchor(user, Right.UPDATE_USERS), user.getId(),
                        switching ? (input.enabled() ? "enabled" : "disabled") : null));
        return user;
    }

    /**
     * Terminates in one call: revokes the user's grants, ends their sessions and disables them. A delegated caller
     * must reach all of the user's grants: someone still employed elsewhere is refused (409, saying how many grants
     * remain), and nothing changes.
     */
    public void terminate(String userId) {
        UserModel user = caller.user(userId, "userId", Right.TERMINATE_USERS, "USER_TERMINATE");
        if (user.getId().equals(caller.id())) {
            throw BranchkeyException.invalid("userId", "you cannot terminate yourself");
        }
        GrantProvider grants = caller.session().getProvider(GrantProvider.class);
        List<Grant> held = grants.ofUser(caller.realm(), user.getId());
        long outside = held.stream().filter(g -> !caller.sees(g.nodeId())).count();
        if (outside > 0) {
            throw BranchkeyException.conflict("userId", "the user also holds " + outside
                    + " grant(s) outside your reach, so they stay employed there: revoke your grants instead, or ask"
                    + " a realm admin to terminate them");
        }
        int revoked = caller.keepingRoleManagers(held.stream().map(Grant::nodeId).toList(), () -> {
            // exactly the grants judged above; one made meanwhile elsewhere makes it a conflict after all
            held.forEach(grant -> grants.revoke(caller.realm(), grant.id()));
            if (!grants.ofUser(caller.realm(), user.getId()).isEmpty()) {
                throw BranchkeyException.conflict("userId", "the user was granted something else meanwhile: try again");
            }
            disable(user);
            return held.size();
        });
        caller.record(Change.of(OperationType.ACTION, Change.USER, "users", user.getId(), "terminate")
                .representation(UserSummary.of(user))
                .audit("USER_TERMINATE", caller.anchor(user, Right.TERMINATE_USERS), user.getId(),
                        revoked + " grant(s) revoked"));
    }

    private void enable(UserModel user) {
        if (!caller.isRealmAdmin() && user.getFirstAttribute(DISABLED_BY_MANAGER) == null) {
            throw BranchkeyException.forbidden("enabled", "this user was disabled by a realm admin (or outside"
                    + " Branchkey): only a realm admin can enable them again");
        }
        user.removeAttribute(DISABLED_BY_MANAGER);
        user.setEnabled(true);
    }

    private void disable(UserModel user) {
        user.setEnabled(false);
        if (caller.isRealmAdmin()) {
            user.removeAttribute(DISABLED_BY_MANAGER);
        } else {
            user.setSingleAttribute(DISABLED_BY_MANAGER, caller.id());
        }
        UserSessions.end(caller.session(), caller.realm(), user);
    }

    private List<String> grantNodes(UserModel user) {
        return caller.session().getProvider(GrantProvider.class).ofUser(caller.realm(), user.getId()).stream()
                .map(Grant::nodeId).distinct().toList();
    }
}
