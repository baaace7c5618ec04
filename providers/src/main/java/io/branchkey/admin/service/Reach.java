package io.branchkey.admin.service;

import java.util.HashMap;
import java.util.Map;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.PermissionSet;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Where a delegated caller's grants reach, for the length of one request: their effective permissions per node
 * (asked once each), whether they see a node, and where a user belongs within that reach.
 */
final class Reach {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String callerId;
    private final Map<String, PermissionSet> atNode = new HashMap<>();
    private PermissionCatalog catalog;

    Reach(KeycloakSession session, RealmModel realm, String callerId) {
        this.session = session;
        this.realm = realm;
        this.callerId = callerId;
    }

    String callerId() {
        return callerId;
    }

    PermissionCatalog catalog() {
        if (catalog == null) {
            catalog = session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);
        }
        return catalog;
    }

    /** The caller's effective permissions at the node (empty for an unknown node). */
    PermissionSet at(String nodeId) {
        return atNode.computeIfAbsent(nodeId,
                id -> session.getProvider(AccessProvider.class).effectivePermissions(realm, callerId, id));
    }

    /** A node is in reach when the caller holds anything there. */
    boolean sees(String nodeId) {
        return nodeId != null && !at(nodeId).isEmpty();
    }

    /** Whether the caller holds the permission at the node; {@link Right#ANY_PERMISSION} asks for any at all. */
    boolean holds(String nodeId, String permission) {
        if (Right.ANY_PERMISSION.equals(permission)) {
            return sees(nodeId);
        }
        Permission p = catalog().get(permission);
        return p != null && at(nodeId).contains(p.index());
    }

    /** The first node the user belongs to (home account first) where the caller holds the permission, or null. */
    String anchorFor(UserModel user, String permission) {
        TenantMembershipProvider memberships = session.getProvider(TenantMembershipProvider.class);
        String home = memberships.getHomeAccountId(realm, user);
        if (home != null && holds(home, permission)) {
            return home;
        }
        return memberships.getMemberships(realm, user).map(TenantNodeModel::getId)
                .filter(id -> holds(id, permission)).findFirst().orElse(null);
    }

    /** Whether the user belongs (by home account or membership) to any node the caller sees. */
    boolean reachesUser(UserModel user) {
        return anchorFor(user, Right.ANY_PERMISSION) != null;
    }
}
