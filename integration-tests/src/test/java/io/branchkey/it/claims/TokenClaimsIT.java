package io.branchkey.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.OidcTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Tokens of the demo realm's clients carry the claims of docs/claims.md for each active scope: the compact
 * permissions, the roles at the scope and the tenancy, and a client switches scope by refreshing.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class TokenClaimsIT {

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    DemoClaims demo;

    @BeforeEach
    void demo() {
        demo = new DemoClaims(keycloak, urls);
    }

    @Test
    void aRegisterTokenForOneLocationCarriesThatLocationOnlyAndStaysUnderOneKilobyte() {
        OidcTokens.TokenResponse response = demo.login("gw-den-cashier1", "branchkey_scope", "location:GW-DEN-001");
        JsonNode claims = response.claims();
        CompactPermissions permissions = DemoClaims.permissions(claims);

        assertThat(permissions.anchorHandles()).containsExactly(demo.handle("GW-DEN-001"));
        assertThat(demo.tokenAllows(claims, "register.access", demo.node("GW-DEN-001"))).isTrue();
        assertThat(demo.tokenAllows(claims, "register.finalize-sale", demo.node("GW-DEN-001"))).isTrue();
        assertThat(demo.tokenAllows(claims, "devices.register", demo.node("GW-DEN-001"))).isFalse();
        assertThat(demo.tokenAllows(claims, "register.access", demo.node("GW-DEN-002"))).as("another location").isFalse();
        assertThat(claims.get("bk_roles")).extracting(JsonNode::asText).containsExactly("KlickTrack Cashier");
        JsonNode tenancy = claims.get("bk_tenancy");
        assertThat(tenancy.get("scope").get("type").asText()).isEqualTo("location");
        assertThat(tenancy.get("scope").get("id").asText()).isEqualTo(demo.node("GW-DEN-001"));
        assertThat(tenancy.get("scope").get("handle").asLong()).isEqualTo(demo.handle("GW-DEN-001"));
        assertThat(tenancy.get("home").asText()).isEqualTo(demo.node("GW"));
        assertThat(tenancy.get("partner").asBoolean()).isFalse();
        assertThat(response.accessToken().getBytes(StandardCharsets.US_ASCII).length).as("whole access token")
                .isLessThanOrEqualTo(1024);
    }

    @Test
    void anAccountGrantIsWrittenOnceForTheAccountNotForItsLocations() {
        JsonNode claims = demo.login("gw-manager", "branchkey_scope", "account:GW").claims();
        CompactPermissions permissions = DemoClaims.permissions(claims);
        assertThat(permissions.anchorHandles()).containsExactly(demo.handle("GW"));
        for (String store : List.of("GW-DEN-001", "GW-DEN-002", "GW-BLD-003")) {
            assertThat(demo.tokenAllows(claims, "users.invite", demo.node(store))).as(store).isTrue();
        }
        assertThat(demo.tokenAllows(claims, "users.invite", demo.node("HV-SEA-001"))).isFalse();
        assertThat(claims.get("bk_roles")).extracting(JsonNode::asText)
                .containsExactly("KlickTrack Admin", "KlickTrack Regional Manager");
    }

    @Test
    void withoutAScopeATokenCoversEverythingTheGrantsReachWithExceptionsOnlyWhereTheyDiffer() {
        JsonNode partner = demo.login("partner-admin").claims();
        assertThat(DemoClaims.permissions(partner).anchorHandles()).containsExactly(demo.handle("RELAYORDER"));
        assertThat(partner.get("bk_tenancy").get("partner").asBoolean()).isTrue();
        assertThat(partner.get("bk_tenancy").get("scope").get("type").asText()).isEqualTo("all");
        assertThat(partner.has("bk_roles")).as("no roles claim for scope all").isFalse();

        // the store manager is granted at one store; the cashier at two stores with different groups
        JsonNode cashier2 = demo.login("gw-den-cashier2").claims();
        assertThat(DemoClaims.permissions(cashier2).anchorHandles())
                .containsExactlyInAnyOrder(demo.handle("GW-DEN-001"), demo.handle("GW-DEN-002"));
        assertThat(demo.tokenAllows(cashier2, "register.return", demo.node("GW-DEN-002"))).isTrue();
        assertThat(demo.tokenAllows(cashier2, "register.return", demo.node("GW-DEN-001"))).isFalse();
    }

    @Test
    void aClientSwitchesScopeByRefreshingAndLaterRefreshesKeepIt() {
        OidcTokens.TokenResponse first = demo.login("gw-den-cashier2", "branchkey_scope", "location:GW-DEN-001");
        assertThat(first.claims().get("bk_tenancy").get("scope").get("id").asText()).isEqualTo(demo.node("GW-DEN-001"));

        OidcTokens.TokenResponse switched = demo.tokens.refresh(DemoClaims.REGISTER, first.refreshToken(),
                "branchkey_scope", "location:" + demo.node("GW-DEN-002")).expectOk();
        assertThat(switched.claims().get("bk_tenancy").get("scope").get("id").asText()).isEqualTo(demo.node("GW-DEN-002"));
        assertThat(switched.claims().get("bk_roles")).extracting(JsonNode::asText).containsExactly("KlickTrack Budtender");

        OidcTokens.TokenResponse kept = demo.tokens.refresh(DemoClaims.REGISTER, switched.refreshToken()).expectOk();
        assertThat(kept.claims().get("bk_tenancy").get("scope").get("id").asText()).isEqualTo(demo.node("GW-DEN-002"));

        OidcTokens.TokenResponse all = demo.tokens.refresh(DemoClaims.REGISTER, kept.refreshToken(),
                "branchkey_scope", "all").expectOk();
        assertThat(all.claims().get("bk_tenancy").get("scope").get("type").asText()).isEqualTo("all");
    }

    @Test
    void aScopeTheUserCannotHaveIsRefusedAndIssuesNoToken() {
        String hv = demo.node("HV-SEA-001");
        for (String scope : List.of("location:GW-DEN-002", "location:" + hv, "location:GW", "account:GW-DEN-001",
                "location:no-such-node", "store:GW-DEN-001", "location:", "all:x", "x".repeat(400))) {
            OidcTokens.TokenResponse refused = demo.tokens.password(DemoClaims.REGISTER, "gw-den-cashier1", "demo",
                    "branchkey_scope", scope);
            assertThat(refused.status()).as(scope + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.body().get("error").asText()).isEqualTo("invalid_request");
            assertThat(refused.body().has("access_token")).isFalse();
        }
        // the same refusal on a refresh leaves the session's scope as it was
        OidcTokens.TokenResponse first = demo.login("gw-den-cashier1", "branchkey_scope", "location:GW-DEN-001");
        assertThat(demo.tokens.refresh(DemoClaims.REGISTER, first.refreshToken(), "branchkey_scope",
                "location:" + hv).status()).isEqualTo(400);
    }

    @Test
    void anIntegrationClientsTokenCarriesOnlyItsServiceAccountsGrants() {
        JsonNode claims = demo.tokens.clientCredentials(DemoClaims.INTEGRATION, DemoClaims.INTEGRATION_SECRET)
                .expectOk().claims();
        assertThat(DemoClaims.permissions(claims).anchorHandles()).containsExactly(demo.handle("HV"));
        assertThat(demo.tokenAllows(claims, "orders.export", demo.node("HV-SEA-001"))).isTrue();
        assertThat(demo.tokenAllows(claims, "menus.publish", demo.node("HV-SEA-001"))).isFalse();
        assertThat(demo.tokenAllows(claims, "orders.export", demo.node("GW-DEN-001"))).isFalse();
    }
}
