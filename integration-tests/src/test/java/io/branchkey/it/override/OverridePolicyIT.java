package io.branchkey.it.override;

import static io.branchkey.it.support.ApiAssertions.assertError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.AccessApi;
import io.branchkey.it.support.ManagementScope;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.TestDevice;
import io.branchkey.it.support.TestUsers;
import io.branchkey.it.support.Tree;
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
 * Override policies: rules set on nodes, inherited down the tree, the nearest one winning, managed by realm admins
 * and by managers holding overrides.manage-policy, and visible to the registers of a location.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class OverridePolicyIT {

    static final String PASSWORD = "Branchkey-Overrides-1";

    @InjectRealm(config = PolicyRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi admin;
    Tree tree;
    String account;
    String region;
    String store;
    String otherStore;

    @BeforeEach
    void tree() {
        ManagementScope.allow(realm);
        admin = BranchkeyApi.asAdmin(urls, keycloak, realm.getName());
        tree = new Tree(admin);
        account = tree.account(null, "Policy Account");
        region = tree.region(account, "Policy Region");
        store = tree.location(region, "Policy Store");
        otherStore = tree.location(region, "Policy Other Store");
    }

    private Map<String, JsonNode> policy(String node) {
        Map<String, JsonNode> byAction = new java.util.HashMap<>();
        admin.get("nodes/" + node + "/override-policy").expect(200).elements()
                .forEach(rule -> byAction.put(rule.get("action").asText(), rule));
        return byAction;
    }

    @Test
    void rulesAreInheritedAndTheNearestOneWins() {
        admin.put("nodes/" + account + "/override-rules/return", Map.of("required", true)).expect(200);
        admin.put("nodes/" + account + "/override-rules/discount", Map.of("required", true, "thresholdPercent", 10)).expect(200);
        // the region tightens discounts, one store lifts returns for itself
        admin.put("nodes/" + region + "/override-rules/discount",
                Map.of("required", true, "thresholdPercent", 5, "approverPermission", "register.discount")).expect(200);
        admin.put("nodes/" + store + "/override-rules/return", Map.of("required", false)).expect(200);

        Map<String, JsonNode> atStore = policy(store);
        assertThat(atStore.get("return").get("required").asBoolean()).isFalse();
        assertThat(atStore.get("return").get("definedAt").asText()).isEqualTo(store);
        assertThat(atStore.get("discount").get("thresholdPercent").decimalValue()).isEqualByComparingTo("5");
        assertThat(atStore.get("discount").get("approverPermission").asText()).isEqualTo("register.discount");
        assertThat(atStore.get("discount").get("definedAt").asText()).isEqualTo(region);

        Map<String, JsonNode> atOther = policy(otherStore);
        assertThat(atOther.get("return").get("required").asBoolean()).isTrue();
        assertThat(atOther.get("return").get("definedAt").asText()).isEqualTo(account);
        assertThat(atOther.get("return").get("approverPermission").asText()).isEqualTo("overrides.approve");

        assertThat(admin.get("nodes/" + store + "/override-rules").expect(200).elements())
                .extracting(r -> r.get("action").asText()).containsExactly("return");
        admin.delete("nodes/" + store + "/override-rules/return").expect(204);
        assertThat(policy(store).get("return").get("required").asBoolean()).as("inherited again").isTrue();
        notFound(admin.delete("nodes/" + store + "/override-rules/return"), "action");
    }

    @Test
    void badRulesAreRefusedNamingTheField() {
        invalid(admin.put("nodes/" + store + "/override-rules/Bad%20Action", Map.of("required", true)), "action");
        invalid(admin.put("nodes/" + store + "/override-rules/discount", Map.of("thresholdPercent", 150)), "thresholdPercent");
        invalid(admin.put("nodes/" + store + "/override-rules/void", Map.of("thresholdAmount", -1)), "thresholdAmount");
        invalid(admin.put("nodes/" + store + "/override-rules/void", Map.of("required", false, "thresholdAmount", 10)), "required");
        invalid(admin.put("nodes/" + store + "/override-rules/void", Map.of("approverPermission", "no.such-permission")),
                "approverPermission");
        invalid(admin.put("nodes/" + store + "/override-rules/void", "{\"required\":\"yes\"}"), "required");
        notFound(admin.put("nodes/" + Tree.randomId() + "/override-rules/void", Map.of("required", true)), "id");
        assertThat(admin.get("nodes/" + store + "/override-rules").expect(200).elements()).isEmpty();
    }

    @Test
    void managersWithTheRightSetRulesInTheirSubtreeOthersCannot() {
        AccessApi access = new AccessApi(admin);
        String policyGroup = access.roleGroup(null, "Policy manager " + Tree.uniqueCode("p"),
                "overrides.manage-policy", "users.view");
        String viewerGroup = access.roleGroup(null, "Policy viewer " + Tree.uniqueCode("p"), "users.view");
        String manager = realm.admin().users().searchByUsername("policy-manager", true).get(0).getId();
        String viewer = realm.admin().users().searchByUsername("policy-viewer", true).get(0).getId();
        access.grant(manager, region, policyGroup);
        access.grant(viewer, region, viewerGroup);
        BranchkeyApi asManager = BranchkeyApi.delegated(urls, realm.getName(),
                BranchkeyApi.managementToken(urls, realm.getName(), "policy-manager", PASSWORD));
        BranchkeyApi asViewer = BranchkeyApi.delegated(urls, realm.getName(),
                BranchkeyApi.managementToken(urls, realm.getName(), "policy-viewer", PASSWORD));

        asManager.put("nodes/" + store + "/override-rules/void", Map.of("required", true)).expect(200);
        assertThat(asViewer.get("nodes/" + store + "/override-policy").expect(200).elements())
                .extracting(r -> r.get("action").asText()).contains("void");
        assertError(asViewer.put("nodes/" + store + "/override-rules/void", Map.of("required", false)), 403, "forbidden");
        // the account is above the manager's grant: outside their reach
        notFound(asManager.put("nodes/" + account + "/override-rules/void", Map.of("required", false)), "id");
        assertThat(admin.get("audit?nodeId=" + store).expect(200).elements())
                .extracting(e -> e.get("action").asText()).contains("OVERRIDE_RULE_SET");
    }

    @Test
    void aRegisterReadsThePolicyOfItsLocation() {
        admin.put("nodes/" + account + "/override-rules/cash-drop", Map.of("required", true, "thresholdAmount", 20000)).expect(200);
        String code = admin.post("devices/enrollments", Map.of("locationId", store, "type", "register")).expect(201)
                .json().get("code").asText();
        TestDevice register = TestDevice.generate();
        BranchkeyApi open = BranchkeyApi.publicApi(urls, realm.getName());
        register.enroll(open, code).expect(201);
        String issuer = urls.getBase() + "/realms/" + realm.getName();
        JsonNode policy = open.getWithHeader("overrides/policy", "Branchkey-Device-Assertion", register.assertion(issuer))
                .expect(200).json();
        assertThat(policy.get("locationId").asText()).isEqualTo(store);
        assertThat(policy.get("rules")).extracting(r -> r.get("action").asText()).contains("cash-drop");
        assertThat(open.get("overrides/policy").status()).isEqualTo(401);
    }

    public static class PolicyRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-override-policy").users(
                    UserBuilder.create().username("policy-manager").password(PASSWORD).email("pm@example.org")
                            .name("Policy", "Manager").emailVerified(true).enabled(true),
                    UserBuilder.create().username("policy-viewer").password(PASSWORD).email("pv@example.org")
                            .name("Policy", "Viewer").emailVerified(true).enabled(true));
        }
    }
}
