package io.branchkey.claims.hierarchy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.auth.AccessTokenSource;
import io.branchkey.claims.internal.JsonHttp;
import io.branchkey.claims.internal.JsonResponse;
import io.branchkey.claims.internal.JsonValues;

/**
 * A {@link NodeAncestry} holding the whole tree from {@code GET {issuer}/branchkey/hierarchy}, revalidated with
 * {@code If-None-Match} once the refresh interval (the response's max-age, else the configured interval) has passed.
 * An id the document does not know triggers an early revalidation, at most once per
 * {@linkplain Builder#minRefreshInterval minimum interval}, so a node created after the last load is found.
 * While one thread revalidates, others keep answering from the current document; a failed revalidation keeps the
 * current document. Requests carry a service account's access token ({@link Builder#accessTokens}). Suits resource
 * servers that check many different nodes. Thread-safe.
 */
public final class HierarchyDocumentAncestry implements NodeAncestry {

    private static final System.Logger LOG = System.getLogger(HierarchyDocumentAncestry.class.getName());

    private record Loaded(HierarchySnapshot snapshot, String etag, long fetchedAtMillis, long refreshAtMillis) {
    }

    private final URI uri;
    private final AuthorizedHierarchyGet http;
    private final Clock clock;
    private final long refreshMillis;
    private final long minRefreshMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Loaded loaded;

    private HierarchyDocumentAncestry(Builder builder) {
        this.uri = JsonHttp.endpoint(builder.endpointBase, "/branchkey/hierarchy");
        this.http = new AuthorizedHierarchyGet(JsonHttp.of(builder.httpClient, builder.requestTimeout),
                builder.accessTokens);
        this.clock = builder.clock;
        this.refreshMillis = builder.refreshInterval.toMillis();
        this.minRefreshMillis = builder.minRefreshInterval.toMillis();
    }

    /** @param endpointBase the realm's issuer URL or another base reaching the same realm, not null */
    public static Builder builder(URI endpointBase) {
        return new Builder(endpointBase);
    }

    @Override
    public NodePath pathOf(String nodeId) {
        if (nodeId == null) {
            return null;
        }
        Loaded current = loaded;
        long now = clock.millis();
        if (current == null) {
            current = revalidate(null, true);
        } else if (now >= current.refreshAtMillis) {
            current = revalidate(current, false);
        }
        NodePath path = current.snapshot.pathOf(nodeId);
        if (path == null && now - current.fetchedAtMillis >= minRefreshMillis) {
            // Perhaps a node created since the last load: look once more, then answer.
            current = revalidate(current, true);
            path = current.snapshot.pathOf(nodeId);
        }
        return path;
    }

    /** The document currently held, or null before the first load. */
    public HierarchySnapshot current() {
        Loaded current = loaded;
        return current == null ? null : current.snapshot;
    }

    /**
     * @param wait whether to wait for a revalidation another thread is doing (else: answer from {@code seen})
     */
    private Loaded revalidate(Loaded seen, boolean wait) {
        if (wait) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return seen;
        }
        try {
            Loaded current = loaded;
            if (current != seen && current != null) {
                return current; // another thread has just revalidated
            }
            try {
                Loaded fresh = fetch(current);
                loaded = fresh;
                return fresh;
            } catch (BranchkeyUnavailableException e) {
                if (current == null) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "keeping the hierarchy document of version "
                        + current.snapshot.version() + ": " + e.getMessage());
                long now = clock.millis();
                Loaded kept = new Loaded(current.snapshot, current.etag, now, now + Math.min(refreshMillis, 30_000));
                loaded = kept;
                return kept;
            }
        } finally {
            lock.unlock();
        }
    }

    private Loaded fetch(Loaded current) {
        JsonResponse response = http.get(uri, current == null ? null : current.etag);
        long now = clock.millis();
        long refresh = response.maxAgeSeconds() > 0 ? response.maxAgeSeconds() * 1000 : refreshMillis;
        if (response.status() == 304 && current != null) {
            return new Loaded(current.snapshot, current.etag, now, now + refresh);
        }
        if (response.status() != 200 || response.body() == null) {
            throw new BranchkeyUnavailableException("hierarchy endpoint answered " + response.status());
        }
        HierarchySnapshot snapshot = parse(response.body());
        return new Loaded(snapshot, response.etag(), now, now + refresh);
    }

    /** {@code {"version": "…", "nodes": [[handle, parentHandle or 0, "KIND", "id"], …]}} */
    static HierarchySnapshot parse(Map<String, Object> body) {
        try {
            Object version = body.get("version");
            if (!(body.get("nodes") instanceof List<?> rows)) {
                throw new IllegalArgumentException("nodes must be an array");
            }
            List<HierarchySnapshot.Node> nodes = new ArrayList<>(rows.size());
            for (Object row : rows) {
                if (!(row instanceof List<?> cells) || cells.size() < 4) {
                    throw new IllegalArgumentException("each node is [handle, parentHandle, kind, id]");
                }
                Long handle = JsonValues.integer(cells.get(0));
                Long parent = JsonValues.integer(cells.get(1));
                if (handle == null || parent == null || !(cells.get(2) instanceof String kind)
                        || !(cells.get(3) instanceof String id)) {
                    throw new IllegalArgumentException("each node is [handle, parentHandle, kind, id]");
                }
                nodes.add(new HierarchySnapshot.Node(handle, parent, kind, id));
            }
            return HierarchySnapshot.of(version == null ? null : version.toString(), nodes);
        } catch (IllegalArgumentException e) {
            throw new BranchkeyUnavailableException("unusable hierarchy document: " + e.getMessage(), e);
        }
    }

    /** Settings; all but {@link #accessTokens} have a default. */
    public static final class Builder {
        private final URI endpointBase;
        private AccessTokenSource accessTokens;
        private HttpClient httpClient;
        private Duration requestTimeout = JsonHttp.DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Duration refreshInterval = Duration.ofMinutes(1);
        private Duration minRefreshInterval = Duration.ofSeconds(10);

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

        /** How long a document is used before revalidation, when the response has no max-age; default 1 minute. */
        public Builder refreshInterval(Duration interval) {
            this.refreshInterval = Objects.requireNonNull(interval);
            return this;
        }

        /** Minimum time between revalidations caused by unknown ids; default 10 s. */
        public Builder minRefreshInterval(Duration interval) {
            this.minRefreshInterval = Objects.requireNonNull(interval);
            return this;
        }

        /** @throws IllegalStateException without {@link #accessTokens} */
        public HierarchyDocumentAncestry build() {
            if (accessTokens == null) {
                throw new IllegalStateException(AuthorizedHierarchyGet.MISSING_TOKENS);
            }
            return new HierarchyDocumentAncestry(this);
        }
    }
}
