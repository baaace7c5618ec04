package io.branchkey.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-server-node cache of access answers. An entry is used only while the realm's access epoch is the one it
 * was computed at (see AccessEpoch) and no grant window has opened or closed since.
 */
public final class EpochCache<K, V> {

    /** Bounded so a realm with many users cannot grow the heap without limit; past it the cache starts over. */
    static final int MAX_ENTRIES = 200_000;

    private record Entry<V>(String epoch, long validUntil, V value) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public V get(K key, String epoch, long now) {
        Entry<V> entry = entries.get(key);
        return entry != null && entry.epoch().equals(epoch) && now < entry.validUntil() ? entry.value() : null;
    }

    public void put(K key, String epoch, long validUntil, V value) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry<>(epoch, validUntil, value));
    }
}
