package io.branchkey.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.DemoRealm;
import io.branchkey.it.support.ExampleResourceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The example Spring resource server (examples/resource-server), started as its own process against the demo
 * realm of the test server, answers @PreAuthorize(hasPermission(...)) from real tokens.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class ExampleResourceServerIT {

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static ExampleResourceServer app;
    DemoClaims demo;

    @BeforeEach
    void start() {
        demo = new DemoClaims(keycloak, urls);
        if (app == null) {
            app = ExampleResourceServer.start(urls.getBase() + "/realms/" + DemoRealm.NAME,
                    "register-app,backoffice-app,relayorder-integration", DemoClaims.RESOURCE_SERVER,
                    DemoClaims.RESOURCE_SERVER_SECRET);
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    @Test
    void locationAndAccountChecksFollowTheTokensPermissions() {
        String seattle = demo.node("HV-SEA-001");
        String hv = demo.login("hv-manager", "branchkey_scope", "location:HV-SEA-001").accessToken();
        assertThat(app.get("/locations/" + seattle + "/orders/export", hv).status()).as(app.log()).isEqualTo(200);
        // the same user's token scoped to Seattle says nothing about Portland
        assertThat(app.get("/locations/" + demo.node("HV-PDX-002") + "/orders/export", hv).status()).isEqualTo(403);

        String denver = demo.login("gw-den-manager").accessToken();
        assertThat(app.get("/locations/" + seattle + "/orders/export", denver).status()).isEqualTo(403);

        String gw = demo.login("gw-manager").accessToken();
        assertThat(app.get("/accounts/" + demo.node("GW") + "/users", gw).status()).isEqualTo(200);
        assertThat(app.get("/accounts/" + demo.node("HV") + "/users", gw).status()).isEqualTo(403);

        String integration = demo.tokens.clientCredentials(DemoClaims.INTEGRATION, DemoClaims.INTEGRATION_SECRET)
                .expectOk().accessToken();
        assertThat(app.get("/locations/" + seattle + "/orders/export", integration).status()).isEqualTo(200);
    }

    @Test
    void tokensItCannotTrustAreRefused() {
        assertThat(app.get("/me", null).status()).isEqualTo(401);
        String token = demo.login("hv-manager").accessToken();
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        assertThat(app.get("/me", tampered).status()).isEqualTo(401);
        assertThat(app.get("/me", token).status()).isEqualTo(200);
    }
}
