package io.branchkey.admin.service;

import java.util.BitSet;
import java.util.Collection;
import java.util.function.Supplier;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.EffectivePermissionRule;
import io.branchkey.access.GrantWindow;
import io.branchkey.access.GrantedRoleGroup;
import io.branchkey.access.PermissionSet;
import io.branchkey.audit.AuditProvider;
import io.branchkey.common.BranchkeyException;
import io.branchkey.rest.ApiError;
import io.branchkey.rest.BearerTokens;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * An ordinary user of the realm, on the delegated API, proven by a management access token. Everything is checked
 * against the caller's own grants: they see only nodes where they hold something (the rest is 404, like an unknown
 * id), act only where they hold the right (403 otherwise), never hand out or take away more than they hold, never
 * act on a user more powerful than themselves, and never leave an account without a role manager. Refusals of
 * those rules are audited.
 */
public final class DelegatedCaller implements Caller {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    private final Reach reach;

    DelegatedCaller(KeycloakSession session, RealmModel realm, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.reach = new Reach(session, realm, user.getId());
    }

    /** The caller behind the request's bearer token: 401 without a valid one, 403 when it is not a management token. */
    public static DelegatedCaller authenticate(KeycloakSession session, RealmModel realm) {
        AuthenticationManager.AuthResult auth = BearerTokens.authenticate(session, realm);
        String refusal = ManagementTokens.refusal(session, realm, auth);
        if (refusal != null) {
            throw new ErrorResponseException(Response.status(Response.Status.FORBIDDEN)
                    .header("WWW-Authenticate", "Bearer realm=\"" + realm.getName() + "\", error=\"insufficient_scope\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("forbidden", refusal, null))
                    .build());
        }
        return new DelegatedCaller(session, realm, auth.user());
    }

    @Override
    public KeycloakSession session() {
        return session;
    }

    @Override
    public RealmModel realm() {
        return realm;
    }

    @Override
    public String id() {
        return user.getId();
    }

    @Override
    public boolean isRealmAdmin() {
        return false;
    }

    @Override
    public Caller in(KeycloakSession other) {
        RealmModel otherRealm = other.realms().getRealm(realm.getId());
        other.getContext().setRealm(otherRealm);
        UserModel again = other.users().getUserById(otherRealm, user.getId());
        // read again for each item: a caller disabled (or deleted) during a bulk request stops there
        if (again == null || !again.isEnabled()) {
            throw BranchkeyException.forbidden("your account is no longer enabled");
        }
        return new DelegatedCaller(other, otherRealm, again);
    }

    @Override
    public TenantNodeModel node(String id, String field, Right right) {
        Users.requirePresent(field, id);
        TenantNodeModel node = id.length() > 255 ? null : session.getProvider(TenantTreeProvider.class).getNode(realm, id);
        if (node == null || !reach.sees(node.getId())) {
            throw BranchkeyException.notFound(field, "no node with id " + id);
        }
        requireAt(node.getId(), right);
        return node;
    }

    @Override
    public boolean sees(String nodeId) {
        return reach.sees(nodeId);
    }

    @Override
    public boolean may(String nodeId, Right right) {
        return nodeId != null && right.permission() != null && reach.holds(nodeId, right.permission());
    }

    @Override
    public UserModel user(String id, String field, Right right, String action) {
        UserModel target = Users.require(session, realm, id, field);
        String permission = right.permission();
        if (permission == null || reach.anchorFor(target, permission) == null) {
            if (reach.reachesUser(target)) {
                throw BranchkeyException.forbidden(field, permission == null ? "only realm admins can do this"
                        : "you need " + permission + " where this user belongs");
            }
            throw BranchkeyException.notFound(field, "no user with id " + id);
        }
        requireMayActOn(target, right.act(), action);
        return target;
    }

    @Override
    public boolean sees(UserModel target) {
        return reach.reachesUser(target);
    }

    @Override
    public String anchor(UserModel target, Right right) {
        return right.permission() == null ? null : reach.anchorFor(target, right.permission());
    }

    @Override
    public void requireMayActOn(UserModel target, Act act, String action) {
        if (act == Act.VIEW) {
            return;
        }
        if (KeycloakAdmins.isAdmin(session, realm, target)) {
            throw refused(action, null, target.getId(), "userId",
                    "this user administers Keycloak: only a realm admin can change them");
        }
        String shortfall = Dominance.firstShortfall(session, realm, reach, target, act);
        if (shortfall != null) {
            throw refused(action, reach.sees(shortfall) ? shortfall : null, target.getId(), "userId",
                    "this user holds permissions you do not hold" + (reach.sees(shortfall) ? " at node " + shortfall
                            : " outside your reach") + ": only someone who holds them can do this");
        }
    }

    @Override
    public void requireRealmRight(Right right, String what) {
        if (right.permission() == null) {
            throw BranchkeyException.forbidden("only realm admins can " + what);
        }
    }

    @Override
    public void requireMayConfer(TenantNodeModel node, BitSet permissions, GrantWindow window, UserModel grantee,
                                 String action) {
        String targetId = grantee == null ? null : grantee.getId();
        if (grantee != null && grantee.getId().equals(id())) {
            throw refused(action, node.getId(), targetId, "userId", "you cannot grant to yourself");
        }
        if (grantee != null && KeycloakAdmins.isAdmin(session, realm, grantee)) {
            throw refused(action, node.getId(), targetId, "userId",
                    "this user administers Keycloak: only a realm admin can change them");
        }
        BitSet conferred = EffectivePermissionRule.conferred(reach.catalog(), node.getKind(), permissions).bits();
        BitSet missing = missing(conferred, reach.at(node.getId()));
        if (!missing.isEmpty()) {
            throw refused(action, node.getId(), targetId, null,
                    "you cannot hand out permissions you do not hold here: " + keys(missing));
        }
        if (window != null) {
            long from = Math.max(System.currentTimeMillis(), window.startsAt() == null ? 0 : window.startsAt());
            PermissionSet held = EffectivePermissionRule.heldThroughout(reach.catalog(),
                    session.getProvider(AccessProvider.class).grantsReaching(realm, id(), node.getId()), from, window.endsAt());
            missing = missing(conferred, held);
            if (!missing.isEmpty()) {
                throw refused(action, node.getId(), targetId, "endsAt", "a grant you make cannot outlast your own: you"
                        + " do not hold " + keys(missing) + " here for all of the grant's window; give it an end no later"
                        + " than your own grant's");
            }
        }
    }

    @Override
    public void requireMayWithdraw(TenantNodeModel node, BitSet permissions, String action, String targetId) {
        BitSet withdrawn = EffectivePermissionRule.conferred(reach.catalog(), node.getKind(), permissions).bits();
        BitSet missing = missing(withdrawn, reach.at(node.getId()));
        if (!missing.isEmpty()) {
            throw refused(action, node.getId(), targetId, null,
                    "you cannot take away permissions you do not hold here: " + keys(missing));
        }
    }

    @Override
    public void requireMayShift(TenantNodeModel node, TenantNodeModel newParent, Collection<GrantedRoleGroup> starting,
                                Collection<GrantedRoleGroup> stopping, String action) {
        long now = System.currentTimeMillis();
        BitSet gained = missing(EffectivePermissionRule.heldNowOrLater(reach.catalog(), starting, now).bits(),
                reach.at(newParent.getId()));
        BitSet lost = missing(EffectivePermissionRule.heldNowOrLater(reach.catalog(), stopping, now).bits(),
                reach.at(node.getId()));
        gained.or(lost);
        if (!gained.isEmpty()) {
            throw refused(action, node.getId(), null, "parentId", "this move would give or take away, below the node,"
                    + " permissions you do not hold: " + keys(gained));
        }
    }

    @Override
    public <T> T keepingRoleManagers(Collection<String> nodeIds, Supplier<T> change) {
        return new RoleManagers(session, realm).keeping(nodeIds, change);
    }

    @Override
    public void record(Change change) {
        session.getProvider(AuditProvider.class).success(realm, id(), change.auditAction(), change.nodeId(),
                change.targetId(), change.details());
    }

    private void requireAt(String nodeId, Right right) {
        String permission = right.permission();
        if (permission == null) {
            throw BranchkeyException.forbidden("only realm admins can do this");
        }
        if (!reach.holds(nodeId, permission)) {
            throw BranchkeyException.forbidden("you need " + permission + " at this node");
        }
    }

    /** Audits a refused attempt (in a transaction of its own, so it outlives the rollback) and returns the error. */
    private BranchkeyException refused(String action, String nodeId, String targetId, String field, String message) {
        session.getProvider(AuditProvider.class).refused(realm, id(), action, nodeId, targetId, message);
        return BranchkeyException.forbidden(field, message);
    }

    private static BitSet missing(BitSet wanted, PermissionSet held) {
        BitSet missing = (BitSet) wanted.clone();
        missing.andNot(held.bits());
        return missing;
    }

    private String keys(BitSet bits) {
        return new PermissionSet(reach.catalog().version(), bits).keys(reach.catalog()).toString();
    }
}
