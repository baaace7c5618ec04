package io.branchkey.admin.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Supplier;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.EffectivePermissionRule;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.NodeFilter;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Last-admin protection: a delegated change never leaves an account (or partner) that had a role manager (an
 * enabled user holding {@value #ROLE_MANAGER} there) without one, now or once the grants with an end run out.
 * Dutchie's administrators can lock themselves out; here only a realm admin can do that. The accounts concerned
 * are locked (row locks, in id order) before they are looked at, so two concurrent changes cannot each take away
 * one of the last two managers.
 */
final class RoleManagers {

    static final String ROLE_MANAGER = "users.update-roles";

    private final KeycloakSession session;
    private final RealmModel realm;

    RoleManagers(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    <T> T keeping(Collection<String> nodeIds, Supplier<T> change) {
        TreeSet<String> accounts = accountsConcerned(nodeIds);
        TenantTreeProvider tree = session.getProvider(TenantTreeProvider.class);
        accounts.forEach(account -> tree.lockNode(realm, account));
        Map<String, Managers> before = new HashMap<>();
        accounts.forEach(account -> before.put(account, managers(account)));
        T result = change.get();
        for (String account : accounts) {
            Managers after = managers(account);
            if (before.get(account).now() && !after.now() || before.get(account).lasting() && !after.lasting()) {
                TenantNodeModel node = tree.getNode(realm, account);
                throw BranchkeyException.conflict(null, "this would leave " + (node == null ? "the account" : node.getName())
                        + " without anyone who can manage its roles (" + ROLE_MANAGER + ")"
                        + (after.now() ? " once the grants that end run out" : "") + "; a realm admin can do it");
            }
        }
        return result;
    }

    /** Whether the account has an enabled role manager now, and one whose right does not end. */
    private record Managers(boolean now, boolean lasting) {
    }

    private Managers managers(String accountId) {
        AccessProvider access = session.getProvider(AccessProvider.class);
        PermissionCatalog catalog = session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);
        long now = System.currentTimeMillis();
        List<String> holders = access.usersWithPermission(realm, accountId, ROLE_MANAGER, 0, Integer.MAX_VALUE).stream()
                .filter(id -> {
                    UserModel user = session.users().getUserById(realm, id);
                    return user != null && user.isEnabled();
                }).toList();
        boolean lasting = holders.stream().anyMatch(id -> EffectivePermissionRule.heldThroughout(catalog,
                access.grantsReaching(realm, id, accountId), now, null).contains(catalog, ROLE_MANAGER));
        return new Managers(!holders.isEmpty(), lasting);
    }

    /** The accounts or partners enclosing the nodes, and the accounts below them: whose managers a change there may touch. */
    private TreeSet<String> accountsConcerned(Collection<String> nodeIds) {
        TenantTreeProvider tree = session.getProvider(TenantTreeProvider.class);
        TreeSet<String> accounts = new TreeSet<>();
        for (String nodeId : new TreeSet<>(nodeIds)) {
            TenantNodeModel node = tree.getNode(realm, nodeId);
            if (node == null) {
                continue;
            }
            if (isAccount(node)) {
                accounts.add(node.getId());
                tree.getSubtree(realm, node.getId(), new NodeFilter(NodeKind.ACCOUNT, null, null, null), 0, Integer.MAX_VALUE)
                        .map(TenantNodeModel::getId).forEach(accounts::add);
            } else {
                tree.getAncestors(realm, nodeId).stream().filter(RoleManagers::isAccount)
                        .reduce((first, second) -> second).map(TenantNodeModel::getId).ifPresent(accounts::add);
            }
        }
        accounts.removeIf(Objects::isNull);
        return accounts;
    }

    private static boolean isAccount(TenantNodeModel node) {
        return node.getKind() == NodeKind.ACCOUNT || node.getKind() == NodeKind.PARTNER;
    }
}
