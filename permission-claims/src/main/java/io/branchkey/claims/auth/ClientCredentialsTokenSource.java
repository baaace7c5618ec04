package io.branchkey.claims.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
 * {@code expires_in} runs out; one thread fetches while the others wait for its result. The OAuth messages are the
 * Nimbus OAuth 2.0 SDK's; they travel over the library's HTTP client. Neither secret nor tokens are ever logged or
 * put in an exception message. Thread-safe.
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

    private final TokenRequest request;
    private final JsonHttp http;
    private final Clock clock;
    private final long refreshMarginMillis;
    private final long lifetimeWithoutExpiresInMillis;
    private final ReentrantLock fetching = new ReentrantLock();
    private final AtomicReference<Issued> issued = new AtomicReference<>();

    private ClientCredentialsTokenSource(Builder builder) {
        this.request = new TokenRequest(builder.tokenEndpoint,
                new ClientSecretBasic(new ClientID(builder.clientId), new Secret(builder.clientSecret)),
                new ClientCredentialsGrant());
        this.http = JsonHttp.of(builder.httpClient, builder.requestTimeout);
        this.clock = builder.clock;
        this.refreshMarginMillis = builder.refreshMargin.toMillis();
        this.lifetimeWithoutExpiresInMillis = builder.lifetimeWithoutExpiresIn.toMillis();
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
        fetching.lock();
        try {
            current = issued.get();
            if (usable(current)) {
                return current.token; // fetched by the thread we waited for
            }
            Issued fresh = fetch();
            issued.set(fresh);
            return fresh.token;
        } finally {
            fetching.unlock();
        }
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

        /** Timeout of one request; default 5 s. */
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

        public ClientCredentialsTokenSource build() {
            return new ClientCredentialsTokenSource(this);
        }
    }
}
