package io.branchkey.access.jpa;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.branchkey.access.AccessEpoch;
import io.branchkey.access.catalog.PermissionCatalog;
import org.keycloak.models.RealmModel;

/** Per-node cache of each realm's catalog snapshot, valid while the realm's access epoch is unchanged. */
final class CatalogSnapshots {

    private record Entry(String epoch, PermissionCatalog catalog) {
    }

    private final Map<String, Entry> byRealm = new ConcurrentHashMap<>();

    PermissionCatalog get(RealmModel realm, Supplier<PermissionCatalog> load) {
        String epoch = AccessEpoch.current(realm);
        Entry entry = byRealm.get(realm.getId());
        if (entry != null && entry.epoch().equals(epoch)) {
            return entry.catalog();
        }
        // Read the epoch before loading: a change committing meanwhile makes this entry stale, never wrong.
        PermissionCatalog catalog = load.get();
        byRealm.put(realm.getId(), new Entry(epoch, catalog));
        return catalog;
    }

    void forget(String realmId) {
        byRealm.remove(realmId);
    }
}
