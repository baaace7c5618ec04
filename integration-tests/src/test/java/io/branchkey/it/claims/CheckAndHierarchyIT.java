package io.branchkey.it.claims;

import static io.branchkey.it.support.ApiAssertions.assertError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.DemoRealm;
import io.branchkey.it.support.OidcTokens;
import io.branchkey.it.support.Tree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/** The check endpoint and the hierarchy, on the demo realm. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class CheckAndHierarchyIT {

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectRealm(config = OtherRealm.class)
    ManagedRealm otherRealm;

    DemoClaims demo;

    @BeforeEach
    void demo() {
        demo = new DemoClaims(keycloak, urls);
    }

    private BranchkeyApi checker(String accessToken) {
        return BranchkeyApi.publicApi(urls, DemoRealm.NAME).withBearer(accessToken);
    }

    private static Map<String, Object> checks(Map<?, ?>... checks) {
        return Map.of("checks", List.of(checks));
    }

    @Test
    void aCallerChecksTheirOwnTokenWithinItsScope() {
        String token = demo.login("gw-den-cashier2", "branchkey_scope", "location:GW-DEN-002").accessToken();
        JsonNode answer = checker(token).post("check", checks(
                Map.of("permission", "register.return", "node", demo.node("GW-DEN-002")),
                Map.of("permission", "register.access", "node", demo.node("GW-DEN-001")),
                Map.of("permission", "no.such-permission", "node", demo.node("GW-DEN-002")),
                Map.of("permission", "register.return", "node", Tree.randomId()))).expect(200).json();
        assertThat(answer.get("subject").asText()).isEqualTo(
                keycloak.realm(DemoRealm.NAME).users().searchByUsername("gw-den-cashier2", true).get(0).getId());
        assertThat(answer.get("results")).extracting(r -> r.get("allowed").asBoolean())
                .as("outside the token's location scope GW-DEN-001 is denied, though the user works there")
                .containsExactly(true, false, false, false);

        String allScope = demo.login("gw-den-cashier2").accessToken();
        assertThat(checker(allScope).get("check?permission=register.access&node=" + demo.node("GW-DEN-001"))
                .expect(200).json().get("allowed").asBoolean()).isTrue();
    }

    /** A signature with characters appended is not the signature: some decoders would ignore the rest. */
    @Test
    void aTokenWithATamperedSignatureIsUnauthorized() {
        String token = demo.login("gw-den-cashier1", "branchkey_scope", "location:GW-DEN-001").accessToken();
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]))).contains("ES256");
        String query = "check?permission=register.access&node=" + demo.node("GW-DEN-001");
        checker(token).get(query).expect(200);
        for (String tampered : List.of(token + "A", token + "AA", token + "AAAA", token + "=")) {
            assertThat(checker(tampered).get(query).status()).as("%s…", tampered.substring(tampered.length() - 6)).isEqualTo(401);
        }
    }

    /** Only access tokens (typ Bearer): an ID token of the same login, signed by the same realm, is refused. */
    @Test
    void anIdTokenOrARefreshTokenIsNoAccessToken() {
        OidcTokens.TokenResponse login = demo.login("gw-den-cashier1", "scope", "openid", "branchkey_scope", "location:GW-DEN-001");
        String query = "check?permission=register.access&node=" + demo.node("GW-DEN-001");
        checker(login.accessToken()).get(query).expect(200);
        String idToken = login.body().get("id_token").asText();
        for (String notAnAccessToken : List.of(idToken, login.refreshToken())) {
            assertThat(checker(notAnAccessToken).get(query).status()).isEqualTo(401);
            assertThat(BranchkeyApi.delegated(urls, DemoRealm.NAME, notAnAccessToken).get("me/scopes").status())
                    .isEqualTo(401);
        }
    }

    @Test
    void onlyACallerWithTheCheckerRoleChecksForOthers() {
        String cashier1 = keycloak.realm(DemoRealm.NAME).users().searchByUsername("gw-den-cashier1", true).get(0).getId();
        Map<String, Object> forCashier = Map.of("userId", cashier1, "checks",
                List.of(Map.of("permission", "register.access", "node", demo.node("GW-DEN-001"))));

        String integration = demo.tokens.clientCredentials(DemoClaims.INTEGRATION, DemoClaims.INTEGRATION_SECRET)
                .expectOk().accessToken();
        JsonNode answer = checker(integration).post("check", forCashier).expect(200).json();
        assertThat(answer.get("subject").asText()).isEqualTo(cashier1);
        assertThat(answer.get("results").get(0).get("allowed").asBoolean()).isTrue();

        String manager = demo.login("gw-manager").accessToken();
        assertError(checker(manager).post("check", forCashier), 403, "forbidden");
    }

    @Test
    void checksNeedAValidTokenAndWellFormedInput() {
        ApiResponse anonymous = checker(null).post("check", checks(Map.of("permission", "x.y", "node", "n")));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(checker("not-a-token").get("check?permission=x.y&node=n").status()).isEqualTo(401);

        BranchkeyApi api = checker(demo.login("gw-den-cashier1").accessToken());
        invalid(api.post("check", Map.of("checks", List.of())), "checks");
        invalid(api.post("check", "{\"checks\":[null]}"), "checks.0");
        invalid(api.post("check", checks(Map.of("permission", "", "node", "n"))), "checks.0.permission");
        invalid(api.post("check", checks(Map.of("permission", "a.b"))), "checks.0.node");
        invalid(api.post("check", "{\"checks\":\"all\"}"), "checks");
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(Map.of("permission", "a.b", "node", "n"));
        }
        invalid(api.post("check", Map.of("checks", many)), "checks");
    }

    @Test
    void thePublishedHierarchyGivesEveryNodesPathWithoutNamesAndIsCacheable() {
        BranchkeyApi open = demo.hierarchyApi;
        JsonNode store = open.get("hierarchy/nodes/" + demo.node("GW-DEN-001")).expect(200).json();
        assertThat(store.get("kind").asText()).isEqualTo("LOCATION");
        assertThat(store.get("path")).extracting(JsonNode::asLong).containsExactly(demo.handle("RELAYORDER"),
                demo.handle("GW"), demo.handle("GW-CO"), demo.handle("GW-CO-FR"), demo.handle("GW-DEN-001"));
        assertThat(store.toString()).doesNotContain("Denver").doesNotContain("GW-DEN");
        assertThat(open.get("hierarchy/nodes/" + Tree.randomId()).status()).isEqualTo(404);

        ApiResponse document = open.get("hierarchy").expect(200);
        String etag = document.header("ETag").orElseThrow();
        assertThat(document.json().get("nodes")).as("1 partner, 2 accounts, 4 regions, 7 locations").hasSize(14);
        assertThat(document.body()).doesNotContain("Greenwood");
        assertThat(open.getWithHeader("hierarchy", "If-None-Match", etag).status()).isEqualTo(304);
    }

    /**
     * The hierarchy shows every tenant's tree: only a resource server reads it, with an access token of a service
     * account of this realm (client credentials grant; the client needs no roles). Both the document and the node
     * lookups, and the answers may be kept by that caller only.
     */
    @Test
    void theHierarchyAnswersOnlyAServiceAccountOfTheRealm() {
        String node = "hierarchy/nodes/" + demo.node("GW-DEN-001");
        BranchkeyApi api = demo.publicApi;
        String person = demo.login("gw-manager").accessToken();
        String otherRealmsServiceAccount = new OidcTokens(urls, otherRealm.getName())
                .clientCredentials(DemoClaims.RESOURCE_SERVER, DemoClaims.RESOURCE_SERVER_SECRET).expectOk().accessToken();
        String serverAdmin = keycloak.tokenManager().getAccessTokenString();
        String serviceAccount = demo.tokens.clientCredentials(DemoClaims.RESOURCE_SERVER, DemoClaims.RESOURCE_SERVER_SECRET)
                .expectOk().accessToken();

        for (String path : List.of("hierarchy", node)) {
            ApiResponse anonymous = api.get(path);
            assertError(anonymous, 401, "unauthorized");
            assertThat(anonymous.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
            assertThat(anonymous.body()).doesNotContain("\"nodes\"").doesNotContain("\"path\"");
            assertError(api.withBearer("not-a-token").get(path), 401, "unauthorized");
            assertError(api.withBearer(person).get(path), 403, "forbidden");
            assertError(api.withBearer(otherRealmsServiceAccount).get(path), 401, "unauthorized");
            assertError(api.withBearer(serverAdmin).get(path), 401, "unauthorized");
        }

        ApiResponse document = api.withBearer(serviceAccount).get("hierarchy").expect(200);
        assertThat(document.json().get("nodes")).as("1 partner, 2 accounts, 4 regions, 7 locations").hasSize(14);
        assertThat(document.header("Cache-Control").orElse("")).contains("private").contains("no-cache");
        ApiResponse store = api.withBearer(serviceAccount).get(node).expect(200);
        assertThat(store.json().get("path")).extracting(JsonNode::asLong).endsWith(demo.handle("GW-DEN-001"));
        assertThat(store.header("Cache-Control").orElse("")).contains("private").contains("max-age");
        // a 304 also needs the token
        String etag = document.header("ETag").orElseThrow();
        assertThat(api.withBearer(serviceAccount).getWithHeader("hierarchy", "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(api.getWithHeader("hierarchy", "If-None-Match", etag).status()).isEqualTo(401);
        assertThat(api.withBearer(person).getWithHeader("hierarchy", "If-None-Match", etag).status()).isEqualTo(403);
    }

    /** Another realm with a client of the same id and secret as the demo's resource server. */
    public static class OtherRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            ClientRepresentation client = ClientBuilder.create().clientId(DemoClaims.RESOURCE_SERVER)
                    .secret(DemoClaims.RESOURCE_SERVER_SECRET).serviceAccountsEnabled().fullScopeEnabled(false).build();
            client.setPublicClient(false);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            return realm.name("bk-hierarchy-other").clients(client);
        }
    }
}
