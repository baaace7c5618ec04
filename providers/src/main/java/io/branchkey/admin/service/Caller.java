package io.branchkey.admin.service;

import java.util.BitSet;
import java.util.Collection;
import java.util.function.Supplier;

import io.branchkey.access.GrantWindow;
import io.branchkey.access.GrantedRoleGroup;
import io.branchkey.tenancy.TenantNodeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Who is asking, and therefore how every administrative action is checked and recorded. There are two kinds:
 * {@link RealmAdminCaller}, checked by Keycloak's admin permissions and recorded as Keycloak admin events, and
 * {@link DelegatedCaller}, checked against the caller's own grants and recorded in Branchkey's audit trail. The
 * services ask a caller these questions and nothing else, so one rule is never written twice.
 * <p>
 * Refusals are {@link io.branchkey.common.BranchkeyException}s: NOT_FOUND when the object is unknown or outside
 * the caller's reach (the two look alike), FORBIDDEN inside the reach without the right.
 */
public interface Caller {

    KeycloakSession session();

    RealmModel realm();

    /** The acting user's id (a realm admin may be a user of the master realm). */
    String id();

    boolean isRealmAdmin();

    /** The same caller, seen from another session (each item of a bulk request runs in a transaction of its own). */
    Caller in(KeycloakSession other);

    /** A node where the caller may use the right. */
    TenantNodeModel node(String id, String field, Right right);

    /** Whether the caller sees the node at all: lists leave out what they do not. */
    boolean sees(String nodeId);

    /** Whether the caller may use the right at the node, for filtering a list whose access was already checked. */
    boolean may(String nodeId, Right right);

    /**
     * A user the caller may use the right on: one who belongs (home account or membership) where the caller holds
     * it, and, for a right that changes the user, one the caller may act on ({@link #requireMayActOn}).
     */
    default UserModel user(String id, String field, Right right) {
        return user(id, field, right, right.name());
    }

    /** The same, naming the attempted action in the audit trail should the caller be refused. */
    UserModel user(String id, String field, Right right, String action);

    /**
     * The caller may act on this user as far as {@code act} reaches: never on a Keycloak administrator, and only
     * with every permission the user holds where the act reaches.
     */
    void requireMayActOn(UserModel target, Act act, String action);

    /** Whether the caller sees the user at all (the user belongs somewhere in the caller's reach). */
    boolean sees(UserModel user);

    /** Where the caller reaches the user with the right (home account first), for the audit trail; may be null. */
    String anchor(UserModel user, Right right);

    /**
     * For operations that belong to no node the caller holds rights at (realm settings, the catalog, the seed,
     * top-level nodes); {@code what} completes "only realm admins can …" for everyone else.
     */
    void requireRealmRight(Right right, String what);

    /**
     * Handing out {@code permissions} at the node, for the window (null: no grant, e.g. a role group's content):
     * the caller must hold what that confers there, now and, for a grant, for as long as it lasts. A grantee of
     * null is no user (a role group, a device type); the caller may not grant to themselves.
     */
    void requireMayConfer(TenantNodeModel node, BitSet permissions, GrantWindow window, UserModel grantee, String action);

    /** Taking {@code permissions} away at the node (a revocation): the caller must hold what they confer there. */
    void requireMayWithdraw(TenantNodeModel node, BitSet permissions, String action, String targetId);

    /**
     * A move makes grants (of anyone) start or stop reaching the node and its subtree: those on the new path only
     * start, and the caller must hold what they confer at the new parent, where they hold already; those on the old
     * path only stop, and the caller must hold what they confer at the node, as for a revocation.
     */
    void requireMayShift(TenantNodeModel node, TenantNodeModel newParent, Collection<GrantedRoleGroup> starting,
                         Collection<GrantedRoleGroup> stopping, String action);

    /**
     * Runs a change that may take role managers away from the accounts at or around these nodes, keeping at least
     * one (enabled) role manager in every account that had one. Serialised per account.
     */
    <T> T keepingRoleManagers(Collection<String> nodeIds, Supplier<T> change);

    /** Records a change that has been made. */
    void record(Change change);
}
