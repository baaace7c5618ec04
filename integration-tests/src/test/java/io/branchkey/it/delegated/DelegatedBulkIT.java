package io.branchkey.it.delegated;

import static io.branchkey.it.delegated.DelegatedWorld.grantBody;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.delegated.DelegatedWorld.Person;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.Tree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** Bulk grants and memberships: one result per item, each item committed or refused on its own. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class DelegatedBulkIT {

    @InjectRealm(ref = "dlg-bulk", config = DelegatedWorld.Realm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static DelegatedWorld world;
    DelegatedWorld w;

    @BeforeEach
    void world() {
        world = DelegatedWorld.of(world, realm, urls, keycloak);
        w = world;
    }

    private static List<Integer> statuses(List<JsonNode> results) {
        return results.stream().map(r -> r.get("status").asInt()).toList();
    }

    @Test
    void bulkGrantsAnswerPerItemAndKeepTheGoodOnes() {
        Person one = w.person("bulk-one", w.accountA, w.storeA1);
        Person two = w.person("bulk-two", w.accountA, w.storeA2);
        Person lastOne = w.person("bulk-three", w.accountA, w.storeA1);
        String toRevoke = w.grant(lastOne, w.storeA1, w.employeeGroup);

        Map<String, Object> body = Map.of(
                "grant", List.of(
                        grantBody(one.id(), w.storeA1, w.employeeGroup),     // fine
                        grantBody(two.id(), w.storeA2, w.unheldGroup),       // escalation
                        grantBody(one.id(), w.storeF, w.employeeGroup),      // outside reach
                        grantBody(two.id(), w.storeA2, w.employeeGroup)),    // fine
                "revoke", List.of(toRevoke, Tree.randomId()));
        List<JsonNode> results = w.as(w.adminA).post("grants/bulk", body).expect(200).elements();

        assertThat(results).extracting(r -> r.get("index").asInt()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(statuses(results)).containsExactly(201, 403, 404, 201, 204, 404);
        JsonNode created = results.get(0).get("result");
        assertThat(created.get("userId").asText()).isEqualTo(one.id());
        assertThat(created.get("nodeId").asText()).isEqualTo(w.storeA1);
        assertThat(results.get(1).at("/result/error").asText()).isEqualTo("forbidden");
        assertThat(results.get(2).at("/result/error").asText()).isEqualTo("not_found");
        assertThat(results.get(2).at("/result/field").asText()).isEqualTo("nodeId");
        assertThat(results.get(5).at("/result/field").asText()).isEqualTo("grantId");

        assertThat(w.grantIdsOf(one.id())).containsExactly(created.get("id").asText());
        assertThat(w.grantsOf(two.id())).extracting(g -> g.get("roleGroupId").asText()).containsExactly(w.employeeGroup);
        assertThat(w.grantsOf(lastOne.id())).isEmpty();
        // the refused escalation is audited like a single one
        assertThat(w.adminAudit("userId=" + two.id())).extracting(e -> e.get("outcome").asText())
                .contains("REFUSED", "SUCCESS");
    }

    @Test
    void aBulkRevocationRespectsLastAdminProtectionItemByItem() {
        String account = w.tree.account(null, DelegatedWorld.name("Bulk account"));
        Person manager = w.person("bulk-manager", account);
        String managerGrant = w.grant(manager, account, w.accountAdminGroup);
        Person staff = w.person("bulk-staff", account);
        String staffGrant = w.grant(staff, account, w.employeeGroup);

        List<JsonNode> results = w.as(manager).post("grants/bulk", Map.of("revoke", List.of(managerGrant, staffGrant)))
                .expect(200).elements();
        assertThat(statuses(results)).containsExactly(409, 204);
        assertThat(w.grantIdsOf(manager.id())).containsExactly(managerGrant);
        assertThat(w.grantsOf(staff.id())).isEmpty();
    }

    @Test
    void bulkMembershipsCheckEachPairAtBothEnds() {
        Person mine = w.person("bulk-mine", w.accountA);
        String newStore = w.store(w.regionA1, "Bulk store");
        Map<String, Object> body = Map.of("userIds", List.of(mine.id(), w.employeeF.id()),
                "nodeIds", List.of(newStore, w.storeF));
        List<JsonNode> results = w.as(w.adminA).post("grants/bulk-memberships", body).expect(200).elements();

        // users outer, nodes inner
        assertThat(statuses(results)).containsExactly(204, 404, 404, 404);
        assertThat(results.get(0).get("result").get("userId").asText()).isEqualTo(mine.id());
        assertThat(results.get(0).get("result").get("nodeId").asText()).isEqualTo(newStore);
        assertThat(results.get(1).at("/result/field").asText()).isEqualTo("nodeId");
        assertThat(results.get(2).at("/result/field").asText()).isEqualTo("userId");
        assertThat(results.toString()).doesNotContain(w.names.get(w.storeF), w.employeeF.username());
        // (a home account counts as a membership too)
        assertThat(w.membershipsOf(mine.id())).containsExactlyInAnyOrder(w.accountA, newStore);
        assertThat(w.membershipsOf(w.employeeF.id())).containsExactlyInAnyOrder(w.accountF, w.storeF);

        List<JsonNode> removed = w.as(w.adminA).post("grants/bulk-memberships",
                Map.of("userIds", List.of(mine.id()), "nodeIds", List.of(newStore), "remove", true)).expect(200).elements();
        assertThat(statuses(removed)).containsExactly(204);
        assertThat(w.membershipsOf(mine.id())).containsExactly(w.accountA);
        // removing again: that pair is no membership, as with the single DELETE
        List<JsonNode> again = w.as(w.adminA).post("grants/bulk-memberships",
                Map.of("userIds", List.of(mine.id()), "nodeIds", List.of(newStore), "remove", true)).expect(200).elements();
        assertThat(statuses(again)).containsExactly(404);
    }

    @Test
    void aBulkRequestHasOneTo500Items() {
        BranchkeyApi manager = w.as(w.adminA);
        invalid(manager.post("grants/bulk", Map.of()), null);
        invalid(manager.post("grants/bulk", Map.of("grant", List.of(), "revoke", List.of())), null);
        invalid(manager.post("grants/bulk", Map.of("revoke", ids(501))), null);
        invalid(manager.post("grants/bulk-memberships", Map.of("userIds", List.of(), "nodeIds", List.of(w.storeA1))), null);
        invalid(manager.post("grants/bulk-memberships", Map.of("userIds", ids(23), "nodeIds", ids(22))), null);

        // exactly 500 is allowed: every made-up id answered on its own
        List<JsonNode> results = manager.post("grants/bulk", Map.of("revoke", ids(500))).expect(200).elements();
        assertThat(results).hasSize(500);
        assertThat(statuses(results)).containsOnly(404);
    }

    @Test
    void theItemLimitCannotBeDodgedByOverflowingThePairCount() {
        // 65537 x 65535 pairs is 2^32 - 1, which a 32-bit product turns into -1
        List<String> users = Collections.nCopies(65_537, "u");
        List<String> nodes = Collections.nCopies(65_535, "n");
        invalid(w.as(w.adminA).post("grants/bulk-memberships", Map.of("userIds", users, "nodeIds", nodes)), null);
    }

    @Test
    void malformedBulkItemsAreBadRequestsNotServerErrors() {
        BranchkeyApi manager = w.as(w.adminA);
        invalid(manager.post("grants/bulk", "{\"grant\":[null]}"), "grant.0");
        invalid(manager.post("grants/bulk", "{\"grant\":[{\"userId\":1}]}"), "grant.0.userId");
        invalid(manager.post("grants/bulk", "{\"revoke\":\"abc\"}"), "revoke");
        invalid(manager.post("grants/bulk", "{\"grants\":[]}"), "grants");
        invalid(manager.post("grants/bulk-memberships", "{\"userIds\":[\"a\"],\"nodeIds\":[\"b\"],\"remove\":\"yes\"}"), "remove");
        // missing fields inside an item are that item's 400
        List<JsonNode> results = manager.post("grants/bulk", Map.of("grant", List.of(Map.of("userId", w.employeeA1.id()))))
                .expect(200).elements();
        assertThat(statuses(results)).containsExactly(400);
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Tree.randomId());
        }
        return ids;
    }
}
