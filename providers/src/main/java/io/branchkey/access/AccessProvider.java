package io.branchkey.access;

import java.util.List;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Answers who may do what, where. Every caller (REST, token mappers, PIN login, overrides) asks here, and this
 * asks {@link EffectivePermissionRule}: there is no second implementation of the rule.
 */
public interface AccessProvider extends Provider {

    /** The user's effective permissions at the node; empty for an unknown node. */
    PermissionSet effectivePermissions(RealmModel realm, String userId, String nodeId);

    /** Whether the user holds the permission at the node; false for unknown permissions or nodes. */
    boolean hasPermission(RealmModel realm, String userId, String nodeId, String permissionKey);

    /**
     * The nodes at which the user's grants make the permission effective now; it then holds everywhere below
     * each of them too.
     */
    List<String> nodesWithPermission(RealmModel realm, String userId, String permissionKey);

    /**
     * The user's permissions over a scope as anchors (docs/claims.md), for token claims and the check endpoint.
     * The scope's node must be one of the realm's nodes of the scope's kind; the caller checks that.
     */
    ScopedAccess scopedAccess(RealmModel realm, String userId, AccessScope scope);

    /**
     * The user's grants that reach the node (made on it or an ancestor), whatever their windows: what the rules
     * about time (grant windows, future grants) evaluate with {@link EffectivePermissionRule}.
     */
    List<GrantedRoleGroup> grantsReaching(RealmModel realm, String userId, String nodeId);

    /** The users holding the permission at the node now (e.g. who can approve an override here), by id. */
    List<String> usersWithPermission(RealmModel realm, String nodeId, String permissionKey, int first, int max);
}
