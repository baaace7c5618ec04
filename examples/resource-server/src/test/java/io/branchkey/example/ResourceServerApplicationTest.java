package io.branchkey.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The example app as configured, against a stub realm: a store manager's token (ES256, like the demo's register
 * tokens) holding orders.export at one location and users.view at the account. The stub's hierarchy endpoints answer
 * only its service account's access tokens, which the app gets with the client credentials grant.
 */
@SpringBootTest(properties = "server.port=0")
@AutoConfigureMockMvc
class ResourceServerApplicationTest {

    static final StubKeycloak REALM;
    static final ECKey KEY;

    static {
        try {
            REALM = new StubKeycloak();
            KEY = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
        REALM.answer("/protocol/openid-connect/certs", new JWKSet(KEY.toPublicJWK()).toString());
        REALM.answer("/branchkey/catalog", """
                {"version": 2, "permissions": [{"index": 0, "key": "users.view"}, {"index": 1, "key": "orders.export"}]}""");
        REALM.answer("/branchkey/hierarchy/nodes/gw", """
                {"id": "gw", "handle": 2, "kind": "ACCOUNT", "path": [1, 2]}""");
        REALM.answer("/branchkey/hierarchy/nodes/gw-den-001", """
                {"id": "gw-den-001", "handle": 12, "kind": "LOCATION", "path": [1, 2, 5, 12]}""");
        REALM.answer("/branchkey/hierarchy/nodes/gw-den-002", """
                {"id": "gw-den-002", "handle": 13, "kind": "LOCATION", "path": [1, 2, 5, 13]}""");
        REALM.answer("/branchkey/hierarchy/nodes/hv", """
                {"id": "hv", "handle": 3, "kind": "ACCOUNT", "path": [1, 3]}""");
    }

    @DynamicPropertySource
    static void realm(DynamicPropertyRegistry registry) {
        registry.add("branchkey.issuer", REALM::issuer);
        registry.add("branchkey.client-id", () -> StubKeycloak.CLIENT_ID);
        registry.add("branchkey.client-secret", () -> StubKeycloak.CLIENT_SECRET);
    }

    @AfterAll
    static void stopRealm() {
        REALM.close();
    }

    @Autowired
    MockMvc mvc;

    /** users.view (0) at the account GW (handle 2), plus orders.export (1) at location GW-DEN-001 (handle 12). */
    static String managerToken(Instant issuedAt, String issuer) throws Exception {
        return managerToken(issuedAt, issuer, 2);
    }

    static String managerToken(Instant issuedAt, String issuer, int catalogVersion) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject("u-1").claim("azp", "register-app").claim("typ", "Bearer")
                .claim("preferred_username", "gw-den-manager")
                .claim("bk_perms", Map.of("v", 1, "cat", catalogVersion, "sets", List.of("AQ", "Aw"),
                        "at", List.of(List.of(2), List.of(12))))
                .claim("bk_roles", List.of("KlickTrack Manager"))
                .claim("bk_tenancy", Map.of("home", "gw", "scope", Map.of("type", "all"), "partner", false))
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                .keyID(KEY.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(KEY));
        return jwt.serialize();
    }

    private static String bearer() throws Exception {
        return "Bearer " + managerToken(Instant.now(), REALM.issuer());
    }

    @Test
    void theLocationEndpointNeedsOrdersExportThere() throws Exception {
        mvc.perform(get("/locations/gw-den-001/orders/export").header("Authorization", bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locationId").value("gw-den-001"))
                .andExpect(jsonPath("$.exportedBy").value("gw-den-manager"));
        mvc.perform(get("/locations/gw-den-002/orders/export").header("Authorization", bearer()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/locations/no-such-node/orders/export").header("Authorization", bearer()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAccountEndpointNeedsUsersViewAtTheAccount() throws Exception {
        mvc.perform(get("/accounts/gw/users").header("Authorization", bearer())).andExpect(status().isOk());
        mvc.perform(get("/accounts/hv/users").header("Authorization", bearer())).andExpect(status().isForbidden());
    }

    @Test
    void badTokensAreUnauthorized() throws Exception {
        mvc.perform(get("/locations/gw-den-001/orders/export")).andExpect(status().isUnauthorized());
        mvc.perform(get("/locations/gw-den-001/orders/export")
                .header("Authorization", "Bearer " + managerToken(Instant.now().minusSeconds(3600), REALM.issuer())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/locations/gw-den-001/orders/export")
                .header("Authorization", "Bearer " + managerToken(Instant.now(), "http://elsewhere/realms/demo")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenNewerThanTheCatalogIsServiceUnavailableNotAnAnswer() throws Exception {
        mvc.perform(get("/locations/gw-den-001/orders/export")
                .header("Authorization", "Bearer " + managerToken(Instant.now(), REALM.issuer(), 3)))
                .andExpect(status().isServiceUnavailable());
    }

    @Test
    void anUnreachableHierarchyIsServiceUnavailable() throws Exception {
        REALM.answer("/branchkey/hierarchy/nodes/gw-sea-down", "not json");
        mvc.perform(get("/locations/gw-sea-down/orders/export").header("Authorization", bearer()))
                .andExpect(status().isServiceUnavailable());
    }

    @Test
    void theHierarchyIsReadWithTheServiceAccountsToken() throws Exception {
        REALM.answer("/branchkey/hierarchy/nodes/gw-east", """
                {"id": "gw-east", "handle": 17, "kind": "ACCOUNT", "path": [1, 2, 17]}""");
        int refused = REALM.refusedHierarchyRequests();
        // users.view at GW reaches an account below it: the allow needs its path from the hierarchy endpoint
        mvc.perform(get("/accounts/gw-east/users").header("Authorization", bearer())).andExpect(status().isOk());
        assertThat(REALM.issuedTokens()).isPositive();
        assertThat(REALM.refusedHierarchyRequests()).isEqualTo(refused);
    }

    @Test
    void aRevokedServiceAccountTokenIsReplaced() throws Exception {
        REALM.answer("/branchkey/hierarchy/nodes/gw-den-003", """
                {"id": "gw-den-003", "handle": 14, "kind": "LOCATION", "path": [1, 2, 5, 14]}""");
        REALM.revokeTokens();
        int issued = REALM.issuedTokens();
        int refused = REALM.refusedHierarchyRequests();
        // a decision (403: orders.export is at GW-DEN-001 only), not 503: the library fetched a new token and retried
        mvc.perform(get("/locations/gw-den-003/orders/export").header("Authorization", bearer()))
                .andExpect(status().isForbidden());
        assertThat(REALM.refusedHierarchyRequests()).isEqualTo(refused + 1);
        assertThat(REALM.issuedTokens()).isEqualTo(issued + 1);
    }

    @Test
    void aRefusedClientCredentialsGrantIsServiceUnavailable() throws Exception {
        REALM.answer("/branchkey/hierarchy/nodes/gw-den-004", """
                {"id": "gw-den-004", "handle": 15, "kind": "LOCATION", "path": [1, 2, 5, 15]}""");
        REALM.revokeTokens();
        REALM.refuseGrant(true);
        try {
            mvc.perform(get("/locations/gw-den-004/orders/export").header("Authorization", bearer()))
                    .andExpect(status().isServiceUnavailable());
        } finally {
            REALM.refuseGrant(false);
        }
        // The library remembers the refusal for a back-off (1 s at first) rather than asking the realm on every
        // request; once it has passed, the grant is asked for again and the request is judged.
        long deadline = System.nanoTime() + 10_000_000_000L;
        int answer;
        do {
            Thread.sleep(100);
            answer = mvc.perform(get("/locations/gw-den-004/orders/export").header("Authorization", bearer()))
                    .andReturn().getResponse().getStatus();
        } while (answer == 503 && System.nanoTime() < deadline);
        assertThat(answer).as("after the back-off").isEqualTo(403);
    }

    @Test
    void meShowsWhatTheTokenSays() throws Exception {
        mvc.perform(get("/me").header("Authorization", bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("KlickTrack Manager"))
                .andExpect(jsonPath("$.homeAccountId").value("gw"))
                .andExpect(jsonPath("$.scope.type").value("all"));
        mvc.perform(get("/healthz")).andExpect(status().isOk());
    }
}
