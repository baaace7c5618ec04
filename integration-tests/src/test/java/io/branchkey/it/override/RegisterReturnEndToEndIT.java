package io.branchkey.it.override;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.ExampleResourceServer;
import io.branchkey.it.support.RegisterShop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The whole story at a register: a budtender logs in with their PIN, starts a return, a shift lead approves it
 * with their PIN at the same register, and the example resource server (its own process, using the library)
 * accepts the approval once and rejects it the second time.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class RegisterReturnEndToEndIT {

    @InjectRealm(config = EndToEndRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static ExampleResourceServer app;
    RegisterShop shop;

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    @Test
    void aReturnIsApprovedByAShiftLeadAndTheApprovalWorksOnce() {
        shop = RegisterShop.of(null, realm, keycloak, urls);
        shop.admin.put("nodes/" + shop.account + "/override-rules/return", Map.of("required", true)).expect(200);
        RegisterShop.Person budtender = shop.person("Bea", "Budtender", "KlickTrack Budtender");
        app = ExampleResourceServer.start(shop.issuer, RegisterShop.REGISTER_CLIENT,
                RegisterShop.RESOURCE_SERVER_CLIENT, RegisterShop.RESOURCE_SERVER_SECRET);

        // 1. the budtender logs in at the register with tile and PIN
        String token = shop.pinLogin(shop.register, budtender.id(), budtender.pin()).expectOk().accessToken();
        String sale = "sha256:5f1d7a9c0b3e4d2f";
        Map<String, Object> body = Map.of("amount", 2599, "transactionHash", sale);

        // 2. without an approval the return is refused
        assertThat(post(token, null, body).status()).as(app.log()).isEqualTo(403);

        // 3. the shift lead enters their PIN at the same register
        ApiResponse approval = BranchkeyApi.publicApi(urls, realm.getName()).withBearer(token).postWithHeaders(
                "overrides/approvals", Map.of("action", "return",
                        "context", Map.of("amount", 2599, "currency", "USD", "transactionHash", sale),
                        "approver", Map.of("userId", shop.shiftLead.id(), "pin", shop.shiftLead.pin())),
                Map.of("Branchkey-Device-Assertion", shop.register.assertion(shop.issuer))).expect(201);
        String approved = approval.json().get("approval").asText();

        // 4. the resource server accepts it once, and only once
        ApiResponse created = post(token, approved, body);
        assertThat(created.status()).as(created.describe() + "\n" + app.log()).isEqualTo(201);
        assertThat(created.json().get("approvedBy").asText()).isEqualTo(shop.shiftLead.id());
        assertThat(post(token, approved, body).status()).isEqualTo(409);
        // and not for another sale
        ApiResponse other = BranchkeyApi.publicApi(urls, realm.getName()).withBearer(token).postWithHeaders(
                "overrides/approvals", Map.of("action", "return",
                        "context", Map.of("amount", 100, "transactionHash", "sha256:aaaaaaaaaaaaaaaa"),
                        "approver", Map.of("userId", shop.shiftLead.id(), "pin", shop.shiftLead.pin())),
                Map.of("Branchkey-Device-Assertion", shop.register.assertion(shop.issuer))).expect(201);
        assertThat(post(token, other.json().get("approval").asText(), body).status()).isEqualTo(403);
    }

    private ApiResponse post(String token, String approval, Map<String, Object> body) {
        return app.post("/locations/" + shop.store + "/returns", token, approval, body);
    }

    public static class EndToEndRealm extends RegisterShop.Realm {
        @Override
        protected String name() {
            return "bk-register-return";
        }
    }
}
