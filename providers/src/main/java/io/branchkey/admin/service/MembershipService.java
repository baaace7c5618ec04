package io.branchkey.admin.service;

import java.util.List;
import java.util.Objects;

import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;

/** Who belongs where: members of nodes, and each user's home account. */
public final class MembershipService {

    private final Caller caller;
    private final TenantMembershipProvider memberships;

    public MembershipService(Caller caller) {
        this.caller = caller;
        this.memberships = caller.session().getProvider(TenantMembershipProvider.class);
    }

    public record MembershipRepresentation(String nodeId, String userId) {
    }

    // Keycloak's JSON provider drops nulls; a client should see "no home account" as an explicit null.
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record TenancyRepresentation(String homeAccountId, List<NodeRepresentation> memberOf) {
    }

    /** The node's members (with {@code subtree}, those of every node below it too), one page of them. */
    public List<UserModel> members(String nodeId, boolean subtree, int first, int max) {
        TenantNodeModel node = caller.node(nodeId, "id", Right.VIEW_USERS);
        // One page of ids, then users by id: Keycloak's user cache serves most of those lookups.
        return memberships.getMemberIds(caller.realm(), node, subtree, first, max).toList().stream()
                .map(id -> caller.session().users().getUserById(caller.realm(), id))
                .filter(Objects::nonNull).toList();
    }

    /** Makes the user a member of the node: the caller needs users.update-locations at both ends. */
    public void add(String nodeId, String userId) {
        TenantNodeModel node = caller.node(nodeId, "id", Right.UPDATE_USER_LOCATIONS);
        UserModel user = caller.user(userId, "userId", Right.UPDATE_USER_LOCATIONS, "MEMBERSHIP_ADD");
        if (memberships.addMember(caller.realm(), node, user)) {
            record(OperationType.CREATE, "MEMBERSHIP_ADD", node, user);
        }
    }

    public void remove(String nodeId, String userId) {
        TenantNodeModel node = caller.node(nodeId, "id", Right.UPDATE_USER_LOCATIONS);
        UserModel user = caller.user(userId, "userId", Right.UPDATE_USER_LOCATIONS, "MEMBERSHIP_REMOVE");
        if (!memberships.removeMember(caller.realm(), node, user)) {
            throw BranchkeyException.notFound("userId", "the user is not a member of this node");
        }
        record(OperationType.DELETE, "MEMBERSHIP_REMOVE", node, user);
    }

    /** Bulk assignment also needs users.bulk-assign-locations at the node (Dutchie: Bulk Assign User Locations). */
    public MembershipRepresentation assignInBulk(String nodeId, String userId, boolean remove) {
        caller.node(nodeId, "nodeId", Right.BULK_ASSIGN_LOCATIONS);
        if (remove) {
            remove(nodeId, userId);
        } else {
            add(nodeId, userId);
        }
        return new MembershipRepresentation(nodeId, userId);
    }

    /** The user's home account and the memberships the caller can see. */
    public TenancyRepresentation tenancy(String userId) {
        UserModel user = caller.user(userId, "userId", Right.VIEW_USERS);
        String home = memberships.getHomeAccountId(caller.realm(), user);
        return new TenancyRepresentation(home != null && caller.sees(home) ? home : null,
                memberships.getMemberships(caller.realm(), user).filter(n -> caller.sees(n.getId()))
                        .map(NodeRepresentation::of).toList());
    }

    /** Moves the user's home account: the caller needs users.update-locations at the old and the new one. */
    public TenancyRepresentation setHomeAccount(String userId, String accountId) {
        UserModel user = caller.user(userId, "userId", Right.UPDATE_USER_LOCATIONS, "HOME_ACCOUNT_SET");
        TenantNodeModel account = caller.node(accountId, "nodeId", Right.UPDATE_USER_LOCATIONS);
        String current = memberships.getHomeAccountId(caller.realm(), user);
        if (current != null && !current.equals(account.getId())) {
            requireAtCurrentHome(current);
        }
        memberships.setHomeAccount(caller.realm(), user, account);
        caller.record(Change.of(OperationType.UPDATE, Change.MEMBERSHIP, "users", user.getId(), "home-account")
                .representation(new MembershipRepresentation(account.getId(), user.getId()))
                .audit("HOME_ACCOUNT_SET", account.getId(), user.getId(), null));
        return tenancy(userId);
    }

    public void clearHomeAccount(String userId) {
        UserModel user = caller.user(userId, "userId", Right.UPDATE_USER_LOCATIONS, "HOME_ACCOUNT_CLEAR");
        String current = memberships.getHomeAccountId(caller.realm(), user);
        if (current == null) {
            throw BranchkeyException.notFound("userId", "the user has no home account");
        }
        requireAtCurrentHome(current);
        memberships.clearHomeAccount(caller.realm(), user);
        caller.record(Change.of(OperationType.DELETE, Change.MEMBERSHIP, "users", user.getId(), "home-account")
                .audit("HOME_ACCOUNT_CLEAR", current, user.getId(), null));
    }

    private void requireAtCurrentHome(String homeAccountId) {
        try {
            caller.node(homeAccountId, "nodeId", Right.UPDATE_USER_LOCATIONS);
        } catch (BranchkeyException e) {
            throw BranchkeyException.forbidden("nodeId", "you need " + Right.UPDATE_USER_LOCATIONS.permission()
                    + " at the user's current home account to change it");
        }
    }

    private void record(OperationType operation, String action, TenantNodeModel node, UserModel user) {
        caller.record(Change.of(operation, Change.MEMBERSHIP, "nodes", node.getId(), "users", user.getId())
                .representation(new MembershipRepresentation(node.getId(), user.getId()))
                .audit(action, node.getId(), user.getId(), null));
    }
}
