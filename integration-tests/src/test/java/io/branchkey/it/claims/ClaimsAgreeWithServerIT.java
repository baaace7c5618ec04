package io.branchkey.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.claims.BranchkeyAccess;
import io.branchkey.claims.BranchkeyResourceServer;
import io.branchkey.it.support.AccessApi;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.DemoRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Every (demo user, node, permission) of the demo realm: what the resource-server library answers from a real
 * token (verified against the realm's JWKS, decoded with the public catalog and the hierarchy, read as the demo's
 * example-resource-server service account) equals what the check endpoint says for that token, and for tokens of
 * scope all equals the effective permissions the admin API reports. Location-scoped tokens allow nothing elsewhere.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class ClaimsAgreeWithServerIT {

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    DemoClaims demo;
    List<String> nodes;
    BranchkeyResourceServer library;

    @BeforeEach
    void demo() {
        demo = new DemoClaims(keycloak, urls);
        library = BranchkeyResourceServer.builder(urls.getBase() + "/realms/" + DemoRealm.NAME)
                .authorizedParty(DemoClaims.REGISTER)
                .clientCredentials(DemoClaims.RESOURCE_SERVER, DemoClaims.RESOURCE_SERVER_SECRET).build();
        nodes = new ArrayList<>();
        demo.hierarchyApi.get("hierarchy").expect(200).json().get("nodes").forEach(n -> nodes.add(n.get(3).asText()));
    }

    private record Case(String user, String node, String permission) {
    }

    @Test
    void tokensOfScopeAllSayExactlyWhatTheServerSays() {
        List<String> disagreements = new ArrayList<>();
        for (String username : DemoClaims.PEOPLE) {
            String token = demo.login(username).accessToken();
            compare(username, token, null, disagreements);
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void locationTokensSayWhatTheServerSaysAtTheirLocationAndNothingElsewhere() {
        List<String> disagreements = new ArrayList<>();
        Map<String, String> locationOf = Map.of("gw-den-manager", "GW-DEN-001", "gw-den-cashier1", "GW-DEN-001",
                "gw-den-cashier2", "GW-DEN-002", "hv-manager", "HV-PDX-002", "partner-admin", "HV-CHI-003");
        for (Map.Entry<String, String> person : locationOf.entrySet()) {
            String token = demo.login(person.getKey(), "branchkey_scope", "location:" + person.getValue()).accessToken();
            compare(person.getKey(), token, demo.node(person.getValue()), disagreements);
        }
        assertThat(disagreements).isEmpty();
    }

    /** Compares claims, check endpoint and (restricted to the scope's node) the admin API's effective permissions. */
    private void compare(String username, String token, String scopeNode, List<String> disagreements) {
        BranchkeyAccess byLibrary = library.access(token);
        String userId = keycloak.realm(DemoRealm.NAME).users().searchByUsername(username, true).get(0).getId();
        AccessApi access = new AccessApi(demo.admin);
        List<Case> cases = new ArrayList<>();
        for (String node : nodes) {
            for (String permission : demo.permissionKeys()) {
                cases.add(new Case(username, node, permission));
            }
        }
        BranchkeyApi checker = demo.publicApi.withBearer(token);
        for (int from = 0; from < cases.size(); from += 100) {
            List<Case> batch = cases.subList(from, Math.min(cases.size(), from + 100));
            List<Map<String, String>> checks = batch.stream()
                    .map(c -> Map.of("permission", c.permission(), "node", c.node())).toList();
            JsonNode results = checker.post("check", Map.of("checks", checks)).expect(200).json().get("results");
            for (int i = 0; i < batch.size(); i++) {
                Case c = batch.get(i);
                boolean byClaims = byLibrary.hasPermission(c.permission(), c.node());
                boolean byCheck = results.get(i).get("allowed").asBoolean();
                if (byClaims != byCheck) {
                    disagreements.add(c + ": library " + byClaims + ", check endpoint " + byCheck);
                }
            }
        }
        for (String node : nodes) {
            Set<String> effective = scopeNode == null || scopeNode.equals(node)
                    ? new HashSet<>(access.effective(userId, node)) : Set.of();
            for (String permission : demo.permissionKeys()) {
                boolean byClaims = byLibrary.hasPermission(permission, node);
                if (byClaims != effective.contains(permission)) {
                    disagreements.add(new Case(username, node, permission) + ": library " + byClaims
                            + ", admin API " + effective.contains(permission));
                }
            }
        }
    }
}
