package io.branchkey.it.tenancy;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.ApiAssertions;
import io.branchkey.it.support.Tree;
import io.branchkey.it.support.TestUsers;

import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.BranchkeyServerConfig;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.util.ApiUtil;

/** Our data follows Keycloak's: deleted users lose their memberships, deleted realms their trees. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class LifecycleIT {

    static final String TEMP_REALM = "bk-lifecycle-temp";

    @InjectRealm(config = LifecycleRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;
    Tree tree;

    @BeforeEach
    void client() {
        api = BranchkeyApi.asAdmin(urls, admin, realm.getName());
        tree = new Tree(api);
    }

    @Test
    void deletingAUserRemovesTheirMembershipsAndHomeAccount() {
        String account = tree.account(null, "Lifecycle Account " + Tree.uniqueCode("a"));
        String store = tree.location(account, "Lifecycle Store");
        String kiosk = tree.location(account, "Lifecycle Kiosk");
        String leaving = TestUsers.create(realm, TestUsers.uniqueName("leaving"));
        String staying = TestUsers.create(realm, TestUsers.uniqueName("staying"));
        api.put("users/" + leaving + "/home-account", Map.of("nodeId", account)).expect(200);
        api.put("nodes/" + store + "/users/" + leaving, null).expect(204);
        api.put("nodes/" + kiosk + "/users/" + leaving, null).expect(204);
        api.put("nodes/" + store + "/users/" + staying, null).expect(204);
        assertThat(api.get("nodes/" + account + "/users?subtree=true").expect(200).ids()).containsExactlyInAnyOrder(leaving, staying);

        realm.admin().users().get(leaving).remove();

        assertThat(api.get("nodes/" + account + "/users").expect(200).ids()).isEmpty();
        assertThat(api.get("nodes/" + store + "/users").expect(200).ids()).containsExactly(staying);
        assertThat(api.get("nodes/" + kiosk + "/users").expect(200).ids()).isEmpty();
        assertThat(api.get("nodes/" + account + "/users?subtree=true").expect(200).ids()).containsExactly(staying);
        // the page size counts real members only: a removed user leaves no gap
        assertThat(api.get("nodes/" + account + "/users?subtree=true&max=1").expect(200).ids()).containsExactly(staying);
        assertFieldError(api.get("users/" + leaving + "/tenancy"), 404, "not_found", "userId");
        assertThat(api.get("users/" + staying + "/tenancy").expect(200).json().get("memberOf"))
                .extracting(n -> n.get("id").asText()).containsExactly(store);
    }

    @Test
    void deletingANodeRemovesItsMembershipsAndHomeAccounts() {
        String account = tree.account(null, "Lifecycle Doomed " + Tree.uniqueCode("d"));
        String region = tree.region(account, "Lifecycle Doomed Region");
        String store = tree.location(region, "Lifecycle Doomed Store");
        String keep = tree.account(null, "Lifecycle Kept " + Tree.uniqueCode("k"));
        String userId = TestUsers.create(realm, TestUsers.uniqueName("orphaned"));
        api.put("users/" + userId + "/home-account", Map.of("nodeId", account)).expect(200);
        api.put("nodes/" + store + "/users/" + userId, null).expect(204);
        api.put("nodes/" + keep + "/users/" + userId, null).expect(204);

        api.delete("nodes/" + account + "?cascade=true").expect(204);

        JsonNode tenancy = api.get("users/" + userId + "/tenancy").expect(200).json();
        assertThat(ApiAssertions.nullOrAbsent(tenancy, "homeAccountId")).as("home account of a deleted node in %s", tenancy).isTrue();
        assertThat(tenancy.get("memberOf")).extracting(n -> n.get("id").asText()).containsExactly(keep);
        // and the user can get a new home account
        api.put("users/" + userId + "/home-account", Map.of("nodeId", keep)).expect(200);
    }

    @Test
    void deletingARealmRemovesItsTreeAndARecreatedRealmStartsEmpty() {
        removeTempRealm();
        try {
            createTempRealm();
            BranchkeyApi temp = api.forRealm(TEMP_REALM);
            Tree tempTree = new Tree(temp);
            String partner = tempTree.partner("Temp Partner");
            String account = tempTree.account(partner, "Temp Account");
            String region = tempTree.region(account, "Temp Region");
            String code = Tree.uniqueCode("TEMP");
            String store = tempTree.create(Tree.body("LOCATION", region, "Temp Store").put("code", code)).get("id").asText();
            String userId = createTempUser("temp-user");
            temp.put("nodes/" + store + "/users/" + userId, null).expect(204);
            temp.put("users/" + userId + "/home-account", Map.of("nodeId", account)).expect(200);
            assertThat(temp.get("nodes").expect(200).ids()).hasSize(4);

            admin.realm(TEMP_REALM).remove();
            createTempRealm();

            assertThat(temp.get("nodes").expect(200).ids()).as("nodes of the recreated realm").isEmpty();
            assertThat(temp.get("nodes/roots").expect(200).ids()).isEmpty();
            for (String id : List.of(partner, account, region, store)) {
                notFound(temp.get("nodes/" + id));
            }
            notFound(temp.get("nodes/by-code/" + code));
            // the old code is free, and a user with the old name starts without tenancy
            String newAccount = tempTree.account(null, "Temp Account Again");
            temp.post("nodes", Tree.body("LOCATION", newAccount, "Temp Store Again").put("code", code)).expect(201);
            String again = createTempUser("temp-user");
            JsonNode tenancy = temp.get("users/" + again + "/tenancy").expect(200).json();
            assertThat(tenancy.get("memberOf")).isEmpty();
            assertThat(ApiAssertions.nullOrAbsent(tenancy, "homeAccountId")).isTrue();
            assertThat(temp.get("nodes/" + newAccount + "/users?subtree=true").expect(200).ids()).isEmpty();
        } finally {
            removeTempRealm();
        }
    }

    /** Creates the temporary realm, always with the same name and the same id. */
    private void createTempRealm() {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(TEMP_REALM);
        rep.setId(TEMP_REALM);
        rep.setEnabled(true);
        admin.realms().create(rep);
        // as the framework does: a fresh token sees the new realm's admin roles
        admin.tokenManager().invalidate(admin.tokenManager().getAccessTokenString());
    }

    private void removeTempRealm() {
        try {
            admin.realm(TEMP_REALM).remove();
        } catch (NotFoundException notThere) {
            // fine
        }
    }

    private String createTempUser(String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        try (Response response = admin.realm(TEMP_REALM).users().create(user)) {
            assertThat(response.getStatus()).isEqualTo(201);
            return ApiUtil.getCreatedId(response);
        }
    }

    public static class LifecycleRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-lifecycle");
        }
    }
}
