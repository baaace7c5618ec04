package io.branchkey.it.access;

import static io.branchkey.it.support.ApiAssertions.conflict;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.AccessApi;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.DemoRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The demo realm and seed that ./run.sh imports, loaded into the test server the same way (realm JSON, then the
 * seed document through the admin API): its tree, its people and what they may do where. Also the seed
 * endpoint's all-or-nothing behaviour.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class DemoRealmIT {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectRealm(config = SeedTargetRealm.class)
    ManagedRealm target;

    BranchkeyApi api;
    AccessApi access;

    @BeforeEach
    void demo() {
        api = DemoRealm.ensure(admin, urls);
        access = new AccessApi(api);
    }

    private String user(String username) {
        return admin.realm(DemoRealm.NAME).users().searchByUsername(username, true).get(0).getId();
    }

    private List<String> effective(String username, String code) {
        return access.effective(user(username), DemoRealm.node(api, code));
    }

    @Test
    void theTreeHasAPartnerWithTwoManagedAccountsRegionsAndSevenLocations() {
        JsonNode partner = api.get("nodes/by-code/RELAYORDER").expect(200).json();
        assertThat(partner.get("kind").asText()).isEqualTo("PARTNER");
        assertThat(api.get("nodes/" + partner.get("id").asText() + "/children").expect(200).elements())
                .extracting(n -> n.get("code").asText()).containsExactlyInAnyOrder("GW", "HV");
        assertThat(api.get("nodes/" + partner.get("id").asText() + "/subtree?kind=LOCATION").expect(200).elements())
                .hasSize(7);
        JsonNode suspended = api.get("nodes/by-code/GW-BRK-004").expect(200).json();
        assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
        JsonNode denver = api.get("nodes/by-code/GW-DEN-001").expect(200).json();
        assertThat(denver.get("timezone").asText()).isEqualTo("America/Denver");
        assertThat(denver.get("externalIds").get("posId").asText()).isNotBlank();
    }

    @Test
    void theDemoPeopleHoldWhatTheirRolesSay() {
        assertThat(effective("gw-den-cashier1", "GW-DEN-001")).contains("register.access", "register.finalize-sale")
                .doesNotContain("devices.register", "overrides.approve");
        assertThat(effective("gw-den-cashier1", "GW-DEN-002")).as("a cashier of Downtown Denver only").isEmpty();
        assertThat(effective("gw-den-cashier2", "GW-DEN-002")).contains("register.access", "register.return");
        assertThat(effective("gw-den-manager", "GW-DEN-001")).contains("devices.register", "overrides.approve",
                "register.access").doesNotContain("users.invite");
        assertThat(effective("gw-manager", "GW-DEN-002")).contains("users.invite", "users.update-roles", "inventory.manage");
        assertThat(effective("gw-manager", "HV-SEA-001")).as("Greenwood's manager sees nothing of Harbor & Vine").isEmpty();
        assertThat(effective("hv-manager", "HV-SEA-001")).contains("menus.publish", "orders.export");
        assertThat(effective("hv-manager", "GW-DEN-001")).isEmpty();
        assertThat(effective("partner-admin", "GW-DEN-001")).contains("menus.publish", "accounts.create");
        assertThat(api.get("users/" + user("gw-den-cashier2") + "/tenancy").expect(200).json().get("memberOf"))
                .extracting(n -> n.get("code").asText()).containsExactlyInAnyOrder("GW", "GW-DEN-001", "GW-DEN-002");
    }

    @Test
    void theRegisterAppSignsInThroughThePinPadFlowAndOtherClientsKeepTheUsualLogin() throws Exception {
        var realm = admin.realm(DemoRealm.NAME);
        assertThat(realm.toRepresentation().getBrowserFlow()).isEqualTo("branchkey browser");
        var register = realm.clients().findByClientId("register-app").get(0);
        String flowId = register.getAuthenticationFlowBindingOverrides().get("browser");
        var flow = realm.flows().getFlow(flowId);
        assertThat(flow.getAlias()).isEqualTo("branchkey register browser");
        assertThat(realm.flows().getExecutions(flow.getAlias()))
                .extracting(e -> e.getProviderId() + " " + e.getRequirement())
                .containsExactly("branchkey-register-device REQUIRED", "branchkey-pin-pad REQUIRED");
        assertThat(register.getAttributes()).containsEntry("branchkey.device-grants", "true");
        assertThat(register.getProtocolMappers()).extracting(m -> m.getProtocolMapper()).contains("branchkey-acr-mapper");

        // a browser without a device's proof gets no login page at the register app, and the usual one elsewhere
        HttpClient http = HttpClient.newHttpClient();
        String auth = urls.getBase() + "/realms/" + DemoRealm.NAME + "/protocol/openid-connect/auth?response_type=code"
                + "&redirect_uri=" + BranchkeyApi.encode("http://localhost:3000/") + "&code_challenge_method=S256"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&client_id=";
        var registerPage = http.send(HttpRequest.newBuilder(URI.create(auth + "register-app")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registerPage.statusCode()).isEqualTo(401);
        assertThat(registerPage.body()).contains("This device is not registered").doesNotContain("name=\"password\"");
        var backofficePage = http.send(HttpRequest.newBuilder(URI.create(auth + "backoffice-app")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(backofficePage.statusCode()).isEqualTo(200);
        assertThat(backofficePage.body()).contains("name=\"password\"");
    }

    /** docs/pin.md, register sessions: a PIN pad's session never satisfies any other browser client. */
    @Test
    void everyBrowserClientButTheRegisterAsksForThePasswordsLevel() {
        var realm = admin.realm(DemoRealm.NAME);
        var rep = realm.toRepresentation();
        assertThat(rep.getAttributes()).containsEntry("acr.loa.map",
                "{\"urn:branchkey:acr:pin\":1,\"urn:branchkey:acr:device\":1,\"urn:branchkey:acr:password\":2}");
        var browserClients = realm.clients().findAll().stream()
                .filter(c -> Boolean.TRUE.equals(c.isStandardFlowEnabled()) && !Boolean.TRUE.equals(c.isBearerOnly()))
                .toList();
        assertThat(browserClients).extracting(c -> c.getClientId()).contains("account-console",
                "security-admin-console", "branchkey-admin-ui", "backoffice-app", "register-app");
        for (var client : browserClients) {
            String minimum = client.getAttributes().get("minimum.acr.value");
            if ("register-app".equals(client.getClientId())) {
                assertThat(minimum).isNull();
                assertThat(client.isFullScopeAllowed()).as("a register client has no full scope").isFalse();
            } else {
                assertThat(minimum).as(client.getClientId()).isEqualTo("urn:branchkey:acr:password");
            }
        }
        // the browser flow records level 2 after the password
        assertThat(realm.flows().getExecutions(rep.getBrowserFlow()))
                .extracting(e -> e.getProviderId() + " " + e.getRequirement())
                .contains("conditional-level-of-authentication REQUIRED", "auth-username-password-form REQUIRED");
    }

    @Test
    void aRealmIsSeededOnceAndABrokenSeedWritesNothing() {
        BranchkeyApi targetApi = BranchkeyApi.asAdmin(urls, admin, target.getName());
        String broken = """
                {"nodes":[{"kind":"ACCOUNT","name":"Seeded","code":"SEEDED","children":[
                   {"kind":"LOCATION","name":"Seeded Store","code":"SEEDED-1"}]}],
                 "members":{"SEEDED-1":["seed-clerk"]},
                 "access":{"templates":["klicktrack"],
                           "grants":[{"username":"seed-clerk","node":"SEEDED-1","roleGroup":"No Such Group"}]}}
                """;
        notFound(targetApi.post("seed", broken), "roleGroup");
        assertThat(targetApi.get("nodes").expect(200).elements()).as("the tree was rolled back").isEmpty();
        assertThat(targetApi.get("role-groups").expect(200).elements()).as("templates too").isEmpty();

        String good = broken.replace("No Such Group", "KlickTrack Cashier");
        assertThat(targetApi.post("seed", good).expect(200).json().get("nodes").asInt()).isEqualTo(2);
        String clerk = target.admin().users().searchByUsername("seed-clerk", true).get(0).getId();
        assertThat(new AccessApi(targetApi).effective(clerk, DemoRealm.node(targetApi, "SEEDED-1")))
                .contains("register.access");
        conflict(targetApi.post("seed", good));
        assertThat(targetApi.post("seed", "{\"realm\":\"elsewhere\"}").status()).isEqualTo(400);
        assertThat(targetApi.post("seed", "{\"nodes\":[{\"kind\":\"STORE\"}]}").status()).isEqualTo(400);
    }

    public static class SeedTargetRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-seed-target").users(UserBuilder.create().username("seed-clerk").enabled(true));
        }
    }
}
