package io.branchkey.claims.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.internal.JsonHttp;
import io.branchkey.claims.internal.TextResponse;

/**
 * Access tokens of the resource server's own confidential client, from the client credentials grant at the realm's
 * token endpoint (client id and secret sent as HTTP Basic). A token is reused until shortly before its
 * {@code expires_in} runs out; one thread fetches while the others wait for its result, at most the request timeout.
 * A failed fetch is remembered for a back-off (1 s, doubling on each further failure up to 30 s, reset by a success)
 * during which callers fail at once without asking the endpoint. The OAuth messages are the Nimbus OAuth 2.0 SDK's;
 * they travel over the library's HTTP client. Neither secret nor tokens are ever logged or put in an exception
 * message. Thread-safe.
 */
public final class ClientCredentialsTokenSource implements AccessTokenSource {

    /** The access token and until when it is handed out; deliberately no toString. */
    private static final class Issued {
        final String token;
        final long useUntilMillis;

        Issued(String token, long useUntilMillis) {
            this.token = token;
            this.useUntilMillis = useUntilMillis;
        }
    }

    /** The last fetch failed: its message (never a secret or token) and until when no new fetch is made. */
    private static final class Failure {
        final String message;
        final long backoffMillis;
        final long retryAtMillis;

        Failure(String message, long backoffMillis, long retryAtMillis) {
            this.message = message;
            this.backoffMillis = backoffMillis;
            this.retryAtMillis = retryAtMillis;
        }
    }

    private final TokenRequest request;
    private final JsonHttp http;
    private final Clock clock;
    private final long refreshMarginMillis;
    private final long lifetimeWithoutExpiresInMillis;
    private final Duration requestTimeout;
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private final ReentrantLock fetching = new ReentrantLock();
    private final AtomicReference<Issued> issued = new AtomicReference<>();
    /** Written only while holding {@link #fetching}; null after a success. */
    private volatile Failure failure;

    private ClientCredentialsTokenSource(Builder builder) {
        this.request = new TokenRequest(builder.tokenEndpoint,
                new ClientSecretBasic(new ClientID(builder.clientId), new Secret(builder.clientSecret)),
                new ClientCredentialsGrant());
        this.http = JsonHttp.of(builder.httpClient, builder.requestTimeout);
        this.clock = builder.clock;
        this.refreshMarginMillis = builder.refreshMargin.toMillis();
        this.lifetimeWithoutExpiresInMillis = builder.lifetimeWithoutExpiresIn.toMillis();
        this.requestTimeout = builder.requestTimeout;
        this.initialBackoffMillis = builder.initialBackoff.toMillis();
        this.maxBackoffMillis = builder.maxBackoff.toMillis();
    }

    /**
     * @param tokenEndpoint the realm's token endpoint, {@code {issuer}/protocol/openid-connect/token}
     * @param clientId a confidential client of the realm with service accounts enabled (it needs no roles)
     * @param clientSecret its secret
     */
    public static Builder builder(URI tokenEndpoint, String clientId, String clientSecret) {
        return new Builder(tokenEndpoint, clientId, clientSecret);
    }

    /** As {@link #builder}, for the token endpoint of the realm at {@code endpointBase} (the issuer URL). */
    public static Builder forRealm(URI endpointBase, String clientId, String clientSecret) {
        return builder(JsonHttp.endpoint(Objects.requireNonNull(endpointBase, "endpointBase"),
                "/protocol/openid-connect/token"), clientId, clientSecret);
    }

    @Override
    public String accessToken() {
        Issued current = issued.get();
        if (usable(current)) {
            return current.token;
        }
        // a recent failure answers at once: with the endpoint down or the secret wrong, no caller waits for it
        // or makes it busier
        failIfBackingOff();
        lockWithinRequestTimeout();
        try {
            current = issued.get();
            if (usable(current)) {
                return current.token; // fetched by the thread we waited for
            }
            failIfBackingOff(); // the thread we waited for failed
            Issued fresh;
            try {
                fresh = fetch();
            } catch (RuntimeException e) {
                remember(e);
                throw e;
            }
            failure = null;
            issued.set(fresh);
            return fresh.token;
        } finally {
            fetching.unlock();
        }
    }

    /**
     * Waiting is bounded so that a hung fetch cannot pile up every request thread behind it. Measured on the
     * lock's own (real) time: the injectable clock cannot time a wait.
     */
    private void lockWithinRequestTimeout() {
        try {
            if (!fetching.tryLock(requestTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BranchkeyUnavailableException("another thread is fetching a token and has not finished"
                        + " within " + requestTimeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BranchkeyUnavailableException("interrupted while waiting for another thread's token fetch", e);
        }
    }

    private void failIfBackingOff() {
        Failure last = failure;
        if (last != null && clock.millis() < last.retryAtMillis) {
            throw new BranchkeyUnavailableException(last.message + " (a remembered failure: the token endpoint is not"
                    + " asked again before " + Instant.ofEpochMilli(last.retryAtMillis) + ")");
        }
    }

    /** Called holding the lock. The back-off doubles on each consecutive failure, up to the maximum. */
    private void remember(RuntimeException e) {
        Failure last = failure;
        long backoff = last == null ? initialBackoffMillis
                : last.backoffMillis > maxBackoffMillis / 2 ? maxBackoffMillis : last.backoffMillis * 2;
        // our own messages are free of secrets and tokens; another exception's message might not be
        String message = e instanceof BranchkeyUnavailableException ? e.getMessage()
                : "fetching a token failed with " + e.getClass().getName();
        failure = new Failure(message, backoff, clock.millis() + backoff);
    }

    @Override
    public void invalidate(String refusedToken) {
        Issued current = issued.get();
        if (current != null && current.token.equals(refusedToken)) {
            issued.compareAndSet(current, null);
        }
    }

    private boolean usable(Issued candidate) {
        return candidate != null && clock.millis() < candidate.useUntilMillis;
    }

    private Issued fetch() {
        HTTPRequest form = request.toHTTPRequest();
        Map<String, String> headers = new LinkedHashMap<>();
        form.getHeaderMap().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        // expires_in counts from issuance: the time before asking keeps the reuse on the safe side
        long requestedAt = clock.millis();
        TextResponse answer = http.postForm(form.getURI(), headers, form.getBody());
        TokenResponse response = parse(answer);
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new BranchkeyUnavailableException("the client credentials grant was refused (HTTP " + answer.status()
                    + ", " + error.getCode() + (error.getDescription() == null ? "" : ": " + error.getDescription())
                    + "): check the client id and secret, and that the client is confidential with service"
                    + " accounts enabled");
        }
        AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
        long lifetime = token.getLifetime() > 0 ? token.getLifetime() * 1000 : lifetimeWithoutExpiresInMillis;
        return new Issued(token.getValue(), requestedAt + lifetime - Math.min(refreshMarginMillis, lifetime / 2));
    }

    /** The SDK's parse errors may quote the body, which may hold a token: neither message nor cause is kept. */
    private static TokenResponse parse(TextResponse answer) {
        try {
            HTTPResponse response = new HTTPResponse(answer.status());
            if (answer.contentType() != null) {
                response.setContentType(answer.contentType());
            }
            response.setBody(answer.body());
            TokenResponse parsed = TokenResponse.parse(response);
            if (parsed.indicatesSuccess() && parsed.toSuccessResponse().getTokens().getAccessToken() == null) {
                throw new ParseException("no access token");
            }
            return parsed;
        } catch (ParseException | RuntimeException e) {
            throw new BranchkeyUnavailableException("the token endpoint answered HTTP " + answer.status()
                    + " without a usable token response (Content-Type " + answer.contentType() + ")");
        }
    }

    /** Settings; all but the client's credentials have a default. */
    public static final class Builder {
        private final URI tokenEndpoint;
        private final String clientId;
        private final String clientSecret;
        private HttpClient httpClient;
        private Duration requestTimeout = JsonHttp.DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Duration refreshMargin = Duration.ofSeconds(30);
        private Duration lifetimeWithoutExpiresIn = Duration.ofMinutes(1);
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(30);

        private Builder(URI tokenEndpoint, String clientId, String clientSecret) {
            this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("the client id is required");
            }
            if (clientSecret == null || clientSecret.isEmpty()) {
                throw new IllegalArgumentException("the client secret of " + clientId + " is required");
            }
            this.clientId = clientId;
            this.clientSecret = clientSecret;
        }

        /** Default: a new client with a 2 s connect timeout that does not follow redirects. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        /** Timeout of one request, and how long a caller waits for another thread's fetch; default 5 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * How long before {@code expires_in} runs out a new token is fetched, so that none expires on its way;
         * default 30 s, at most half the token's lifetime.
         */
        public Builder refreshMargin(Duration margin) {
            this.refreshMargin = Objects.requireNonNull(margin);
            return this;
        }

        /** How long a token is reused when the answer has no {@code expires_in}; default 1 minute. */
        public Builder lifetimeWithoutExpiresIn(Duration lifetime) {
            this.lifetimeWithoutExpiresIn = Objects.requireNonNull(lifetime);
            return this;
        }

        /**
         * How long a failed fetch is remembered, during which callers get its error without a new request: {@code
         * initial} after a failure, doubling on each consecutive one up to {@code max}; a success resets it. Default
         * 1 s and 30 s.
         */
        public Builder failureBackoff(Duration initial, Duration max) {
            Objects.requireNonNull(initial, "initial");
            Objects.requireNonNull(max, "max");
            if (initial.toMillis() < 1) {
                throw new IllegalArgumentException("the initial failure back-off must be at least 1 ms");
            }
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("the maximum failure back-off must not be below the initial one");
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        public ClientCredentialsTokenSource build() {
            return new ClientCredentialsTokenSource(this);
        }
    }
}
