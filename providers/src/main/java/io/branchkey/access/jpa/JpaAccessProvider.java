package io.branchkey.access.jpa;

import java.util.List;

import io.branchkey.access.AccessEpoch;
import io.branchkey.access.AccessProvider;
import io.branchkey.access.AccessScope;
import io.branchkey.access.EffectivePermissionRule;
import io.branchkey.access.GrantedRoleGroup;
import io.branchkey.access.EpochCache;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.PermissionSet;
import io.branchkey.access.ScopedAccess;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

final class JpaAccessProvider implements AccessProvider {

    record UserAtNode(String realmId, String userId, String nodeId) {
    }

    record UserInScope(String realmId, String userId, AccessScope scope) {
    }

    private final KeycloakSession session;
    private final EntityManager em;
    private final EpochCache<UserAtNode, PermissionSet> cache;
    private final EpochCache<UserInScope, ScopedAccess> scopedCache;

    JpaAccessProvider(KeycloakSession session, EntityManager em, EpochCache<UserAtNode, PermissionSet> cache,
                      EpochCache<UserInScope, ScopedAccess> scopedCache) {
        this.session = session;
        this.em = em;
        this.cache = cache;
        this.scopedCache = scopedCache;
    }

    @Override
    public PermissionSet effectivePermissions(RealmModel realm, String userId, String nodeId) {
        // The epoch is read before the data, so an entry can only ever be older than its epoch says, never newer.
        String epoch = AccessEpoch.current(realm);
        long now = System.currentTimeMillis();
        UserAtNode key = new UserAtNode(realm.getId(), userId, nodeId);
        PermissionSet cached = cache.get(key, epoch, now);
        if (cached != null) {
            return cached;
        }
        PermissionCatalog catalog = catalog(realm);
        List<Object[]> rows = em.createNamedQuery("bkGrantRowsReaching", Object[].class)
                .setParameter("nodeId", nodeId).setParameter("userId", userId).setParameter("realmId", realm.getId())
                .getResultList();
        EffectivePermissionRule.Resolution resolution = EffectivePermissionRule.resolve(catalog,
                GrantRows.fold(rows).stream().map(GrantRows.Folded::grant).toList(), now);
        cache.put(key, epoch, resolution.validUntil(), resolution.permissions());
        return resolution.permissions();
    }

    @Override
    public List<GrantedRoleGroup> grantsReaching(RealmModel realm, String userId, String nodeId) {
        return GrantRows.fold(em.createNamedQuery("bkGrantRowsReaching", Object[].class)
                        .setParameter("nodeId", nodeId).setParameter("userId", userId).setParameter("realmId", realm.getId())
                        .getResultList())
                .stream().map(GrantRows.Folded::grant).toList();
    }

    @Override
    public boolean hasPermission(RealmModel realm, String userId, String nodeId, String permissionKey) {
        Permission permission = catalog(realm).get(permissionKey);
        return permission != null && effectivePermissions(realm, userId, nodeId).contains(permission.index());
    }

    @Override
    public List<String> nodesWithPermission(RealmModel realm, String userId, String permissionKey) {
        PermissionCatalog catalog = catalog(realm);
        Permission permission = catalog.get(permissionKey);
        if (permission == null) {
            return List.of();
        }
        List<Object[]> rows = em.createNamedQuery("bkGrantRowsOfUser", Object[].class)
                .setParameter("realmId", realm.getId()).setParameter("userId", userId).getResultList();
        long now = System.currentTimeMillis();
        // Each grant's contribution is independent of the others (the rule is a union), so grants are tested one by one.
        return GrantRows.fold(rows).stream()
                .filter(g -> EffectivePermissionRule.resolve(catalog, List.of(g.grant()), now).permissions()
                        .contains(permission.index()))
                .map(GrantRows.Folded::extra).distinct().toList();
    }

    @Override
    public ScopedAccess scopedAccess(RealmModel realm, String userId, AccessScope scope) {
        String epoch = AccessEpoch.current(realm);
        long now = System.currentTimeMillis();
        UserInScope key = new UserInScope(realm.getId(), userId, scope);
        ScopedAccess cached = scopedCache.get(key, epoch, now);
        if (cached != null) {
            return cached;
        }
        ScopedAccess resolved = new ScopedAccessResolver(em, catalog(realm)).resolve(realm.getId(), userId, scope, now);
        scopedCache.put(key, epoch, resolved.validUntil(), resolved);
        return resolved;
    }

    @Override
    public List<String> usersWithPermission(RealmModel realm, String nodeId, String permissionKey, int first, int max) {
        PermissionCatalog catalog = catalog(realm);
        Permission permission = catalog.get(permissionKey);
        if (permission == null) {
            return List.of();
        }
        List<Integer> implying = catalog.implying(permission.index()).stream().boxed().toList();
        List<Object[]> rows = em.createNamedQuery("bkGrantRowsAtNodeWithAny", Object[].class)
                .setParameter("nodeId", nodeId).setParameter("realmId", realm.getId())
                .setParameter("indexes", implying).getResultList();
        long now = System.currentTimeMillis();
        return GrantRows.fold(rows).stream()
                .filter(g -> EffectivePermissionRule.resolve(catalog, List.of(g.grant()), now).permissions()
                        .contains(permission.index()))
                .map(GrantRows.Folded::extra).distinct().sorted().skip(first).limit(max).toList();
    }

    private PermissionCatalog catalog(RealmModel realm) {
        return session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);
    }

    @Override
    public void close() {
    }
}
