package io.branchkey.claims.bench;

import java.time.Instant;
import java.util.BitSet;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.branchkey.claims.AccessDecoder;
import io.branchkey.claims.BranchkeyAccess;
import io.branchkey.claims.ClaimNames;
import io.branchkey.claims.catalog.RemoteCatalogSource;
import io.branchkey.claims.check.PermissionCheckClient;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.claims.hierarchy.CachingNodeAncestry;
import io.branchkey.claims.support.StubRealm;
import io.branchkey.claims.support.StubRealm.Answer;
import io.branchkey.claims.verify.JwksSource;
import io.branchkey.claims.verify.TokenVerifier;
import io.branchkey.claims.verify.VerifiedToken;

/**
 * The resource-server library's per-request costs, on one Keycloak-shaped RS256 (2048-bit) access token of a store
 * manager: 6 anchors in 3 distinct sets over a 200-permission catalog, 2 roles, tenancy. Catalog and node paths come
 * from the library's default caches (RemoteCatalogSource, CachingNodeAncestry), filled from a stub realm on a
 * loopback port during setup; no HTTP happens while measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClaimsLibraryBenchmark {

    static final String ISSUER = "http://keycloak.bench/realms/bench";
    /**
     * The checked location: path partner 1 / account 2 / region 5 / location 14. It is no anchor itself, so the
     * check walks three handles up to the account's anchor (the usual case for a location without exceptions).
     */
    static final String LOCATION = "loc-14";

    private StubRealm realm;
    private TokenVerifier verifier;
    private AccessDecoder decoder;
    private String token;
    private SignedJWT parsedToken;
    private RSASSAVerifier rsaVerifier;
    private Map<String, Object> verifiedClaims;
    private BranchkeyAccess access;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-rsa").keyUse(KeyUse.SIGNATURE).generate();
        realm = new StubRealm();
        realm.on("/branchkey/catalog", Answer.json(catalogJson(200), "ETag", "\"bench-7\"", "Cache-Control",
                "max-age=300"));
        long[][] paths = {{1, 2, 5, 14}, {1, 2, 5, 12}, {1, 2, 5, 13}, {1, 2, 6, 20}, {1, 3, 40}};
        String[] ids = {"loc-14", "loc-12", "loc-13", "loc-20", "loc-40"};
        for (int i = 0; i < ids.length; i++) {
            realm.on("/branchkey/hierarchy/nodes/" + ids[i], Answer.json("{\"id\": \"" + ids[i] + "\", \"handle\": "
                    + paths[i][paths[i].length - 1] + ", \"kind\": \"LOCATION\", \"path\": "
                    + java.util.Arrays.toString(paths[i]) + "}", "Cache-Control", "max-age=3600"));
        }

        verifier = TokenVerifier.builder(ISSUER, JwksSource.fixed(new JWKSet(key.toPublicJWK())))
                .authorizedParty("backoffice-app").build();
        decoder = new AccessDecoder(ClaimNames.DEFAULT, RemoteCatalogSource.builder(realm.base()).build(),
                CachingNodeAncestry.builder(realm.base()).accessTokens(() -> "bench-service-account").build(),
                PermissionCheckClient.none());

        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(key.getKeyID()).build(), claims());
        jwt.sign(new RSASSASigner(key));
        token = jwt.serialize();
        parsedToken = SignedJWT.parse(token);
        rsaVerifier = new RSASSAVerifier(key.toRSAPublicKey());

        VerifiedToken verified = verifier.verify(token);
        verifiedClaims = verified.claims();
        access = decoder.decode(verified);
        for (String id : ids) {
            access.hasPermission("orders.export", id); // fills the node cache
        }
        if (!access.hasPermission("orders.export", LOCATION) || access.hasPermission("reports.delete", LOCATION)) {
            throw new IllegalStateException("the fixture does not answer as designed");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        realm.close();
    }

    /** (a) One check on an access object built earlier for the request: catalog and path from the caches. */
    @Benchmark
    public boolean cachedHasPermission() {
        return access.hasPermission("orders.export", LOCATION);
    }

    /** (a') The same, for a permission the anchor does not hold. */
    @Benchmark
    public boolean cachedHasPermissionDenied() {
        return access.hasPermission("reports.delete", LOCATION);
    }

    /** (b) Decoding the Branchkey claims of a verified token (its claims as parsed JSON) plus one check. */
    @Benchmark
    public boolean decodeAndCheck() {
        return decoder.decode(token, verifiedClaims).hasPermission("orders.export", LOCATION);
    }

    /** (b') As (b), but from the compact token: JWT parsing (base64, JSON) included, signature not checked. */
    @Benchmark
    public boolean parseDecodeAndCheck() throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        return decoder.decode(token, jwt.getJWTClaimsSet().getClaims()).hasPermission("orders.export", LOCATION);
    }

    /** (c) RS256 signature verification of the token (the crypto step alone, on the parsed token). */
    @Benchmark
    public boolean rs256SignatureVerification() throws Exception {
        return parsedToken.verify(rsaVerifier);
    }

    /** (c') Full verification as a request pays it: parse, algorithm and key checks, RS256, claim checks. */
    @Benchmark
    public VerifiedToken fullTokenVerification() {
        return verifier.verify(token);
    }

    /** A store manager's token: account-wide grant with three per-location exceptions and a second account. */
    static JWTClaimsSet claims() {
        Map<Long, BitSet> anchors = new TreeMap<>();
        BitSet accountWide = bits(0, 3, 7, 10, 12, 15, 21, 40, 41, 44, 57, 60, 61, 62, 88, 120);
        BitSet manager = (BitSet) accountWide.clone();
        manager.or(bits(1, 2, 30, 31, 33, 150, 151, 199));
        BitSet otherAccount = bits(0, 40, 41);
        anchors.put(2L, accountWide);
        anchors.put(12L, manager);
        anchors.put(13L, manager);
        anchors.put(20L, manager);
        anchors.put(3L, otherAccount);
        anchors.put(40L, otherAccount);
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("6f1c2a9e-0c51-4b1e-9d0b-2f4a1c3e5d7a")
                .audience("account")
                .claim("azp", "backoffice-app")
                .claim("typ", "Bearer")
                .jwtID("onrtac:8d1f0a6e-3c4b-4a57-9e2f-1b6c7d8e9f00")
                .claim("sid", "1d0c8b7a-6e5f-4a3b-9c2d-0e1f2a3b4c5d")
                .claim("scope", "openid profile email")
                .claim("email_verified", true)
                .claim("preferred_username", "gw-den-manager")
                .claim("name", "Dana Denver")
                .claim("realm_access", Map.of("roles", List.of("offline_access", "uma_authorization")))
                .claim("bk_perms", CompactPermissions.of(7, anchors).toClaim())
                .claim("bk_roles", List.of("KlickTrack Shift Lead", "KlickTrack Store Manager"))
                .claim("bk_tenancy", Map.of("home", "34f7fca7-6220-4ed0-9b19-cf386bf1c77b",
                        "scope", Map.of("type", "all"), "partner", false))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(24 * 3600))) // outlives any benchmark run
                .build();
    }

    private static BitSet bits(int... indexes) {
        BitSet bits = new BitSet();
        for (int i : indexes) {
            bits.set(i);
        }
        return bits;
    }

    static String catalogJson(int size) {
        String[] keys = {"orders.export", "reports.delete"};
        StringBuilder json = new StringBuilder("{\"version\": 7, \"permissions\": [");
        for (int i = 0; i < size; i++) {
            String key = i == 0 ? keys[0] : i == 1 ? keys[1] : "perm." + i;
            json.append(i == 0 ? "" : ", ").append("{\"index\": ").append(i).append(", \"key\": \"").append(key)
                    .append("\", \"name\": \"Permission ").append(i).append("\", \"section\": \"S\", \"implies\": []}");
        }
        return json.append("]}").toString();
    }
}
