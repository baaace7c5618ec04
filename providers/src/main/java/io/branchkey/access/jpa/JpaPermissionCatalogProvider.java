package io.branchkey.access.jpa;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.branchkey.access.AccessEpoch;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.catalog.DefaultCatalog;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.access.catalog.PermissionDraft;
import io.branchkey.common.RealmRowLock;
import io.branchkey.common.BranchkeyException;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

final class JpaPermissionCatalogProvider implements PermissionCatalogProvider {

    private final KeycloakSession session;
    private final EntityManager em;
    private final CatalogSnapshots snapshots;

    JpaPermissionCatalogProvider(KeycloakSession session, EntityManager em, CatalogSnapshots snapshots) {
        this.session = session;
        this.em = em;
        this.snapshots = snapshots;
    }

    @Override
    public PermissionCatalog getCatalog(RealmModel realm) {
        return snapshots.get(realm, () -> {
            CatalogStateEntity state = em.find(CatalogStateEntity.class, realm.getId());
            if (state == null || state.getDefaultsVersion() < DefaultCatalog.version()) {
                // First use in this realm (or an upgrade): merge in a transaction of its own, then read.
                KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                    s.getContext().setRealm(s.realms().getRealm(realm.getId()));
                    s.getProvider(PermissionCatalogProvider.class).mergeDefaults(s.realms().getRealm(realm.getId()));
                });
                state = em.find(CatalogStateEntity.class, realm.getId());
            }
            return load(realm.getId(), state == null ? 0 : state.getVersion());
        });
    }

    private PermissionCatalog load(String realmId, long version) {
        return PermissionCatalog.of(version, entities(realmId).stream().map(JpaPermissionCatalogProvider::toPermission).toList());
    }

    private List<PermissionEntity> entities(String realmId) {
        return em.createNamedQuery("bkPermissionsOfRealm", PermissionEntity.class)
                .setParameter("realmId", realmId).getResultList();
    }

    @Override
    public Permission addPermission(RealmModel realm, PermissionDraft draft) {
        CatalogStateEntity state = lock(realm);
        Map<String, PermissionEntity> existing = byKey(realm);
        if (existing.containsKey(draft.key())) {
            throw BranchkeyException.conflict("key", "the catalog already has " + draft.key());
        }
        requireKnown(existing, draft.implies());
        PermissionEntity entity = new PermissionEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(realm.getId());
        entity.setIndex(existing.values().stream().mapToInt(PermissionEntity::getIndex).max().orElse(-1) + 1);
        entity.setKey(draft.key());
        entity.setBuiltIn(false);
        apply(entity, draft);
        em.persist(entity);
        changed(realm, state);
        return toPermission(entity);
    }

    @Override
    public Permission updatePermission(RealmModel realm, PermissionDraft draft) {
        CatalogStateEntity state = lock(realm);
        Map<String, PermissionEntity> existing = byKey(realm);
        PermissionEntity entity = existing.get(draft.key());
        if (entity == null) {
            throw BranchkeyException.notFound("key", "the catalog has no " + draft.key());
        }
        if (entity.isBuiltIn()) {
            throw BranchkeyException.conflict("key", draft.key() + " ships with Branchkey and cannot be changed; add a permission of your own instead");
        }
        requireKnown(existing, draft.implies());
        apply(entity, draft);
        changed(realm, state);
        return toPermission(entity);
    }

    @Override
    public Permission retirePermission(RealmModel realm, String key) {
        CatalogStateEntity state = lock(realm);
        PermissionEntity entity = byKey(realm).get(key);
        if (entity == null) {
            throw BranchkeyException.notFound("key", "the catalog has no " + key);
        }
        if (!entity.isRetired()) {
            entity.setRetired(true);
            changed(realm, state);
        }
        return toPermission(entity);
    }

    @Override
    public void mergeDefaults(RealmModel realm) {
        CatalogStateEntity state = lock(realm);
        if (state.getDefaultsVersion() >= DefaultCatalog.version()) {
            return;
        }
        Map<String, PermissionEntity> existing = byKey(realm);
        int next = existing.values().stream().mapToInt(PermissionEntity::getIndex).max().orElse(-1) + 1;
        for (Permission shipped : DefaultCatalog.permissions()) {
            PermissionEntity entity = existing.get(shipped.key());
            if (entity != null && !entity.isBuiltIn()) {
                // A realm permission took this key before Branchkey shipped it: the realm's meaning stays.
                continue;
            }
            boolean added = entity == null;
            if (added) {
                entity = new PermissionEntity();
                entity.setId(KeycloakModelUtils.generateId());
                entity.setRealmId(realm.getId());
                entity.setIndex(next++);
                entity.setKey(shipped.key());
                entity.setBuiltIn(true);
            }
            apply(entity, new PermissionDraft(shipped.key(), shipped.name(), shipped.description(), shipped.section(),
                    shipped.implies(), shipped.minLevel(), shipped.realmAdminOnly()));
            if (added) {
                em.persist(entity);
            }
        }
        state.setDefaultsVersion(DefaultCatalog.version());
        changed(realm, state);
    }

    @Override
    public void removeRealmData(RealmModel realm) {
        em.createNativeQuery("delete from BK_PERMISSION_IMPLIES where PERMISSION_ID in (select p.ID from BK_PERMISSION p where p.REALM_ID = :realmId)")
                .setParameter("realmId", realm.getId()).executeUpdate();
        em.createNamedQuery("bkDeletePermissionsOfRealm").setParameter("realmId", realm.getId()).executeUpdate();
        em.createNativeQuery("delete from BK_CATALOG where REALM_ID = :realmId").setParameter("realmId", realm.getId()).executeUpdate();
        snapshots.forget(realm.getId());
    }

    @Override
    public void close() {
    }

    private CatalogStateEntity lock(RealmModel realm) {
        return RealmRowLock.acquire(session, em, CatalogStateEntity.class, realm.getId(),
                () -> new CatalogStateEntity(realm.getId()));
    }

    private Map<String, PermissionEntity> byKey(RealmModel realm) {
        return entities(realm.getId()).stream().collect(Collectors.toMap(PermissionEntity::getKey, Function.identity()));
    }

    private void changed(RealmModel realm, CatalogStateEntity state) {
        state.setVersion(state.getVersion() + 1);
        em.flush();
        AccessEpoch.advance(realm);
    }

    private static void requireKnown(Map<String, PermissionEntity> existing, List<String> keys) {
        for (String key : keys) {
            if (!existing.containsKey(key)) {
                throw BranchkeyException.invalid("implies", "implies unknown permission " + key);
            }
        }
    }

    private static void apply(PermissionEntity entity, PermissionDraft draft) {
        entity.setName(draft.name());
        entity.setDescription(draft.description());
        entity.setSection(draft.section());
        entity.setMinLevel(draft.minLevel());
        entity.setRealmAdminOnly(draft.realmAdminOnly());
        entity.getImplies().clear();
        entity.getImplies().addAll(draft.implies());
    }

    private static Permission toPermission(PermissionEntity e) {
        return new Permission(e.getIndex(), e.getKey(), e.getName(), e.getDescription(), e.getSection(),
                List.copyOf(e.getImplies()), e.getMinLevel(), e.isRetired(), e.isRealmAdminOnly(), e.isBuiltIn());
    }
}
