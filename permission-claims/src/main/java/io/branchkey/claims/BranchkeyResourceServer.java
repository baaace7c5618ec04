package io.branchkey.claims;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.branchkey.claims.approval.ApprovalVerifier;
import io.branchkey.claims.approval.InMemoryReplayCache;
import io.branchkey.claims.approval.ReplayCache;
import io.branchkey.claims.auth.AccessTokenSource;
import io.branchkey.claims.auth.ClientCredentialsTokenSource;
import io.branchkey.claims.catalog.CatalogSource;
import io.branchkey.claims.catalog.RemoteCatalogSource;
import io.branchkey.claims.check.PermissionCheckClient;
import io.branchkey.claims.check.RemoteCheckClient;
import io.branchkey.claims.hierarchy.CachingNodeAncestry;
import io.branchkey.claims.hierarchy.HierarchyDocumentAncestry;
import io.branchkey.claims.hierarchy.NodeAncestry;
import io.branchkey.claims.internal.JsonHttp;
import io.branchkey.claims.verify.JwksSource;
import io.branchkey.claims.verify.RemoteJwks;
import io.branchkey.claims.verify.TokenVerifier;
import io.branchkey.claims.verify.VerifiedToken;

/**
 * The library's entry point for a resource server of one Keycloak realm: verifies access tokens and decodes their
 * Branchkey claims into a {@link BranchkeyAccess}. Everything it fetches (JWKS, catalog, node paths) is cached.
 * Thread-safe; build one per realm at startup and share it.
 *
 * <pre>{@code
 * BranchkeyResourceServer branchkey = BranchkeyResourceServer.builder("https://sso.example.com/realms/acme")
 *         .authorizedParty("register-app")
 *         .clientCredentials("orders-api", ordersApiSecret) // for the hierarchy endpoint
 *         .build();
 * BranchkeyAccess access = branchkey.access(bearerToken);      // once per request
 * if (access.hasPermission("orders.export", locationId)) { ... }
 * }</pre>
 */
public final class BranchkeyResourceServer {

    private final TokenVerifier verifier;
    private final AccessDecoder decoder;
    private final NodeAncestry ancestry;
    private final CatalogSource catalogs;
    private final ApprovalVerifier approvals;

    private BranchkeyResourceServer(TokenVerifier verifier, AccessDecoder decoder, NodeAncestry ancestry,
            CatalogSource catalogs, ApprovalVerifier approvals) {
        this.verifier = verifier;
        this.decoder = decoder;
        this.ancestry = ancestry;
        this.catalogs = catalogs;
        this.approvals = approvals;
    }

    /**
     * Manager approvals (docs/overrides.md), checked with the same keys, issuer and audience rules as access
     * tokens, and accepted once each (see {@link Builder#replayCache}).
     */
    public ApprovalVerifier approvals() {
        return approvals;
    }

    /**
     * @param issuer the realm's issuer URL exactly as in the tokens' {@code iss}, {@code {base}/realms/{realm}}; the
     *        endpoints are fetched below it unless {@link Builder#endpointBase} says otherwise. Not null.
     */
    public static Builder builder(String issuer) {
        return new Builder(issuer);
    }

    /**
     * Verifies the token.
     *
     * @throws io.branchkey.claims.verify.TokenRejectedException when the token is not acceptable
     * @throws BranchkeyUnavailableException when the realm's keys could not be fetched
     */
    public VerifiedToken verify(String token) {
        return verifier.verify(token);
    }

    /**
     * Verifies the token and decodes its Branchkey claims: call once per request, then ask the result.
     *
     * @param token the compact access token, without "Bearer "
     * @throws io.branchkey.claims.verify.TokenRejectedException when the token is not acceptable
     * @throws io.branchkey.claims.format.ClaimFormatException when a Branchkey claim is malformed
     * @throws BranchkeyUnavailableException when keys or catalog could not be fetched (incl.
     *         {@link io.branchkey.claims.catalog.CatalogOutdatedException})
     */
    public BranchkeyAccess access(String token) {
        return decoder.decode(verifier.verify(token));
    }

    /** Decodes an already verified token. Same exceptions as {@link AccessDecoder#decode(String, Map)}. */
    public BranchkeyAccess access(VerifiedToken token) {
        return decoder.decode(token);
    }

    public TokenVerifier verifier() {
        return verifier;
    }

    /** The decoder, for frameworks that verify tokens themselves (e.g. Spring's JwtDecoder). */
    public AccessDecoder decoder() {
        return decoder;
    }

    public NodeAncestry ancestry() {
        return ancestry;
    }

    public CatalogSource catalogs() {
        return catalogs;
    }

    /**
     * Settings. Required: which tokens are meant for this server ({@link #audience}, {@link #authorizedParty} or
     * {@link #acceptAnyAudience}), and, unless {@link #ancestry} replaces the default, how to authenticate at the
     * hierarchy endpoint ({@link #clientCredentials} or {@link #hierarchyAccessTokens}). Every component can be
     * replaced; the defaults fetch from the realm's endpoints.
     */
    public static final class Builder {
        private final String issuer;
        private URI endpointBase;
        private HttpClient httpClient;
        private Duration requestTimeout = JsonHttp.DEFAULT_REQUEST_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private ClaimNames claimNames = ClaimNames.DEFAULT;
        private JwksSource keys;
        private CatalogSource catalogs;
        private NodeAncestry ancestry;
        private boolean hierarchyDocument;
        private String clientId;
        private String clientSecret;
        private AccessTokenSource hierarchyTokens;
        private PermissionCheckClient checkClient;
        private ReplayCache replayCache;
        private final List<Consumer<TokenVerifier.Builder>> verifierSettings = new ArrayList<>();

        private Builder(String issuer) {
            Objects.requireNonNull(issuer, "issuer");
            this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        }

        /**
         * Where this server reaches the realm when that differs from the public issuer URL (for example
         * {@code http://keycloak:8080/realms/acme} inside a container network). Tokens are still checked against
         * the issuer. Default: the issuer.
         */
        public Builder endpointBase(URI base) {
            this.endpointBase = Objects.requireNonNull(base);
            return this;
        }

        /** Accept tokens whose {@code aud} contains one of these. */
        public Builder audience(String... audiences) {
            verifierSettings.add(b -> b.audience(audiences));
            return this;
        }

        /** Accept tokens issued to one of these clients ({@code azp}); Keycloak's usual case. */
        public Builder authorizedParty(String... clientIds) {
            verifierSettings.add(b -> b.authorizedParty(clientIds));
            return this;
        }

        /** Accept tokens of any client of the realm. */
        public Builder acceptAnyAudience() {
            verifierSettings.add(TokenVerifier.Builder::acceptAnyAudience);
            return this;
        }

        /** Further verifier settings (algorithms, clock skew, token type, ...). */
        public Builder verifier(Consumer<TokenVerifier.Builder> settings) {
            verifierSettings.add(Objects.requireNonNull(settings));
            return this;
        }

        /** Shared by the default components. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient);
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder claimNames(ClaimNames names) {
            this.claimNames = Objects.requireNonNull(names);
            return this;
        }

        /** Default: {@link RemoteJwks} of the realm. */
        public Builder keys(JwksSource keys) {
            this.keys = Objects.requireNonNull(keys);
            return this;
        }

        /** Default: {@link RemoteCatalogSource}. */
        public Builder catalogs(CatalogSource catalogs) {
            this.catalogs = Objects.requireNonNull(catalogs);
            return this;
        }

        /** Default: {@link CachingNodeAncestry} (per-node endpoint). */
        public Builder ancestry(NodeAncestry ancestry) {
            this.ancestry = Objects.requireNonNull(ancestry);
            return this;
        }

        /**
         * This server's own confidential client of the realm, with service accounts enabled (it needs no roles):
         * the default hierarchy components authenticate with access tokens of its client credentials grant, as the
         * hierarchy endpoint answers only service accounts. Replaces {@link #hierarchyAccessTokens}.
         *
         * @param clientSecret kept in memory, sent only to the realm's token endpoint
         */
        public Builder clientCredentials(String clientId, String clientSecret) {
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isEmpty()) {
                throw new IllegalArgumentException("clientCredentials needs a client id and its secret");
            }
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.hierarchyTokens = null;
            return this;
        }

        /**
         * The access tokens for the hierarchy endpoint from elsewhere: they must be service-account tokens of the
         * realm (client credentials grant). Replaces {@link #clientCredentials}.
         */
        public Builder hierarchyAccessTokens(AccessTokenSource tokens) {
            this.hierarchyTokens = Objects.requireNonNull(tokens, "tokens");
            this.clientId = null;
            this.clientSecret = null;
            return this;
        }

        /** Use the whole-tree document ({@link HierarchyDocumentAncestry}) instead of per-node lookups. */
        public Builder useHierarchyDocument() {
            this.hierarchyDocument = true;
            return this;
        }

        /** Default: {@link RemoteCheckClient}. */
        public Builder checkClient(PermissionCheckClient client) {
            this.checkClient = Objects.requireNonNull(client);
            return this;
        }

        /**
         * Where used approvals are remembered. Default: this process's memory; share one (a database, Redis) when
         * several instances of the server accept approvals.
         */
        public Builder replayCache(ReplayCache cache) {
            this.replayCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * @throws IllegalStateException when no audience rule was chosen, or the default hierarchy components have
         *         no access tokens
         */
        public BranchkeyResourceServer build() {
            if (ancestry == null && clientId == null && hierarchyTokens == null) {
                throw new IllegalStateException("the hierarchy endpoint answers only a service account of the realm:"
                        + " configure clientCredentials(clientId, clientSecret) with a confidential client that has"
                        + " service accounts enabled, or hierarchyAccessTokens(...), or replace ancestry(...)");
            }
            URI base = endpointBase != null ? endpointBase : URI.create(issuer);
            HttpClient http = httpClient != null ? httpClient : JsonHttp.defaultClient();
            JwksSource jwks = keys != null ? keys
                    : RemoteJwks.forRealm(base).httpClient(http).requestTimeout(requestTimeout).clock(clock).build();
            TokenVerifier.Builder verifierBuilder = TokenVerifier.builder(issuer, jwks).clock(clock);
            verifierSettings.forEach(setting -> setting.accept(verifierBuilder));
            TokenVerifier verifier = verifierBuilder.build();
            CatalogSource catalogSource = catalogs != null ? catalogs
                    : RemoteCatalogSource.builder(base).httpClient(http).requestTimeout(requestTimeout).clock(clock).build();
            NodeAncestry nodeAncestry = ancestry != null ? ancestry : defaultAncestry(base, http);
            PermissionCheckClient check = checkClient != null ? checkClient
                    : new RemoteCheckClient(base, http, requestTimeout);
            TokenVerifier.Builder approvalBuilder = TokenVerifier.builder(issuer, jwks).clock(clock);
            verifierSettings.forEach(setting -> setting.accept(approvalBuilder));
            approvalBuilder.tokenType(ApprovalVerifier.TOKEN_TYPE).headerTypes(java.util.Set.of(ApprovalVerifier.HEADER_TYPE));
            ApprovalVerifier approvals = new ApprovalVerifier(approvalBuilder.build(),
                    replayCache != null ? replayCache : new InMemoryReplayCache());
            return new BranchkeyResourceServer(verifier, new AccessDecoder(claimNames, catalogSource, nodeAncestry, check),
                    nodeAncestry, catalogSource, approvals);
        }

        private NodeAncestry defaultAncestry(URI base, HttpClient http) {
            AccessTokenSource tokens = hierarchyTokens != null ? hierarchyTokens
                    : ClientCredentialsTokenSource.forRealm(base, clientId, clientSecret).httpClient(http)
                            .requestTimeout(requestTimeout).clock(clock).build();
            return hierarchyDocument
                    ? HierarchyDocumentAncestry.builder(base).accessTokens(tokens).httpClient(http)
                            .requestTimeout(requestTimeout).clock(clock).build()
                    : CachingNodeAncestry.builder(base).accessTokens(tokens).httpClient(http)
                            .requestTimeout(requestTimeout).clock(clock).build();
        }
    }
}
