package io.branchkey.claims.hierarchy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.auth.AccessTokenSource;
import io.branchkey.claims.internal.JsonHttp;
import io.branchkey.claims.internal.JsonResponse;
import io.branchkey.claims.internal.JsonValues;

/**
 * The default {@link NodeAncestry}: asks {@code GET {issuer}/branchkey/hierarchy/nodes/{id}} once per node and keeps
 * the answer for the response's {@code Cache-Control: max-age} (a move is seen when the entry expires). Unknown ids
 * ({@code 404}) are remembered for a short time. Concurrent misses for one id share one request. The cache is
 * bounded: when full, expired entries go first, then arbitrary ones (not LRU: a hit must stay a plain map read).
 * Requests carry a service account's access token ({@link Builder#accessTokens}). Thread-safe.
 */
public final class CachingNodeAncestry implements NodeAncestry {

    /** Longer ids are no node ids: answered "unknown" without asking the server. */
    static final int MAX_ID_LENGTH = 200;

    private record Entry(NodePath path, long expiresAtMillis) {
    }

    private final URI nodesBase;
    private final AuthorizedHierarchyGet http;
    private final Clock clock;
    private final int maxEntries;
    private final long defaultMaxAgeMillis;
    private final long maxMaxAgeMillis;
    private final long notFoundMillis;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> inFlight = new ConcurrentHashMap<>();

    private CachingNodeAncestry(Builder builder) {
        this.nodesBase = JsonHttp.endpoint(builder.endpointBase, "/branchkey/hierarchy/nodes/");
        this.http = new AuthorizedHierarchyGet(JsonHttp.of(builder.httpClient, builder.requestTimeout),
                builder.accessTokens);
        this.clock = builder.clock;
        this.maxEntries = builder.maxEntries;
        this.defaultMaxAgeMillis = builder.defaultMaxAge.toMillis();
        this.maxMaxAgeMillis = builder.maxMaxAge.toMillis();
        this.notFoundMillis = builder.notFoundTtl.toMillis();
    }

    /**
     * @param endpointBase the realm's issuer URL ({@code {base}/realms/{realm}}) or another base reaching the same
     *        realm, not null
     */
    public static Builder builder(URI endpointBase) {
        return new Builder(endpointBase);
    }

    @Override
    public NodePath pathOf(String nodeId) {
        if (nodeId == null || nodeId.isEmpty() || nodeId.length() > MAX_ID_LENGTH) {
            return null;
        }
        Entry entry = entries.get(nodeId);
        if (entry != null && clock.millis() < entry.expiresAtMillis) {
            return entry.path;
        }
        return load(nodeId).path;
    }

    /** Number of cached entries (answers and remembered unknown ids), for monitoring and tests. */
    public int cachedEntries() {
        return entries.size();
    }

    /** Forgets every cached answer (for example after a known tree change). */
    public void clear() {
        entries.clear();
    }

    private Entry load(String nodeId) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = inFlight.putIfAbsent(nodeId, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Entry entry = fetch(nodeId);
            store(nodeId, entry);
            mine.complete(entry);
            return entry;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(nodeId, mine);
        }
    }

    private static Entry await(CompletableFuture<Entry> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new BranchkeyUnavailableException("node lookup failed", e);
        }
    }

    private Entry fetch(String nodeId) {
        URI uri = URI.create(nodesBase + JsonHttp.pathSegment(nodeId));
        JsonResponse response = http.get(uri, null);
        long now = clock.millis();
        if (response.status() == 404) {
            return new Entry(null, now + notFoundMillis);
        }
        if (response.status() != 200 || response.body() == null) {
            throw new BranchkeyUnavailableException("hierarchy endpoint answered " + response.status());
        }
        NodePath path = parse(nodeId, response.body());
        long maxAge = response.maxAgeSeconds() < 0 ? defaultMaxAgeMillis
                : Math.min(maxMaxAgeMillis, response.maxAgeSeconds() * 1000);
        return new Entry(path, now + maxAge);
    }

    /** The node answer {@code {"id", "handle", "kind", "path": [handles root..self]}}. */
    static NodePath parse(String requestedId, Map<String, Object> body) {
        try {
            Object id = body.get("id");
            Object kind = body.get("kind");
            Long handle = JsonValues.integer(body.get("handle"));
            if (!requestedId.equals(id) || !(kind instanceof String k) || handle == null
                    || !(body.get("path") instanceof List<?> list)) {
                throw new IllegalArgumentException("id, handle, kind and path are required");
            }
            long[] handles = new long[list.size()];
            for (int i = 0; i < handles.length; i++) {
                Long h = JsonValues.integer(list.get(i));
                if (h == null) {
                    throw new IllegalArgumentException("path holds handles");
                }
                handles[i] = h;
            }
            NodePath path = NodePath.of(requestedId, k, handles);
            if (path.handle() != handle) {
                throw new IllegalArgumentException("the path must end with the node's own handle");
            }
            return path;
        } catch (IllegalArgumentException e) {
            throw new BranchkeyUnavailableException("unusable hierarchy answer: " + e.getMessage(), e);
        }
    }

    private void store(String nodeId, Entry entry) {
        if (entries.size() >= maxEntries) {
            evict();
        }
        entries.put(nodeId, entry);
    }

    private void evict() {
        long now = clock.millis();
        entries.values().removeIf(e -> e.expiresAtMillis <= now);
        int target = maxEntries - Math.max(1, maxEntries / 10);
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    /** Settings; all but {@link #accessTokens} have a default. */
    public static final class Builder {
        private final URI endpointBase;
        private AccessTokenSource accessTokens;
        private HttpClient httpClient;
        private Duration requestTimeout = JsonHttp.DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private int maxEntries = 50_000;
        private Duration defaultMaxAge = Duration.ofMinutes(5);
        private Duration maxMaxAge = Duration.ofHours(1);
        private Duration notFoundTtl = Duration.ofSeconds(10);

        private Builder(URI endpointBase) {
            this.endpointBase = Objects.requireNonNull(endpointBase, "endpointBase");
        }

        /**
         * Required: the access tokens sent to the hierarchy endpoint, which answers only service accounts of the
         * realm (usually a {@link io.branchkey.claims.auth.ClientCredentialsTokenSource}). A token refused with 401
         * is {@linkplain AccessTokenSource#invalidate dropped} and the request made once more.
         */
        public Builder accessTokens(AccessTokenSource tokens) {
            this.accessTokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /** The HTTP client; default: a new one with a 2 s connect timeout that does not follow redirects. */
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

        /** Bound on cached nodes; default 50,000 (a few MB). */
        public Builder maxEntries(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be positive");
            }
            this.maxEntries = maxEntries;
            return this;
        }

        /** Lifetime of an answer without max-age; default 5 minutes (the server sends max-age=300). */
        public Builder defaultMaxAge(Duration ttl) {
            this.defaultMaxAge = Objects.requireNonNull(ttl);
            return this;
        }

        /** Upper bound on the server's max-age; default 1 hour. */
        public Builder maxMaxAge(Duration ttl) {
            this.maxMaxAge = Objects.requireNonNull(ttl);
            return this;
        }

        /** How long an unknown id is remembered as unknown; default 10 s (a new node is seen after that). */
        public Builder notFoundTtl(Duration ttl) {
            this.notFoundTtl = Objects.requireNonNull(ttl);
            return this;
        }

        /** @throws IllegalStateException without {@link #accessTokens} */
        public CachingNodeAncestry build() {
            if (accessTokens == null) {
                throw new IllegalStateException(AuthorizedHierarchyGet.MISSING_TOKENS);
            }
            return new CachingNodeAncestry(this);
        }
    }
}
