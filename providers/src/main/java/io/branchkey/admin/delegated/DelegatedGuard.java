package io.branchkey.admin.delegated;

import java.util.BitSet;
import java.util.List;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.EffectivePermissionRule;
import io.branchkey.access.GrantWindow;
import io.branchkey.access.GrantedRoleGroup;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.PermissionSet;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.audit.AuditProvider;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/**
 * The delegation rules, in one place: a caller acts only where their own effective permissions allow it, sees
 * nothing outside their reach (404, as for an unknown id), and can never hand out more than they hold.
 */
final class DelegatedGuard {

    private final KeycloakSession session;
    private final DelegatedCaller caller;
    private final AccessProvider access;

    DelegatedGuard(KeycloakSession session, DelegatedCaller caller) {
        this.session = session;
        this.caller = caller;
        this.access = session.getProvider(AccessProvider.class);
    }

    DelegatedCaller caller() {
        return caller;
    }

    /** The node, if the caller holds any permission there; otherwise 404, whether or not it exists. */
    TenantNodeModel visibleNode(String nodeId, String field) {
        requirePresent(field, nodeId);
        TenantNodeModel node = session.getProvider(TenantTreeProvider.class).getNode(caller.realm(), nodeId);
        if (node == null || permissionsAt(node.getId()).isEmpty()) {
            throw ApiErrors.notFound(field, "no node with id " + nodeId);
        }
        return node;
    }

    /** The node, if the caller holds {@code permission} there: 404 outside their reach, 403 inside it. */
    TenantNodeModel nodeWith(String nodeId, String field, String permission) {
        TenantNodeModel node = visibleNode(nodeId, field);
        if (!access.hasPermission(caller.realm(), caller.id(), node.getId(), permission)) {
            throw ApiErrors.forbidden("you need " + permission + " at this node");
        }
        return node;
    }

    boolean holds(String nodeId, String permission) {
        return access.hasPermission(caller.realm(), caller.id(), nodeId, permission);
    }

    PermissionSet permissionsAt(String nodeId) {
        return access.effectivePermissions(caller.realm(), caller.id(), nodeId);
    }

    /**
     * A user the caller may act on with {@code permission}: one who belongs (by home account or membership) to a
     * node where the caller holds it. A user who belongs only to nodes the caller cannot see is as unknown as a
     * made-up id (404); one inside the caller's reach, where the caller lacks the right, is 403.
     */
    UserModel userWith(String userId, String permission) {
        requirePresent("userId", userId);
        UserModel user = userId.length() > 255 ? null : session.users().getUserById(caller.realm(), userId);
        if (user == null) {
            throw ApiErrors.notFound("userId", "no user with id " + userId);
        }
        if (anchorFor(user, permission) == null) {
            if (inReach(user)) {
                throw ApiErrors.forbidden("you need " + permission + " where this user belongs");
            }
            throw ApiErrors.notFound("userId", "no user with id " + userId);
        }
        return user;
    }

    /** Whether the user belongs to a node where the caller holds anything (a home account is also a membership). */
    private boolean inReach(UserModel user) {
        return session.getProvider(TenantMembershipProvider.class).getMemberships(caller.realm(), user)
                .anyMatch(node -> !permissionsAt(node.getId()).isEmpty());
    }

    /** A required id: missing is the client's mistake (400), not an unknown object (404). */
    static void requirePresent(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiErrors.invalid(field, field + " is required");
        }
    }

    /** The first of the user's nodes (home account first) at which the caller holds the permission, or null. */
    String anchorFor(UserModel user, String permission) {
        TenantMembershipProvider memberships = session.getProvider(TenantMembershipProvider.class);
        String home = memberships.getHomeAccountId(caller.realm(), user);
        if (home != null && access.hasPermission(caller.realm(), caller.id(), home, permission)) {
            return home;
        }
        return memberships.getMemberships(caller.realm(), user).map(TenantNodeModel::getId)
                .filter(id -> access.hasPermission(caller.realm(), caller.id(), id, permission))
                .findFirst().orElse(null);
    }

    /**
     * No escalation: what the role group would confer at the node (after implications and minimum levels) must
     * already be the caller's there. A refusal is audited before it is returned.
     */
    void requireNoEscalation(TenantNodeModel node, BitSet groupPermissions, String action, String targetUserId) {
        PermissionCatalog catalog = session.getProvider(PermissionCatalogProvider.class).getCatalog(caller.realm());
        long now = System.currentTimeMillis();
        PermissionSet conferred = EffectivePermissionRule.resolve(catalog,
                List.of(new GrantedRoleGroup(node.getKind(), GrantWindow.ALWAYS, groupPermissions)), now).permissions();
        BitSet missing = conferred.bits();
        missing.andNot(permissionsAt(node.getId()).bits());
        if (!missing.isEmpty()) {
            List<String> keys = new PermissionSet(catalog.version(), missing).keys(catalog);
            session.getProvider(AuditProvider.class).refused(caller.realm(), caller.id(), action, node.getId(),
                    targetUserId, "escalation refused; caller lacks " + keys);
            throw ApiErrors.forbidden("you cannot hand out permissions you do not hold here: " + keys);
        }
    }

}
