package io.branchkey.claims;

import static io.branchkey.claims.support.Fixtures.perms;
import static io.branchkey.claims.support.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;

import io.branchkey.claims.catalog.CatalogOutdatedException;
import io.branchkey.claims.format.ClaimFormatException;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.claims.hierarchy.HierarchySnapshot;
import io.branchkey.claims.support.MutableClock;
import io.branchkey.claims.support.ServiceAccount;
import io.branchkey.claims.support.StubRealm;
import io.branchkey.claims.support.StubRealm.Answer;
import io.branchkey.claims.support.TestKeys;
import io.branchkey.claims.support.Tokens;
import io.branchkey.claims.verify.TokenRejectedException;

/** The default wiring against a stub realm: JWKS, catalog, node paths and the check endpoint over HTTP. */
class BranchkeyResourceServerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private StubRealm realm;
    private ServiceAccount account;
    private BranchkeyResourceServer branchkey;

    @BeforeEach
    void start() throws Exception {
        realm = new StubRealm();
        account = new ServiceAccount("orders-api", "s3cret").install(realm);
        realm.on("/protocol/openid-connect/certs", Answer.json(TestKeys.publicSet(TestKeys.RSA, TestKeys.EC).toString()));
        realm.on("/branchkey/catalog", Answer.json("""
                {"version": 3, "permissions": [{"index": 0, "key": "users.view"}, {"index": 1, "key": "orders.export"}]}""",
                "ETag", "\"c3\""));
        realm.on("/branchkey/hierarchy/nodes/loc-12", account.guard(Answer.json("""
                {"id": "loc-12", "handle": 12, "kind": "LOCATION", "path": [1, 2, 5, 12]}""", "Cache-Control", "max-age=300")));
        realm.on("/branchkey/hierarchy/nodes/loc-40", account.guard(Answer.json("""
                {"id": "loc-40", "handle": 40, "kind": "LOCATION", "path": [1, 3, 40]}""", "Cache-Control", "max-age=300")));
        realm.on("/branchkey/check", Answer.json("""
                {"subject": "u", "results": [{"permission": "orders.export", "node": "loc-40", "allowed": true}]}"""));
        branchkey = BranchkeyResourceServer.builder(realm.issuer()).authorizedParty(Tokens.CLIENT)
                .clientCredentials("orders-api", "s3cret").clock(clock).build();
    }

    @AfterEach
    void stop() {
        realm.close();
    }

    private String token(Map<String, Object> perms) {
        JWTClaimsSet claims = Tokens.withBranchkey(Tokens.accessToken(NOW).issuer(realm.issuer()), perms,
                List.of("Store Manager"), null).build();
        return Tokens.sign(TestKeys.RSA, JWSAlgorithm.RS256, claims);
    }

    @Test
    void aTokenIsVerifiedDecodedAndAnsweredFromTheRealmsEndpoints() {
        BranchkeyAccess access = branchkey.access(token(perms(3, 2, set(1))));
        assertThat(access.hasPermission("orders.export", "loc-12")).isTrue();
        assertThat(access.hasPermission("users.view", "loc-12")).isFalse();
        assertThat(access.hasPermission("orders.export", "loc-40")).isFalse();
        assertThat(access.hasPermission("orders.export", "unknown")).isFalse();
        assertThat(access.roles()).containsExactly("Store Manager");

        // a second token, a second request: everything from the caches
        BranchkeyAccess again = branchkey.access(token(perms(3, 2, set(1))));
        assertThat(again.hasPermission("orders.export", "loc-12")).isTrue();
        assertThat(realm.count("/protocol/openid-connect/certs")).isEqualTo(1);
        assertThat(realm.count("/branchkey/catalog")).isEqualTo(1);
        assertThat(realm.count("/branchkey/hierarchy/nodes/loc-12")).isEqualTo(1);
    }

    @Test
    void theHierarchyIsAskedWithOneClientCredentialsTokenAndNothingElseGetsIt() {
        BranchkeyAccess access = branchkey.access(token(perms(3, 2, set(1))));
        assertThat(access.hasPermission("orders.export", "loc-12")).isTrue();
        assertThat(access.hasPermission("orders.export", "loc-40")).isFalse();
        assertThat(account.issued()).isEqualTo(1);
        assertThat(realm.requests()).filteredOn(r -> r.path().contains("/branchkey/hierarchy/")).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer svc-1"));
        assertThat(realm.requests()).filteredOn(r -> r.path().endsWith("/certs") || r.path().endsWith("/catalog"))
                .isNotEmpty().allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void withoutAWayToAuthenticateAtTheHierarchyBuildFails() {
        assertThatThrownBy(() -> BranchkeyResourceServer.builder(realm.issuer()).authorizedParty(Tokens.CLIENT).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientCredentials(clientId, clientSecret)");
        assertThatThrownBy(() -> BranchkeyResourceServer.builder(realm.issuer()).authorizedParty(Tokens.CLIENT)
                .useHierarchyDocument().build()).isInstanceOf(IllegalStateException.class);
        // an ancestry of the application's own needs no token
        BranchkeyResourceServer.builder(realm.issuer()).authorizedParty(Tokens.CLIENT)
                .ancestry(HierarchySnapshot.of("fixed", List.of())).build();
        assertThat(realm.requests()).isEmpty();
    }

    @Test
    void aCustomTokenSourceAuthorizesTheHierarchyDocument() {
        realm.on("/branchkey/hierarchy", request -> "Bearer from-the-app".equals(request.header("Authorization"))
                ? Answer.json("{\"version\": \"h1\", \"nodes\": [[12, 0, \"LOCATION\", \"loc-12\"]]}")
                : Answer.status(401));
        BranchkeyResourceServer documentBased = BranchkeyResourceServer.builder(realm.issuer())
                .authorizedParty(Tokens.CLIENT).clock(clock).useHierarchyDocument()
                .hierarchyAccessTokens(() -> "from-the-app").build();
        assertThat(documentBased.ancestry().pathOf("loc-12").handle()).isEqualTo(12);
        assertThat(realm.count(ServiceAccount.TOKEN_PATH)).isZero();
    }

    @Test
    void anOverageTokenIsAnsweredByTheCheckEndpointWithTheTokenAsBearer() {
        String token = token(CompactPermissions.overage(3).toClaim());
        BranchkeyAccess access = branchkey.access(token);
        assertThat(access.hasPermission("orders.export", "loc-40")).isTrue();
        assertThat(realm.requests()).anySatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + token));
        assertThat(realm.count("/branchkey/catalog")).isZero();
    }

    @Test
    void failuresSurfaceAsTheirDocumentedExceptions() {
        assertThatThrownBy(() -> branchkey.access(token(perms(4, 2, set(1)))))
                .isInstanceOf(CatalogOutdatedException.class);
        assertThatThrownBy(() -> branchkey.access(token(Map.of("v", 2, "cat", 3, "sets", List.of(), "at", List.of()))))
                .isInstanceOf(ClaimFormatException.class);
        String otherRealm = Tokens.rs256(Tokens.accessToken(NOW).build());
        assertThatThrownBy(() -> branchkey.access(otherRealm)).isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void theWholeDocumentCanReplacePerNodeLookups() {
        realm.on("/branchkey/hierarchy", account.guard(Answer.json("""
                {"version": "h1", "nodes": [[1, 0, "PARTNER", "p"], [2, 1, "ACCOUNT", "acct-a"],
                 [12, 2, "LOCATION", "loc-12"]]}""", "ETag", "\"h1\"")));
        BranchkeyResourceServer documentBased = BranchkeyResourceServer.builder(realm.issuer())
                .authorizedParty(Tokens.CLIENT).clock(clock).useHierarchyDocument()
                .clientCredentials("orders-api", "s3cret").build();
        assertThat(documentBased.access(token(perms(3, 2, set(1)))).hasPermission("orders.export", "loc-12")).isTrue();
        assertThat(realm.count("/branchkey/hierarchy")).isEqualTo(1);
        assertThat(realm.count("/branchkey/hierarchy/nodes/loc-12")).isZero();
    }

    @Test
    void anEndpointBaseOtherThanTheIssuerIsUsedForFetchingOnly() {
        String publicIssuer = "https://sso.example.com/realms/test";
        BranchkeyResourceServer internal = BranchkeyResourceServer.builder(publicIssuer)
                .endpointBase(realm.base()).authorizedParty(Tokens.CLIENT).clientCredentials("orders-api", "s3cret")
                .clock(clock).build();
        JWTClaimsSet claims = Tokens.withBranchkey(Tokens.accessToken(NOW).issuer(publicIssuer), perms(3, 2, set(1)),
                null, null).build();
        assertThat(internal.access(Tokens.rs256(claims)).hasPermission("orders.export", "loc-12")).isTrue();
        assertThatThrownBy(() -> internal.access(token(perms(3, 2, set(1))))) // iss is the internal URL
                .isInstanceOf(TokenRejectedException.class);
    }
}
