package io.branchkey.access.jpa;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.branchkey.access.PermissionSet;

/**
 * Per-node cache of resolutions by (realm, user, node). An entry is used only while the realm's access epoch is
 * the one it was computed at and no grant window has opened or closed since.
 */
final class EffectivePermissionCache {

    /** Bounded so a realm with many users cannot grow the heap without limit; past it the cache starts over. */
    static final int MAX_ENTRIES = 200_000;

    record Key(String realmId, String userId, String nodeId) {
    }

    private record Entry(String epoch, long validUntil, PermissionSet permissions) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    PermissionSet get(Key key, String epoch, long now) {
        Entry entry = entries.get(key);
        return entry != null && entry.epoch().equals(epoch) && now < entry.validUntil() ? entry.permissions() : null;
    }

    void put(Key key, String epoch, long validUntil, PermissionSet permissions) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(epoch, validUntil, permissions));
    }
}
