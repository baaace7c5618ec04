package io.branchkey.claims.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link ReplayCache}: this process only. Entries are dropped once expired; past {@code maxEntries}
 * live entries it refuses new ones (fails closed) rather than forgetting used approvals.
 */
public final class InMemoryReplayCache implements ReplayCache {

    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Clock clock;

    public InMemoryReplayCache() {
        this(DEFAULT_MAX_ENTRIES, Clock.systemUTC());
    }

    public InMemoryReplayCache(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String id, Instant expiresAt) {
        if (used.size() >= maxEntries) {
            Instant now = clock.instant();
            used.values().removeIf(expiry -> expiry.isBefore(now));
            if (used.size() >= maxEntries) {
                return false;
            }
        }
        return used.putIfAbsent(id, expiresAt) == null;
    }
}
