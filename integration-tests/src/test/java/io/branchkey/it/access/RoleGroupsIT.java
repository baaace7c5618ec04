package io.branchkey.it.access;

import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchkey.it.support.AccessApi;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
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
import org.keycloak.testframework.server.KeycloakUrls;

/** Role groups through the admin API: templates, account-owned groups and where they can be granted. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class RoleGroupsIT {

    static final List<String> SYSTEMS = List.of("klicktrack", "deliverect", "dutchie", "tracktik", "techtrack");

    @InjectRealm(config = GroupsRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;
    Tree tree;
    AccessApi access;

    @BeforeEach
    void client() {
        api = BranchkeyApi.asAdmin(urls, admin, realm.getName());
        tree = new Tree(api);
        access = new AccessApi(api);
    }

    @Test
    void aTemplateIsCreatedReadUpdatedAndDeleted() {
        String name = "Template " + Tree.uniqueCode("t");
        JsonNode created = api.post("role-groups", group(name, "users.view", "users.invite")).expect(201).json();
        String id = created.get("id").asText();
        assertThat(created.has("ownerNodeId")).isFalse();
        assertThat(created.get("permissions")).extracting(JsonNode::asText).containsExactly("users.invite", "users.view");
        assertThat(api.get("role-groups").expect(200).ids()).contains(id);

        JsonNode updated = api.put("role-groups/" + id, group(name, "audit.view")).expect(200).json();
        assertThat(updated.get("permissions")).extracting(JsonNode::asText).containsExactly("audit.view");
        assertThat(api.get("role-groups/" + id).expect(200).json().get("permissions"))
                .extracting(JsonNode::asText).containsExactly("audit.view");

        api.delete("role-groups/" + id).expect(204);
        notFound(api.get("role-groups/" + id), "id");
    }

    @Test
    void anAccountsOwnGroupCanBeGrantedOnlyInsideThatAccount() {
        String accountA = tree.account(null, "Owner A");
        String storeA = tree.location(accountA, "Owner A Store");
        String accountB = tree.account(null, "Owner B");
        String own = api.post("role-groups", group("Own " + Tree.uniqueCode("g"), "users.view").put("ownerNodeId", accountA))
                .expect(201).id();

        assertThat(api.get("role-groups?ownerNodeId=" + accountA).expect(200).ids()).containsExactly(own);
        assertThat(api.get("role-groups?visibleAt=" + storeA).expect(200).ids()).contains(own);
        assertThat(api.get("role-groups?visibleAt=" + accountB).expect(200).ids()).doesNotContain(own);
        assertThat(api.get("role-groups").expect(200).ids()).as("templates only").doesNotContain(own);

        String user = TestUsers.create(realm, TestUsers.uniqueName("own"));
        access.grant(user, storeA, own);
        notFound(api.post("grants", AccessApi.grantBody(user, accountB, own, null, null)), "roleGroupId");
    }

    @Test
    void groupsOwnedBelowAnAccountOrWithSuperuserPermissionsAreRefused() {
        String account = tree.account(null, "Refusing Account");
        String store = tree.location(account, "Refusing Store");
        invalid(api.post("role-groups", group("At a store", "users.view").put("ownerNodeId", store)), "ownerNodeId");
        notFound(api.post("role-groups", group("Nowhere", "users.view").put("ownerNodeId", Tree.randomId())), "ownerNodeId");

        String superuser = realmAdminOnlyPermission();
        assertThat(api.post("role-groups", group("Superuser " + Tree.uniqueCode("s"), superuser).put("ownerNodeId", account))
                .status()).as("a realm-admin-only permission can be in templates only").isIn(400, 403);
        api.post("role-groups", group("Superuser template " + Tree.uniqueCode("s"), superuser)).expect(201);
    }

    @Test
    void badGroupsAreRefusedNamingTheFieldAndWriteNothing() {
        int before = api.get("role-groups").expect(200).ids().size();
        invalid(api.post("role-groups", group(" ", "users.view")), "name");
        invalid(api.post("role-groups", group("x".repeat(256), "users.view")), "name");
        invalid(api.post("role-groups", "{\"name\":\"No permissions\"}"), "permissions");
        invalid(api.post("role-groups", group("Unknown permission", "no.such-permission")), "permissions");
        invalid(api.post("role-groups", "{\"name\":\"Wrong type\",\"permissions\":\"users.view\"}"), "permissions");
        invalid(api.post("role-groups", "{\"name\":\"Null inside\",\"permissions\":[null]}"), "permissions");
        invalid(api.post("role-groups", group("Unknown field", "users.view").put("colour", "red")), "colour");
        String name = "Duplicate " + Tree.uniqueCode("d");
        api.post("role-groups", group(name, "users.view")).expect(201);
        assertFieldError(api.post("role-groups", group(name, "users.view")), 409, "conflict", "name");
        assertThat(api.get("role-groups").expect(200).ids()).hasSize(before + 1);
    }

    @Test
    void aGroupStillGrantedCannotBeDeleted() {
        String account = tree.account(null, "Granted Account");
        String id = access.roleGroup(null, "Granted " + Tree.uniqueCode("g"), "users.view");
        String grant = access.grant(TestUsers.create(realm, TestUsers.uniqueName("held")), account, id);
        assertFieldError(api.delete("role-groups/" + id), 409, "conflict", "id");
        access.revoke(grant);
        api.delete("role-groups/" + id).expect(204);
    }

    @Test
    void everySystemsTemplatesLoadAndReloadByName() {
        for (String system : SYSTEMS) {
            Map<String, String> first = access.loadTemplates(system);
            assertThat(first).as(system).isNotEmpty();
            for (JsonNode group : api.post("role-groups/templates/" + system, null).expect(200).elements()) {
                assertThat(group.get("source").asText()).isEqualTo(system);
                assertThat(group.get("permissions")).as("%s has permissions", group.get("name")).isNotEmpty();
            }
            assertThat(access.loadTemplates(system)).as("reloading keeps ids").isEqualTo(first);
        }
        notFound(api.post("role-groups/templates/nosuchsystem", null), "system");
        notFound(api.post("role-groups/templates/..%2Fcatalog", null), "system");
    }

    private String realmAdminOnlyPermission() {
        for (JsonNode p : api.get("catalog").expect(200).json().get("permissions")) {
            if (p.get("realmAdminOnly").asBoolean()) {
                return p.get("key").asText();
            }
        }
        throw new AssertionError("the shipped catalog has no realm-admin-only permission (TrackTik's superuser rights)");
    }

    private static ObjectNode group(String name, String... permissions) {
        ObjectNode body = BranchkeyApi.JSON.createObjectNode().put("name", name);
        var array = body.putArray("permissions");
        for (String p : permissions) {
            array.add(p);
        }
        return body;
    }

    public static class GroupsRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-role-groups");
        }
    }
}
