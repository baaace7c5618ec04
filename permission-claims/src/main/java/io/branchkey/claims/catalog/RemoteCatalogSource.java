package io.branchkey.claims.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.internal.JsonHttp;
import io.branchkey.claims.internal.JsonResponse;

/**
 * The catalog from {@code GET {issuer}/branchkey/catalog}, cached.
 *
 * <ul>
 * <li>First use fetches it. A token whose {@code cat} is newer than the cached catalog triggers one refetch
 * (conditional, with the ETag); if the catalog is still older, {@link CatalogOutdatedException}. After such a
 * refetch (or a failed one), tokens that need a newer catalog are refused at once for a
 * {@linkplain Builder#minRefetchInterval minimum interval}, so they cannot make every request a fetch.</li>
 * <li>Indexes are append-only, so the cached catalog stays right for every older token; still, after the
 * response's max-age it is revalidated (by one caller, without blocking the others), which notices a re-created
 * realm.</li>
 * <li>A failed revalidation keeps the cached catalog.</li>
 * </ul>
 * Thread-safe.
 */
public final class RemoteCatalogSource implements CatalogSource {

    private static final System.Logger LOG = System.getLogger(RemoteCatalogSource.class.getName());

    private record Cached(Catalog catalog, String etag, long revalidateAtMillis) {
    }

    private final URI uri;
    private final JsonHttp http;
    private final Clock clock;
    private final long defaultMaxAgeMillis;
    private final long minRefetchMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Cached cached;
    /** Guarded by lock: until then, tokens newer than the cache are refused without a refetch. */
    private long quietUntilMillis = Long.MIN_VALUE;

    private RemoteCatalogSource(Builder builder) {
        this.uri = JsonHttp.endpoint(builder.endpointBase, "/branchkey/catalog");
        this.http = JsonHttp.of(builder.httpClient, builder.requestTimeout);
        this.clock = builder.clock;
        this.defaultMaxAgeMillis = builder.defaultMaxAge.toMillis();
        this.minRefetchMillis = builder.minRefetchInterval.toMillis();
    }

    /** @param endpointBase the realm's issuer URL or another base reaching the same realm, not null */
    public static Builder builder(URI endpointBase) {
        return new Builder(endpointBase);
    }

    @Override
    public Catalog catalogFor(long tokenVersion) {
        Cached current = cached;
        if (current != null && current.catalog.version() >= tokenVersion) {
            if (clock.millis() >= current.revalidateAtMillis) {
                current = revalidateQuietly(current);
            }
            if (current.catalog.version() >= tokenVersion) {
                return current.catalog;
            }
        }
        return refetchFor(tokenVersion);
    }

    /** The catalog currently cached, or null before the first fetch. */
    public Catalog cached() {
        Cached current = cached;
        return current == null ? null : current.catalog;
    }

    private Cached revalidateQuietly(Cached seen) {
        if (!lock.tryLock()) {
            return seen;
        }
        try {
            if (cached != seen) {
                return cached;
            }
            try {
                cached = fetch(seen);
            } catch (BranchkeyUnavailableException e) {
                LOG.log(System.Logger.Level.WARNING, "keeping catalog version " + seen.catalog.version() + ": "
                        + e.getMessage());
                long now = clock.millis();
                cached = new Cached(seen.catalog, seen.etag, now + Math.min(defaultMaxAgeMillis, 30_000));
            }
            return cached;
        } finally {
            lock.unlock();
        }
    }

    private Catalog refetchFor(long tokenVersion) {
        lock.lock();
        try {
            Cached current = cached;
            if (current != null && current.catalog.version() >= tokenVersion) {
                return current.catalog; // fetched by another thread meanwhile
            }
            long now = clock.millis();
            if (now < quietUntilMillis) {
                // A refetch just now failed or was still too old: refuse at once rather than hammer the endpoint.
                if (current == null) {
                    throw new BranchkeyUnavailableException("the catalog could not be fetched just now; not retrying yet");
                }
                throw new CatalogOutdatedException(tokenVersion, current.catalog.version());
            }
            try {
                current = fetch(current);
            } catch (BranchkeyUnavailableException e) {
                quietUntilMillis = now + minRefetchMillis;
                throw e;
            }
            cached = current;
            if (current.catalog.version() < tokenVersion) {
                quietUntilMillis = now + minRefetchMillis;
                throw new CatalogOutdatedException(tokenVersion, current.catalog.version());
            }
            return current.catalog;
        } finally {
            lock.unlock();
        }
    }

    private Cached fetch(Cached current) {
        JsonResponse response = http.get(uri, current == null ? null : current.etag);
        long now = clock.millis();
        long maxAge = response.maxAgeSeconds() > 0 ? response.maxAgeSeconds() * 1000 : defaultMaxAgeMillis;
        if (response.status() == 304 && current != null) {
            return new Cached(current.catalog, current.etag, now + maxAge);
        }
        if (response.status() != 200 || response.body() == null) {
            throw new BranchkeyUnavailableException("catalog endpoint answered " + response.status());
        }
        Catalog catalog;
        try {
            catalog = Catalog.fromJson(response.body());
        } catch (IllegalArgumentException e) {
            throw new BranchkeyUnavailableException("unusable catalog: " + e.getMessage(), e);
        }
        return new Cached(catalog, response.etag(), now + maxAge);
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private final URI endpointBase;
        private HttpClient httpClient;
        private Duration requestTimeout = JsonHttp.DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Duration defaultMaxAge = Duration.ofMinutes(5);
        private Duration minRefetchInterval = Duration.ofSeconds(1);

        private Builder(URI endpointBase) {
            this.endpointBase = Objects.requireNonNull(endpointBase, "endpointBase");
        }

        /** Default: a new client with a 2 s connect timeout that does not follow redirects. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        /** Timeout of one request; default 5 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Revalidation interval when the response has no max-age; default 5 minutes. */
        public Builder defaultMaxAge(Duration maxAge) {
            this.defaultMaxAge = Objects.requireNonNull(maxAge);
            return this;
        }

        /** How long tokens newer than the cache are refused without asking again after a refetch that did not
         * bring their version (or failed); default 1 s. */
        public Builder minRefetchInterval(Duration interval) {
            this.minRefetchInterval = Objects.requireNonNull(interval);
            return this;
        }

        public RemoteCatalogSource build() {
            return new RemoteCatalogSource(this);
        }
    }
}
