package io.branchkey.admin.delegated;

import java.util.List;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.Grant;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * An account must keep someone who can manage its roles: through the delegated API, the last such user cannot
 * lose that right (Dutchie's locked-out administrators). Only a realm admin, through the admin API, can do that.
 */
final class LastAdminProtection {

    private final KeycloakSession session;
    private final RealmModel realm;

    LastAdminProtection(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The accounts (or partners) whose role managers the grants may include, found before the change. */
    List<String> accountsAtStake(String userId, List<Grant> grants) {
        AccessProvider access = session.getProvider(AccessProvider.class);
        return grants.stream().map(g -> enclosingAccount(g.nodeId())).filter(java.util.Objects::nonNull).distinct()
                .filter(account -> access.hasPermission(realm, userId, account, DelegatedPermissions.UPDATE_USER_ROLES))
                .toList();
    }

    /**
     * After the change (flushed, same transaction): refuse it if an account at stake has no role manager left.
     * Only enabled users count: a disabled one cannot manage anything.
     */
    void requireRoleManagersLeft(List<String> accounts) {
        AccessProvider access = session.getProvider(AccessProvider.class);
        for (String account : accounts) {
            boolean left = access.usersWithPermission(realm, account, DelegatedPermissions.UPDATE_USER_ROLES, 0, Integer.MAX_VALUE)
                    .stream().map(id -> session.users().getUserById(realm, id))
                    .anyMatch(user -> user != null && user.isEnabled());
            if (!left) {
                throw ApiErrors.conflict(null, "this would leave the account without anyone who can manage its roles;"
                        + " a realm admin can do it");
            }
        }
    }

    private String enclosingAccount(String nodeId) {
        TenantTreeProvider tree = session.getProvider(TenantTreeProvider.class);
        TenantNodeModel node = tree.getNode(realm, nodeId);
        if (node == null) {
            return null;
        }
        if (node.getKind() == NodeKind.ACCOUNT || node.getKind() == NodeKind.PARTNER) {
            return node.getId();
        }
        return tree.getAncestors(realm, nodeId).stream().filter(a -> a.getKind() == NodeKind.ACCOUNT)
                .map(TenantNodeModel::getId).reduce((first, second) -> second).orElse(null);
    }
}
