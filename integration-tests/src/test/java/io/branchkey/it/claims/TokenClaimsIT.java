package io.branchkey.it.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.it.support.AccessApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.DemoRealm;
import io.branchkey.it.support.OidcTokens;
import io.branchkey.it.support.Tree;
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

    @Test
    void aRefreshAfterAGrantOrHomeAccountChangeCarriesTheChangeThoughClaimsAreCached() {
        String cashier = keycloak.realm(DemoRealm.NAME).users().searchByUsername("gw-den-cashier1", true).get(0).getId();
        String store = demo.node("GW-DEN-001");
        OidcTokens.TokenResponse first = demo.login("gw-den-cashier1", "branchkey_scope", "location:GW-DEN-001");
        OidcTokens.TokenResponse cached = demo.tokens.refresh(DemoClaims.REGISTER, first.refreshToken()).expectOk();
        assertThat(demo.tokenAllows(cached.claims(), "register.return", store)).isFalse();
        assertThat(cached.claims().get("bk_tenancy").get("home").asText()).isEqualTo(demo.node("GW"));

        AccessApi access = new AccessApi(demo.admin);
        String group = access.roleGroup(demo.node("GW"), "Returns " + Tree.uniqueCode("rg"), "register.return");
        String grant = access.grant(cashier, store, group);
        try {
            OidcTokens.TokenResponse granted = demo.tokens.refresh(DemoClaims.REGISTER, cached.refreshToken()).expectOk();
            assertThat(demo.tokenAllows(granted.claims(), "register.return", store)).as("new grant").isTrue();

            demo.admin.put("users/" + cashier + "/home-account", Map.of("nodeId", demo.node("HV"))).expect(200);
            OidcTokens.TokenResponse moved = demo.tokens.refresh(DemoClaims.REGISTER, granted.refreshToken()).expectOk();
            assertThat(moved.claims().get("bk_tenancy").get("home").asText()).as("new home").isEqualTo(demo.node("HV"));

            demo.admin.delete("nodes/" + demo.node("HV") + "/users/" + cashier).expect(204);
            OidcTokens.TokenResponse left = demo.tokens.refresh(DemoClaims.REGISTER, moved.refreshToken()).expectOk();
            assertThat(left.claims().get("bk_tenancy").has("home")).as("left the home account").isFalse();

            demo.admin.put("users/" + cashier + "/home-account", Map.of("nodeId", demo.node("GW"))).expect(200);
            OidcTokens.TokenResponse back = demo.tokens.refresh(DemoClaims.REGISTER, left.refreshToken()).expectOk();
            assertThat(back.claims().get("bk_tenancy").get("home").asText()).isEqualTo(demo.node("GW"));
            demo.admin.delete("users/" + cashier + "/home-account").expect(204);
            OidcTokens.TokenResponse homeless = demo.tokens.refresh(DemoClaims.REGISTER, back.refreshToken()).expectOk();
            assertThat(homeless.claims().get("bk_tenancy").has("home")).as("home cleared").isFalse();

            access.revoke(grant);
            grant = null;
            OidcTokens.TokenResponse revoked = demo.tokens.refresh(DemoClaims.REGISTER, homeless.refreshToken()).expectOk();
            assertThat(demo.tokenAllows(revoked.claims(), "register.return", store)).as("revoked").isFalse();
        } finally {
            if (grant != null) {
                access.revoke(grant);
            }
            demo.admin.delete("role-groups/" + group).expect(204);
            demo.admin.put("users/" + cashier + "/home-account", Map.of("nodeId", demo.node("GW"))).expect(200);
            demo.admin.delete("nodes/" + demo.node("HV") + "/users/" + cashier); // a member there only if a step failed
        }
    }
}
