package io.branchkey.it.tenancy;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.ApiAssertions;
import io.branchkey.it.support.Tree;
import io.branchkey.it.support.TestUsers;

import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.BranchkeyServerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/** Members of nodes, a user's tenancy and home account. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class MembershipIT {

    @InjectRealm(config = MembersRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;
    Tree tree;

    String account;
    String region;
    String store;
    String kiosk;

    @BeforeEach
    void fixture() {
        api = BranchkeyApi.asAdmin(urls, admin, realm.getName());
        tree = new Tree(api);
        account = tree.account(null, "Members Account " + Tree.uniqueCode("m"));
        region = tree.region(account, "Members Region");
        store = tree.location(region, "Members Store");
        kiosk = tree.location(account, "Members Kiosk");
    }

    @Test
    void addingAMemberIsIdempotentAndListsTheUser() {
        String userId = TestUsers.create(realm, TestUsers.uniqueName("staff"));
        ApiResponse added = api.put("nodes/" + store + "/users/" + userId, null).expect(204);
        assertThat(added.body()).isEmpty();
        api.put("nodes/" + store + "/users/" + userId, null).expect(204);

        List<JsonNode> members = api.get("nodes/" + store + "/users").expect(200).elements();
        assertThat(members).hasSize(1);
        JsonNode member = members.get(0);
        UserRepresentation user = realm.admin().users().get(userId).toRepresentation();
        assertThat(member.get("id").asText()).isEqualTo(userId);
        assertThat(member.get("username").asText()).isEqualTo(user.getUsername());
        assertThat(member.get("email").asText()).isEqualTo(user.getEmail());
        assertThat(member.get("firstName").asText()).isEqualTo(user.getFirstName());
        assertThat(member.get("lastName").asText()).isEqualTo(user.getLastName());
        assertThat(member.get("enabled").asBoolean()).isTrue();
        // no credentials or other internals
        assertThat(member.has("credentials")).isFalse();
        assertThat(member.has("attributes")).isFalse();

        JsonNode tenancy = api.get("users/" + userId + "/tenancy").expect(200).json();
        assertThat(ApiAssertions.nullOrAbsent(tenancy, "homeAccountId")).as("homeAccountId in %s", tenancy).isTrue();
        assertThat(tenancy.get("memberOf")).extracting(n -> n.get("id").asText()).containsExactly(store);
        assertThat(tenancy.get("memberOf").get(0)).isEqualTo(tree.get(store));
    }

    @Test
    void subtreeListsEveryMemberBelowOnce() {
        String both = TestUsers.create(realm, TestUsers.uniqueName("both"));
        String storeOnly = TestUsers.create(realm, TestUsers.uniqueName("store"));
        String kioskOnly = TestUsers.create(realm, TestUsers.uniqueName("kiosk"));
        String accountOnly = TestUsers.create(realm, TestUsers.uniqueName("account"));
        TestUsers.create(realm, TestUsers.uniqueName("outsider"));
        member(account, both);
        member(store, both);
        member(kiosk, both);
        member(store, storeOnly);
        member(kiosk, kioskOnly);
        member(account, accountOnly);

        assertThat(api.get("nodes/" + account + "/users").expect(200).ids()).containsExactlyInAnyOrder(both, accountOnly);
        assertThat(api.get("nodes/" + account + "/users?subtree=false").expect(200).ids()).containsExactlyInAnyOrder(both, accountOnly);
        List<String> all = api.get("nodes/" + account + "/users?subtree=true").expect(200).ids();
        assertThat(all).containsExactlyInAnyOrder(both, storeOnly, kioskOnly, accountOnly);
        assertThat(api.get("nodes/" + region + "/users?subtree=true").expect(200).ids()).containsExactlyInAnyOrder(both, storeOnly);
        assertThat(api.get("nodes/" + region + "/users").expect(200).ids()).isEmpty();

        // paging walks the same users, each once
        List<String> paged = new java.util.ArrayList<>();
        paged.addAll(api.get("nodes/" + account + "/users?subtree=true&max=3").expect(200).ids());
        paged.addAll(api.get("nodes/" + account + "/users?subtree=true&first=3&max=3").expect(200).ids());
        assertThat(paged).containsExactlyInAnyOrderElementsOf(all);
        assertThat(api.get("nodes/" + account + "/users?subtree=true&max=3").expect(200).ids()).hasSize(3);

        // after a move, the subtree listing follows the tree
        String other = tree.account(null, "Members Other " + Tree.uniqueCode("o"));
        tree.move(region, other).expect(200);
        assertThat(api.get("nodes/" + account + "/users?subtree=true").expect(200).ids()).containsExactlyInAnyOrder(both, kioskOnly, accountOnly);
        assertThat(api.get("nodes/" + other + "/users?subtree=true").expect(200).ids()).containsExactlyInAnyOrder(both, storeOnly);
    }

    @Test
    void removingAMembership() {
        String userId = TestUsers.create(realm, TestUsers.uniqueName("leaver"));
        member(store, userId);
        member(kiosk, userId);

        ApiResponse removed = api.delete("nodes/" + store + "/users/" + userId).expect(204);
        assertThat(removed.body()).isEmpty();
        assertThat(api.get("nodes/" + store + "/users").expect(200).ids()).isEmpty();
        assertThat(api.get("users/" + userId + "/tenancy").expect(200).json().get("memberOf"))
                .extracting(n -> n.get("id").asText()).containsExactly(kiosk);

        ApiAssertions.notFound(api.delete("nodes/" + store + "/users/" + userId));
        ApiAssertions.notFound(api.delete("nodes/" + region + "/users/" + userId));
        assertThat(api.get("nodes/" + kiosk + "/users").expect(200).ids()).containsExactly(userId);
    }

    @Test
    void homeAccountSetChangeAndClear() {
        String userId = TestUsers.create(realm, TestUsers.uniqueName("homed"));
        member(store, userId);

        JsonNode tenancy = api.put("users/" + userId + "/home-account", Map.of("nodeId", account)).expect(200).json();
        assertThat(tenancy.get("homeAccountId").asText()).isEqualTo(account);
        assertThat(tenancy.get("memberOf")).extracting(n -> n.get("id").asText()).containsExactlyInAnyOrder(account, store);
        assertThat(api.get("users/" + userId + "/tenancy").expect(200).json()).isEqualTo(tenancy);
        assertThat(api.get("nodes/" + account + "/users").expect(200).ids()).as("setting the home account makes a member").containsExactly(userId);

        // setting it again is harmless
        api.put("users/" + userId + "/home-account", Map.of("nodeId", account)).expect(200);
        assertThat(api.get("nodes/" + account + "/users").expect(200).ids()).containsExactly(userId);

        // a managed account under a partner can be a home account as well
        String partner = tree.partner("Members Partner " + Tree.uniqueCode("p"));
        String managed = tree.account(partner, "Members Managed");
        JsonNode changed = api.put("users/" + userId + "/home-account", Map.of("nodeId", managed)).expect(200).json();
        assertThat(changed.get("homeAccountId").asText()).isEqualTo(managed);
        assertThat(changed.get("memberOf")).extracting(n -> n.get("id").asText()).contains(managed, store);

        // clearing keeps the membership
        ApiResponse cleared = api.delete("users/" + userId + "/home-account").expect(204);
        assertThat(cleared.body()).isEmpty();
        JsonNode after = api.get("users/" + userId + "/tenancy").expect(200).json();
        assertThat(ApiAssertions.nullOrAbsent(after, "homeAccountId")).as("homeAccountId in %s", after).isTrue();
        assertThat(after.get("memberOf")).extracting(n -> n.get("id").asText()).contains(managed, store);
        assertThat(api.get("nodes/" + managed + "/users").expect(200).ids()).containsExactly(userId);
    }

    @Test
    void onlyAnAccountCanBeAHomeAccount() {
        String userId = TestUsers.create(realm, TestUsers.uniqueName("nohome"));
        String partner = tree.partner("Members Partner " + Tree.uniqueCode("p"));
        for (String node : List.of(partner, region, store)) {
            invalid(api.put("users/" + userId + "/home-account", Map.of("nodeId", node)), "nodeId");
        }
        JsonNode tenancy = api.get("users/" + userId + "/tenancy").expect(200).json();
        assertThat(ApiAssertions.nullOrAbsent(tenancy, "homeAccountId")).isTrue();
        assertThat(tenancy.get("memberOf")).as("a refused home account leaves no membership").isEmpty();
        assertThat(api.get("nodes/" + partner + "/users").expect(200).ids()).isEmpty();
    }

    @Test
    void removingTheHomeAccountMembershipClearsTheHomeAccount() {
        String userId = TestUsers.create(realm, TestUsers.uniqueName("unhomed"));
        api.put("users/" + userId + "/home-account", Map.of("nodeId", account)).expect(200);
        api.delete("nodes/" + account + "/users/" + userId).expect(204);
        JsonNode tenancy = api.get("users/" + userId + "/tenancy").expect(200).json();
        assertThat(ApiAssertions.nullOrAbsent(tenancy, "homeAccountId")).as("homeAccountId in %s", tenancy).isTrue();
        assertThat(tenancy.get("memberOf")).isEmpty();
    }

    @Test
    void aUserWithoutMembershipsHasAnEmptyTenancy() {
        String userId = TestUsers.create(realm, TestUsers.uniqueName("lonely"));
        JsonNode tenancy = api.get("users/" + userId + "/tenancy").expect(200).json();
        assertThat(tenancy.has("homeAccountId")).as("homeAccountId is always present: %s", tenancy).isTrue();
        assertThat(ApiAssertions.nullOrAbsent(tenancy, "homeAccountId")).isTrue();
        assertThat(tenancy.get("memberOf").isArray()).isTrue();
        assertThat(tenancy.get("memberOf")).isEmpty();
    }

    @Test
    void disabledUsersAreListedAsDisabled() {
        String userId = TestUsers.create(realm, TestUsers.uniqueName("disabled"));
        UserRepresentation rep = realm.admin().users().get(userId).toRepresentation();
        rep.setEnabled(false);
        realm.admin().users().get(userId).update(rep);
        member(kiosk, userId);
        JsonNode listed = api.get("nodes/" + kiosk + "/users").expect(200).elements().get(0);
        assertThat(listed.get("id").asText()).isEqualTo(userId);
        assertThat(listed.get("enabled").asBoolean()).isFalse();
    }

    @Test
    void unknownUsersAreNotFoundNamingUserId() {
        String unknown = Tree.randomId();
        assertFieldError(api.put("nodes/" + store + "/users/" + unknown, null), 404, "not_found", "userId");
        assertFieldError(api.get("users/" + unknown + "/tenancy"), 404, "not_found", "userId");
        assertThat(api.get("nodes/" + store + "/users").expect(200).ids()).isEmpty();
    }

    private void member(String nodeId, String userId) {
        api.put("nodes/" + nodeId + "/users/" + userId, null).expect(204);
    }

    public static class MembersRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-members");
        }
    }
}
