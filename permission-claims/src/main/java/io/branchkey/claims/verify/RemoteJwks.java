package io.branchkey.claims.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.jwk.JWKSet;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.internal.JsonHttp;
import io.branchkey.claims.internal.JsonResponse;

/**
 * The JWKS from {@code {issuer}/protocol/openid-connect/certs}, cached for a fixed time (Keycloak sends
 * {@code no-cache}, so the response's caching headers are ignored) and refetched early when a token names an
 * unknown key, at most once per {@linkplain Builder#minRefreshInterval minimum interval}. A failed refetch keeps the
 * cached keys. Thread-safe.
 */
public final class RemoteJwks implements JwksSource {

    private static final System.Logger LOG = System.getLogger(RemoteJwks.class.getName());

    private record Cached(JWKSet keys, long expiresAtMillis) {
    }

    private final URI uri;
    private final JsonHttp http;
    private final Clock clock;
    private final long ttlMillis;
    private final long minRefreshMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Cached cached;
    /** Guarded by lock. */
    private long lastAttemptMillis = Long.MIN_VALUE / 2;

    private RemoteJwks(Builder builder) {
        this.uri = builder.jwksUri;
        this.http = JsonHttp.of(builder.httpClient, builder.requestTimeout);
        this.clock = builder.clock;
        this.ttlMillis = builder.ttl.toMillis();
        this.minRefreshMillis = builder.minRefreshInterval.toMillis();
    }

    /** For a Keycloak realm: the JWKS at {@code {endpointBase}/protocol/openid-connect/certs}. */
    public static Builder forRealm(URI endpointBase) {
        return new Builder(JsonHttp.endpoint(endpointBase, "/protocol/openid-connect/certs"));
    }

    /** For any JWKS URL. */
    public static Builder at(URI jwksUri) {
        return new Builder(jwksUri);
    }

    @Override
    public JWKSet current() {
        Cached current = cached;
        if (current != null && clock.millis() < current.expiresAtMillis) {
            return current.keys;
        }
        return load(current, false);
    }

    @Override
    public JWKSet refreshed() {
        return load(cached, true);
    }

    private JWKSet load(Cached seen, boolean rateLimited) {
        lock.lock();
        try {
            Cached current = cached;
            if (current != seen && current != null) {
                return current.keys; // another thread has just fetched
            }
            long now = clock.millis();
            if (current != null && rateLimited && now - lastAttemptMillis < minRefreshMillis) {
                return current.keys;
            }
            if (current == null && now - lastAttemptMillis < minRefreshMillis) {
                throw new BranchkeyUnavailableException("the JWKS could not be fetched recently; not retrying yet");
            }
            lastAttemptMillis = now;
            try {
                Cached fresh = new Cached(fetch(), now + ttlMillis);
                cached = fresh;
                return fresh.keys;
            } catch (BranchkeyUnavailableException e) {
                if (current == null) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "keeping the cached JWKS: " + e.getMessage());
                cached = new Cached(current.keys, now + Math.min(ttlMillis, minRefreshMillis));
                return current.keys;
            }
        } finally {
            lock.unlock();
        }
    }

    private JWKSet fetch() {
        JsonResponse response = http.get(uri, null);
        if (response.status() != 200 || response.body() == null) {
            throw new BranchkeyUnavailableException("JWKS endpoint answered " + response.status());
        }
        try {
            return JWKSet.parse(response.body());
        } catch (ParseException e) {
            throw new BranchkeyUnavailableException("unusable JWKS: " + e.getMessage(), e);
        }
    }

    /** Settings; every one has a default. */
    public static final class Builder {
        private final URI jwksUri;
        private HttpClient httpClient;
        private Duration requestTimeout = JsonHttp.DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Duration ttl = Duration.ofMinutes(10);
        private Duration minRefreshInterval = Duration.ofSeconds(10);

        private Builder(URI jwksUri) {
            this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
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

        /** How long fetched keys are used before fetching again; default 10 minutes. */
        public Builder ttl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl);
            return this;
        }

        /** Minimum time between fetches caused by unknown key ids (and retries after failures); default 10 s. */
        public Builder minRefreshInterval(Duration interval) {
            this.minRefreshInterval = Objects.requireNonNull(interval);
            return this;
        }

        public RemoteJwks build() {
            return new RemoteJwks(this);
        }
    }
}
