package io.branchkey.it.delegated;

import static io.branchkey.it.delegated.DelegatedWorld.EMPLOYEE_KEYS;
import static io.branchkey.it.delegated.DelegatedWorld.grantBody;
import static io.branchkey.it.delegated.DelegatedWorld.strings;
import static io.branchkey.it.support.ApiAssertions.assertErrorWithoutField;
import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.delegated.DelegatedWorld.Person;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** An account's own role groups through the delegated API; templates stay the realm admins' business. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class DelegatedRoleGroupsIT {

    @InjectRealm(ref = "dlg-role-groups", config = DelegatedWorld.Realm.class)
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

    private static Map<String, Object> group(String owner, String name, List<String> permissions) {
        Map<String, Object> body = new HashMap<>();
        body.put("ownerNodeId", owner);
        body.put("name", name);
        body.put("permissions", permissions);
        return body;
    }

    private List<String> ownedByA() {
        return w.admin.get("role-groups?ownerNodeId=" + w.accountA).expect(200).ids();
    }

    @Test
    void anAccountsGroupsAreVisibleOnlyInsideIt() {
        List<String> atStoreA1 = w.as(w.storeManagerA1).get("role-groups?visibleAt=" + w.storeA1).expect(200).ids();
        assertThat(atStoreA1).contains(w.groupA, w.employeeGroup, w.accountAdminGroup).doesNotContain(w.groupB, w.groupF);
        List<String> atStoreB = w.as(w.adminB).get("role-groups?visibleAt=" + w.storeB).expect(200).ids();
        assertThat(atStoreB).contains(w.groupB, w.employeeGroup).doesNotContain(w.groupA, w.groupF);
        // the same answer the admin API gives for what can be granted there
        assertThat(atStoreA1).containsExactlyInAnyOrderElementsOf(
                w.admin.get("role-groups?visibleAt=" + w.storeA1).expect(200).ids());
        assertFieldError(w.as(w.adminA).get("role-groups?visibleAt=" + w.storeB), 404, "not_found", "visibleAt");
        // without a node: the realm's templates, readable by every manager
        assertThat(w.as(w.adminA).get("role-groups").expect(200).ids()).contains(w.employeeGroup).doesNotContain(w.groupA);
    }

    @Test
    void aManagerCreatesEditsAndDeletesTheirAccountsGroups() {
        BranchkeyApi manager = w.as(w.adminA);
        String name = DelegatedWorld.name("Cashiers");
        JsonNode created = manager.post("role-groups", group(w.accountA, name, List.of("register.access"))).expect(201).json();
        String id = created.get("id").asText();
        assertThat(created.get("ownerNodeId").asText()).isEqualTo(w.accountA);
        assertThat(strings(created.get("permissions"))).containsExactly("register.access");
        assertThat(ownedByA()).contains(id);

        Map<String, Object> update = group(null, name + " and stock", EMPLOYEE_KEYS);
        update.remove("ownerNodeId");
        JsonNode updated = manager.put("role-groups/" + id, update).expect(200).json();
        assertThat(strings(updated.get("permissions"))).containsExactlyInAnyOrderElementsOf(EMPLOYEE_KEYS);
        assertThat(strings(w.admin.get("role-groups/" + id).expect(200).json().get("permissions")))
                .containsExactlyInAnyOrderElementsOf(EMPLOYEE_KEYS);
        invalid(manager.put("role-groups/" + id, group(w.accountB, name, EMPLOYEE_KEYS)), "ownerNodeId");

        // a granted group cannot go; once the grant is revoked it can
        Person cashier = w.person("cashier", w.accountA, w.storeA1);
        String grant = manager.post("grants", grantBody(cashier.id(), w.storeA1, id)).expect(201).id();
        assertFieldError(manager.delete("role-groups/" + id), 409, "conflict", "id");
        manager.delete("grants/" + grant).expect(204);
        manager.delete("role-groups/" + id).expect(204);
        assertThat(ownedByA()).doesNotContain(id);
    }

    @Test
    void aGroupWithPermissionsTheCallerLacksIsRefusedAndAudited() {
        BranchkeyApi manager = w.as(w.adminA);
        String name = DelegatedWorld.name("Reporting");
        List<String> before = ownedByA();
        assertErrorWithoutField(manager.post("role-groups", group(w.accountA, name,
                List.of("register.access", DelegatedWorld.UNHELD_KEY))), 403, "forbidden");
        assertThat(ownedByA()).isEqualTo(before);

        String id = manager.post("role-groups", group(w.accountA, DelegatedWorld.name("Tills"), List.of("register.access")))
                .expect(201).id();
        Map<String, Object> widen = group(w.accountA, "Tills and reports", List.of("register.access", DelegatedWorld.UNHELD_KEY));
        assertErrorWithoutField(manager.put("role-groups/" + id, widen), 403, "forbidden");
        assertThat(strings(w.admin.get("role-groups/" + id).expect(200).json().get("permissions"))).containsExactly("register.access");

        List<JsonNode> refused = w.adminAudit("nodeId=" + w.accountA).stream()
                .filter(e -> e.get("outcome").asText().equals("REFUSED")).toList();
        assertThat(refused).extracting(e -> e.get("action").asText()).contains("ROLE_GROUP_CREATE", "ROLE_GROUP_UPDATE");
        assertThat(refused).allSatisfy(e -> assertThat(e.get("actorId").asText()).isEqualTo(w.adminA.id()));
    }

    @Test
    void templatesCannotBeChangedThroughTheDelegatedApi() {
        JsonNode before = w.admin.get("role-groups/" + w.employeeGroup).expect(200).json();
        BranchkeyApi manager = w.as(w.adminA);
        Map<String, Object> rename = Map.of("name", "Hijacked", "permissions", EMPLOYEE_KEYS);
        // templates are readable by every manager, changed by realm admins only
        manager.get("role-groups/" + w.employeeGroup).expect(200);
        assertError(manager.put("role-groups/" + w.employeeGroup, rename), 403, "forbidden");
        assertError(manager.delete("role-groups/" + w.employeeGroup), 403, "forbidden");
        assertThat(w.admin.get("role-groups/" + w.employeeGroup).expect(200).json()).isEqualTo(before);
        // a group without owner is a template: creating one needs an owner
        assertError(manager.post("role-groups", Map.of("name", "Template?", "permissions", EMPLOYEE_KEYS)), 403, "forbidden");
    }

    @Test
    void changingAGroupNeedsTheRightAtTheOwningAccount() {
        // a store manager works below account A; its groups are not theirs to change, and A itself is out of reach
        assertFieldError(w.as(w.storeManagerA1).post("role-groups", group(w.accountA, "Mine", EMPLOYEE_KEYS)),
                404, "not_found", "ownerNodeId");
        assertFieldError(w.as(w.storeManagerA1).put("role-groups/" + w.groupA, Map.of("name", "Mine", "permissions", EMPLOYEE_KEYS)),
                404, "not_found", "id");
        // inside the account without the rights
        Person creatorOnly = w.person("creator-only", w.accountA);
        w.grant(creatorOnly, w.accountA, w.template("Group creator", DelegatedWorld.concat(List.of("role-groups.create"), EMPLOYEE_KEYS)));
        String mine = w.as(creatorOnly).post("role-groups", group(w.accountA, DelegatedWorld.name("Mine"), EMPLOYEE_KEYS)).expect(201).id();
        assertErrorWithoutField(w.as(creatorOnly).put("role-groups/" + mine, Map.of("name", "Renamed", "permissions", EMPLOYEE_KEYS)),
                403, "forbidden");
        assertErrorWithoutField(w.as(creatorOnly).delete("role-groups/" + mine), 403, "forbidden");
        assertThat(ownedByA()).contains(mine);
        // foreign groups are unknown
        assertFieldError(w.as(w.adminA).delete("role-groups/" + w.groupF), 404, "not_found", "id");
    }

    @Test
    void badGroupInputIsABadRequestNamingTheField() {
        BranchkeyApi manager = w.as(w.adminA);
        List<String> before = ownedByA();
        invalid(manager.post("role-groups", group(w.regionA1, "Regional", EMPLOYEE_KEYS)), "ownerNodeId");
        invalid(manager.post("role-groups", group(w.accountA, "Typos", List.of("register.acces"))), "permissions");
        invalid(manager.post("role-groups", group(w.accountA, " ", EMPLOYEE_KEYS)), "name");
        invalid(manager.post("role-groups", group(w.accountA, "No list", null)), "permissions");
        invalid(manager.post("role-groups", "{\"ownerNodeId\":\"" + w.accountA + "\",\"name\":\"x\",\"permissions\":\"register.access\"}"), "permissions");
        assertFieldError(manager.post("role-groups", group(w.accountA, w.admin.get("role-groups/" + w.groupA).expect(200)
                .json().get("name").asText(), EMPLOYEE_KEYS)), 409, "conflict", "name");
        assertThat(ownedByA()).isEqualTo(before);
    }
}
