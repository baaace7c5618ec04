package io.branchkey.it.delegated;

import static io.branchkey.it.delegated.DelegatedWorld.EMPLOYEE_KEYS;
import static io.branchkey.it.delegated.DelegatedWorld.grantBody;
import static io.branchkey.it.support.ApiAssertions.assertErrorWithoutField;
import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

/** Every delegated change leaves an audit entry: who, what, where, whom; queryable per node and per user. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class DelegatedAuditIT {

    @InjectRealm(ref = "dlg-audit", config = DelegatedWorld.Realm.class)
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

    /** An audit entry as the test expects it; null matches anything. */
    record Expected(String action, String nodeId, String targetUserId) {
        boolean matches(JsonNode entry, String actorId) {
            return entry.get("action").asText().equals(action)
                    && entry.get("outcome").asText().equals("SUCCESS")
                    && entry.get("actorId").asText().equals(actorId)
                    && (nodeId == null || nodeId.equals(entry.path("nodeId").asText(null)))
                    && (targetUserId == null || targetUserId.equals(entry.path("targetUserId").asText(null)));
        }
    }

    @Test
    void everySuccessfulDelegatedChangeIsQueryablePerNodeAndPerUser() {
        // a fresh account with its own manager, so the trail holds only this test's actions
        String account = w.tree.account(null, DelegatedWorld.name("Audited account"));
        String region = w.tree.region(account, DelegatedWorld.name("Audited region"));
        String otherRegion = w.tree.region(account, DelegatedWorld.name("Other region"));
        Person manager = w.person("audited-manager", account);
        w.grant(manager, account, w.accountAdminGroup);
        BranchkeyApi api = w.as(manager);
        List<Expected> expected = new ArrayList<>();

        String store = api.post("nodes", Tree.locationBody(region, "Audited store")).expect(201).id();
        expected.add(new Expected("NODE_CREATE", store, null));
        JsonNode storeNode = w.tree.get(store);
        api.put("nodes/" + store, Map.of("name", "Audited store renamed", "code", storeNode.get("code").asText())).expect(200);
        expected.add(new Expected("NODE_UPDATE", store, null));
        api.post("nodes/" + store + "/move", Map.of("parentId", otherRegion)).expect(200);
        expected.add(new Expected("NODE_MOVE", store, null));

        String invitee = api.post("users", Map.of("username", "invitee-" + DelegatedWorld.hex(), "homeAccountId", account))
                .expect(201).id();
        expected.add(new Expected("USER_INVITE", account, invitee));
        api.put("users/" + invitee, Map.of("firstName", "Audited")).expect(200);
        expected.add(new Expected("USER_UPDATE", account, invitee));
        api.put("nodes/" + store + "/users/" + invitee, null).expect(204);
        expected.add(new Expected("MEMBERSHIP_ADD", store, invitee));
        api.delete("nodes/" + store + "/users/" + invitee).expect(204);
        expected.add(new Expected("MEMBERSHIP_REMOVE", store, invitee));

        String grant = api.post("grants", grantBody(invitee, store, w.employeeGroup)).expect(201).id();
        expected.add(new Expected("GRANT_CREATE", store, invitee));
        api.delete("grants/" + grant).expect(204);
        expected.add(new Expected("GRANT_REVOKE", store, invitee));
        api.post("grants/bulk", Map.of("grant", List.of(grantBody(invitee, region, w.employeeGroup)))).expect(200);
        expected.add(new Expected("GRANT_CREATE", region, invitee));
        api.post("grants/bulk-memberships", Map.of("userIds", List.of(invitee), "nodeIds", List.of(region))).expect(200);
        expected.add(new Expected("MEMBERSHIP_ADD", region, invitee));

        String group = api.post("role-groups", Map.of("ownerNodeId", account, "name", DelegatedWorld.name("Audited group"),
                "permissions", EMPLOYEE_KEYS)).expect(201).id();
        expected.add(new Expected("ROLE_GROUP_CREATE", account, null));
        api.put("role-groups/" + group, Map.of("name", DelegatedWorld.name("Audited group renamed"), "permissions", EMPLOYEE_KEYS)).expect(200);
        expected.add(new Expected("ROLE_GROUP_UPDATE", account, null));
        api.delete("role-groups/" + group).expect(204);
        expected.add(new Expected("ROLE_GROUP_DELETE", account, null));

        api.post("users/" + invitee + "/terminate", null).expect(204);
        expected.add(new Expected("USER_TERMINATE", account, invitee));

        // the admin view of the account's nodes holds everything, all by this manager
        List<JsonNode> all = new ArrayList<>();
        for (String node : List.of(account, region, otherRegion, store)) {
            all.addAll(w.adminAudit("nodeId=" + node));
        }
        assertThat(all).hasSize(expected.size());
        assertAllFound(expected, all, manager, "admin audit per node");

        // per node, through the delegated API: the same entries
        List<JsonNode> delegated = new ArrayList<>();
        for (String node : List.of(account, region, otherRegion, store)) {
            delegated.addAll(api.get("audit?max=1000&nodeId=" + node).expect(200).elements());
        }
        assertThat(delegated).containsExactlyInAnyOrderElementsOf(all);

        // per user: everything the manager did, and everything done to the invitee
        List<JsonNode> byManager = api.get("audit?max=1000&userId=" + manager.id()).expect(200).elements();
        assertAllFound(expected, byManager, manager, "delegated audit of the actor");
        List<Expected> toInvitee = expected.stream().filter(e -> invitee.equals(e.targetUserId())).toList();
        List<JsonNode> aboutInvitee = api.get("audit?max=1000&userId=" + invitee).expect(200).elements();
        assertThat(aboutInvitee).hasSize(toInvitee.size());
        assertAllFound(toInvitee, aboutInvitee, manager, "delegated audit of the target");
        assertThat(w.adminAudit("userId=" + invitee)).containsExactlyInAnyOrderElementsOf(aboutInvitee);
        // newest first
        List<Long> times = aboutInvitee.stream().map(e -> e.get("time").asLong()).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private static void assertAllFound(List<Expected> expected, List<JsonNode> entries, Person actor, String where) {
        List<String> missing = new ArrayList<>();
        List<JsonNode> left = new ArrayList<>(entries);
        for (Expected e : expected) {
            JsonNode match = left.stream().filter(entry -> e.matches(entry, actor.id())).findFirst().orElse(null);
            if (match == null) {
                missing.add(e.toString());
            } else {
                left.remove(match);
            }
        }
        assertThat(missing).as("%s: entries missing from %s", where, entries).isEmpty();
    }

    @Test
    void readingTheTrailNeedsAuditViewThere() {
        // the store manager holds audit.view at store A1 only
        w.as(w.storeManagerA1).get("audit?nodeId=" + w.storeA1).expect(200);
        assertFieldError(w.as(w.storeManagerA1).get("audit?nodeId=" + w.accountA), 404, "not_found", "nodeId");
        assertErrorWithoutField(w.as(w.employeeA1).get("audit?nodeId=" + w.storeA1), 403, "forbidden");
        assertFieldError(w.as(w.adminA).get("audit?userId=" + w.employeeF.id()), 404, "not_found", "userId");
        // the whole trail at once is for realm admins
        assertError(w.as(w.adminA).get("audit"), 403, "forbidden");
        invalid(w.as(w.adminA).get("audit?nodeId=" + w.accountA + "&max=5000"), "max");
    }

    @Test
    void aUsersTrailLeavesOutPlacesTheCallerCannotSee() {
        Person shared = w.person("shared", w.accountA, w.storeA1, w.storeF);
        w.as(w.adminA).post("grants", grantBody(shared.id(), w.storeA1, w.employeeGroup)).expect(201);
        w.as(w.adminF).post("grants", grantBody(shared.id(), w.storeF, w.employeeGroup)).expect(201);

        List<JsonNode> seenByA = w.as(w.adminA).get("audit?userId=" + shared.id()).expect(200).elements();
        assertThat(seenByA).extracting(e -> e.get("nodeId").asText()).containsExactly(w.storeA1);
        List<JsonNode> seenByF = w.as(w.adminF).get("audit?userId=" + shared.id()).expect(200).elements();
        assertThat(seenByF).extracting(e -> e.get("nodeId").asText()).containsExactly(w.storeF);
        assertThat(w.adminAudit("userId=" + shared.id())).extracting(e -> e.get("nodeId").asText())
                .containsExactlyInAnyOrder(w.storeA1, w.storeF);
    }

    @Test
    void theAdminTrailNeedsViewEvents() {
        String token = BranchkeyApi.passwordToken(urls, realm.getName(), w.adminA.username(), DelegatedWorld.PASSWORD);
        assertThat(BranchkeyApi.withToken(urls, realm.getName(), token).get("audit").status()).isEqualTo(403);
    }
}
