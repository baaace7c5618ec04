package io.branchkey.it.delegated;

import static io.branchkey.it.delegated.DelegatedWorld.EMPLOYEE_KEYS;
import static io.branchkey.it.delegated.DelegatedWorld.STORE_MANAGER_KEYS;
import static io.branchkey.it.delegated.DelegatedWorld.strings;
import static io.branchkey.it.support.ApiAssertions.assertError;
import static io.branchkey.it.support.ApiAssertions.assertErrorWithoutField;
import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.delegated.DelegatedWorld.Person;
import io.branchkey.it.support.ApiResponse;
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

/** What a delegated caller can see and where: reach is the subtrees of their grants, nothing above, nothing beside. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class DelegatedReachIT {

    @InjectRealm(ref = "dlg-reach", config = DelegatedWorld.Realm.class)
    ManagedRealm realm;

    @InjectRealm(ref = "dlg-reach-other", config = DelegatedWorld.Realm.class)
    ManagedRealm otherRealm;

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

    @Test
    void scopesListTheCallersGrantNodesWithWhatTheyHoldThere() {
        List<JsonNode> scopes = w.as(w.storeManagerA1).get("me/scopes").expect(200).elements();
        assertThat(scopes).hasSize(1);
        assertThat(scopes.get(0).at("/node/id").asText()).isEqualTo(w.storeA1);
        assertThat(scopes.get(0).at("/node/name").asText()).isEqualTo(w.names.get(w.storeA1));
        List<String> held = strings(scopes.get(0).get("permissions"));
        assertThat(held).containsAll(STORE_MANAGER_KEYS).doesNotContain("users.invite", "locations.create", "role-groups.create");

        List<JsonNode> employee = w.as(w.employeeA1).get("me/scopes").expect(200).elements();
        assertThat(employee).hasSize(1);
        assertThat(strings(employee.get(0).get("permissions"))).containsExactlyInAnyOrderElementsOf(EMPLOYEE_KEYS);

        assertThat(w.as(w.nobodyA).get("me/scopes").expect(200).elements()).isEmpty();
    }

    @Test
    void scopesShowEachGrantNodeOnceWithTheUnionHeldThere() {
        Person twoHats = w.person("two-hats", w.accountA, w.storeA1);
        w.grant(twoHats, w.storeA1, w.employeeGroup);
        w.grant(twoHats, w.storeA1, w.unheldGroup);
        w.grant(twoHats, w.regionA2, w.employeeGroup);

        Map<String, List<String>> scopes = new java.util.HashMap<>();
        w.as(twoHats).get("me/scopes").expect(200).elements()
                .forEach(s -> scopes.put(s.at("/node/id").asText(), strings(s.get("permissions"))));
        assertThat(scopes.keySet()).containsExactlyInAnyOrder(w.storeA1, w.regionA2);
        assertThat(scopes.get(w.storeA1)).containsExactlyInAnyOrderElementsOf(
                DelegatedWorld.concat(EMPLOYEE_KEYS, List.of(DelegatedWorld.UNHELD_KEY)));
        assertThat(scopes.get(w.regionA2)).containsExactlyInAnyOrderElementsOf(EMPLOYEE_KEYS);
    }

    @Test
    void anAccountManagerSeesTheWholeAccountAsTheAdminApiShowsIt() {
        BranchkeyApi manager = w.as(w.adminA);
        assertThat(manager.get("nodes/" + w.storeA1).expect(200).json()).isEqualTo(w.tree.get(w.storeA1));
        assertThat(manager.get("nodes/" + w.accountA + "/children").expect(200).ids())
                .containsExactlyInAnyOrder(w.regionA1, w.regionA2);
        // descendants, as the admin API lists them (other tests of this class add stores to A's regions)
        List<String> subtree = manager.get("nodes/" + w.accountA + "/subtree?max=1000").expect(200).ids();
        assertThat(subtree).containsExactlyElementsOf(w.tree.subtreeIds(w.accountA, "?max=1000"))
                .contains(w.regionA1, w.storeA1, w.regionA2, w.storeA2)
                .doesNotContain(w.accountA, w.partner, w.accountB, w.storeB, w.storeF);
        assertThat(manager.get("nodes/" + w.accountA + "/subtree?kind=LOCATION&max=1000").expect(200).ids())
                .containsExactlyElementsOf(w.tree.subtreeIds(w.accountA, "?kind=LOCATION&max=1000"))
                .contains(w.storeA1, w.storeA2).doesNotContain(w.regionA1);
    }

    @Test
    void aStoreManagerSeesTheirStoreAndNothingAboveOrBesideIt() {
        BranchkeyApi manager = w.as(w.storeManagerA1);
        assertThat(manager.get("nodes/" + w.storeA1).expect(200).json().get("name").asText()).isEqualTo(w.names.get(w.storeA1));
        assertThat(manager.get("nodes/" + w.storeA1 + "/children").expect(200).elements()).isEmpty();
        assertThat(manager.get("nodes/" + w.storeA1 + "/subtree").expect(200).elements()).isEmpty();
        for (String outside : List.of(w.regionA1, w.accountA, w.partner, w.storeA2, w.storeB, w.storeF)) {
            assertFieldError(manager.get("nodes/" + outside), 404, "not_found", "id");
            assertFieldError(manager.get("nodes/" + outside + "/children"), 404, "not_found", "id");
            assertFieldError(manager.get("nodes/" + outside + "/subtree"), 404, "not_found", "id");
        }
    }

    @Test
    void aNodeOutsideReachIsNotFoundExactlyLikeAnUnknownId() {
        BranchkeyApi manager = w.as(w.adminA);
        String unknown = Tree.randomId();
        for (String suffix : List.of("", "/children", "/subtree", "/users")) {
            ApiResponse forUnknown = manager.get("nodes/" + unknown + suffix);
            assertError(forUnknown, 404, "not_found");
            for (String outside : List.of(w.partner, w.accountB, w.storeB, w.accountF, w.storeF)) {
                ApiResponse forOutside = manager.get("nodes/" + outside + suffix);
                assertThat(forOutside.status()).as(forOutside.describe()).isEqualTo(404);
                // The same answer, word for word, once the id the caller sent is masked.
                assertThat(forOutside.body().replace(outside, "ID")).as(forOutside.describe())
                        .isEqualTo(forUnknown.body().replace(unknown, "ID"));
            }
        }
    }

    @Test
    void insideReachAMissingRightIsForbidden() {
        BranchkeyApi employee = w.as(w.employeeA1);
        employee.get("nodes/" + w.storeA1).expect(200);
        assertErrorWithoutField(employee.get("nodes/" + w.storeA1 + "/users"), 403, "forbidden");
        String before = w.tree.get(w.storeA1).toString();
        assertErrorWithoutField(employee.put("nodes/" + w.storeA1,
                Map.of("name", "Renamed by an employee", "code", w.codes.get(w.storeA1))), 403, "forbidden");
        assertThat(w.tree.get(w.storeA1).toString()).isEqualTo(before);
        assertErrorWithoutField(employee.get("audit?nodeId=" + w.storeA1), 403, "forbidden");
        // the message names the missing right, so a UI can explain it
        assertThat(w.as(w.storeManagerA1).post("nodes", Tree.locationBody(w.storeA1, "Kiosk")).json().get("message").asText())
                .contains("locations.create");
    }

    @Test
    void errorsAreJsonWithErrorMessageAndTheFieldAtFault() {
        BranchkeyApi manager = w.as(w.adminA);
        JsonNode notFound = assertFieldError(manager.get("nodes/" + Tree.randomId()), 404, "not_found", "id");
        assertThat(notFound.get("message").asText()).isNotBlank();
        invalid(manager.post("nodes", "{\"kind\":\"LOCATION\",\"parentId\":\"" + w.regionA1 + "\",\"nmae\":\"typo\"}"), "nmae");
        invalid(manager.post("nodes", "{not json"), null);
        invalid(manager.get("nodes/" + w.accountA + "/subtree?kind=PLANET"), "kind");
        invalid(manager.get("nodes/" + w.accountA + "/children?max=0"), "max");
        assertError(manager.post("nodes/" + w.regionA1 + "/move", "{}"), 403, "forbidden");
    }

    @Test
    void withoutAValidTokenOfThisRealmTheDelegatedApiIsUnauthorized() {
        String otherUserToken = otherRealmToken();
        for (String token : new String[] {null, "not-a-token", otherUserToken}) {
            BranchkeyApi caller = BranchkeyApi.delegated(urls, realm.getName(), token);
            for (String path : List.of("me/scopes", "nodes/" + w.storeA1, "users/" + w.employeeA1.id())) {
                ApiResponse response = caller.get(path);
                assertError(response, 401, "unauthorized");
                assertThat(response.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
            }
        }
        // the other realm's token is fine in its own realm
        BranchkeyApi.delegated(urls, otherRealm.getName(), otherUserToken).get("me/scopes").expect(200);
    }

    /** A user of the second realm (no tree there, just a person who can log in). */
    private String otherRealmToken() {
        DelegatedWorld other = DelegatedWorld.bare(otherRealm, urls, keycloak);
        return other.login(other.person("stranger", null)).access();
    }

    @Test
    void anAccountManagerCreatesAndRenamesNodesBelowWhatTheyManage() {
        BranchkeyApi manager = w.as(w.adminA);
        JsonNode created = manager.post("nodes", Tree.locationBody(w.regionA2, "Delegated Store")).expect(201).json();
        String id = created.get("id").asText();
        assertThat(created.get("parentId").asText()).isEqualTo(w.regionA2);
        assertThat(w.tree.get(id).get("name").asText()).isEqualTo("Delegated Store");

        JsonNode renamed = manager.put("nodes/" + id, Map.of("name", "Delegated Store Renamed", "code",
                created.get("code").asText())).expect(200).json();
        assertThat(renamed.get("name").asText()).isEqualTo("Delegated Store Renamed");
        assertThat(w.tree.get(id).get("name").asText()).isEqualTo("Delegated Store Renamed");

        // tree rules still apply and come back as 400s, not 500s
        invalid(manager.post("nodes", Tree.locationBody(id, "Store in a store")), "parentId");
        invalid(manager.put("nodes/" + id, Map.of("name", "x", "parentId", w.regionA1)), "parentId");
    }

    @Test
    void creatingAnAccountUnderAPartnerNeedsAccountsCreateNotLocationsCreate() {
        Person builder = w.person("location-builder", w.accountA);
        w.grant(builder, w.partner, w.template("Location builder", List.of("locations.create")));
        int before = w.tree.all().size();
        assertErrorWithoutField(w.as(builder).post("nodes", Tree.body("ACCOUNT", w.partner, "Not Allowed")), 403, "forbidden");
        assertThat(w.tree.all()).hasSize(before);

        Person opener = w.person("account-opener", w.accountA);
        w.grant(opener, w.partner, w.template("Account opener", List.of("accounts.create")));
        w.as(opener).post("nodes", Tree.body("ACCOUNT", w.partner, "Managed Account " + DelegatedWorld.hex())).expect(201);
    }

    @Test
    void creatingANodeBelowAForeignParentIsNotFoundAndCreatesNothing() {
        int before = w.tree.all().size();
        assertFieldError(w.as(w.adminA).post("nodes", Tree.locationBody(w.regionF, "Sneaky")), 404, "not_found", "parentId");
        // a node without parent would be a root: that is for realm admins
        assertError(w.as(w.adminA).post("nodes", Tree.body("REGION", null, "Orphan")), 403, "forbidden");
        assertThat(w.tree.all()).hasSize(before);
    }

    @Test
    void aMoveIsCheckedAtTheNodeAndAtTheNewParent() {
        // A mover holds locations.update in region A1 and only employee rights in region A2.
        Person mover = w.person("mover", w.accountA);
        String updater = w.template("Location updater", List.of("locations.update"));
        w.grant(mover, w.regionA1, updater);
        w.grant(mover, w.regionA2, w.employeeGroup);
        String store = w.store(w.regionA1, "Movable");
        String storeInA2 = w.store(w.regionA2, "Movable A2");
        BranchkeyApi api = w.as(mover);

        // target parent in reach but without the right: 403, nothing moved
        assertErrorWithoutField(api.post("nodes/" + store + "/move", Map.of("parentId", w.regionA2)), 403, "forbidden");
        assertThat(w.tree.get(store).get("parentId").asText()).isEqualTo(w.regionA1);
        // node in reach without the right, parent fine: 403 as well
        assertErrorWithoutField(api.post("nodes/" + storeInA2 + "/move", Map.of("parentId", w.regionA1)), 403, "forbidden");
        assertThat(w.tree.get(storeInA2).get("parentId").asText()).isEqualTo(w.regionA2);
        // parent outside reach: 404 naming parentId
        assertFieldError(api.post("nodes/" + store + "/move", Map.of("parentId", w.regionF)), 404, "not_found", "parentId");
        assertThat(w.tree.get(store).get("parentId").asText()).isEqualTo(w.regionA1);

        // with the right at both ends it moves
        w.grant(mover, w.regionA2, updater);
        JsonNode moved = w.as(mover).post("nodes/" + store + "/move", Map.of("parentId", w.regionA2)).expect(200).json();
        assertThat(moved.get("parentId").asText()).isEqualTo(w.regionA2);
        assertThat(w.tree.get(store).get("parentId").asText()).isEqualTo(w.regionA2);
    }
}
