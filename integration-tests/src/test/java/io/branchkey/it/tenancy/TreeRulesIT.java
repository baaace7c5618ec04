package io.branchkey.it.tenancy;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.ApiAssertions;
import io.branchkey.it.support.Tree;

import static io.branchkey.it.support.ApiAssertions.assertErrorWithoutField;
import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.BranchkeyServerConfig;
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

/** The structural rules: which kind goes where, leaves, cycles, deleting non-leaves, and what a move does. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class TreeRulesIT {

    private static final List<String> KINDS = List.of("PARTNER", "ACCOUNT", "REGION", "LOCATION");

    /** Allowed parents per kind, from the contract's table; "ROOT" means no parent. */
    private static final Map<String, List<String>> ALLOWED_PARENTS = Map.of(
            "PARTNER", List.of("ROOT"),
            "ACCOUNT", List.of("ROOT", "PARTNER"),
            "REGION", List.of("ACCOUNT", "REGION"),
            "LOCATION", List.of("ACCOUNT", "REGION"));

    @InjectRealm(config = RulesRealm.class)
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

    /** One node of each kind, in a chain PARTNER > ACCOUNT > REGION > LOCATION, as possible parents. */
    private Map<String, String> parentsOfEachKind(String label) {
        String partner = tree.partner(label + " Partner");
        String account = tree.account(partner, label + " Account");
        String region = tree.region(account, label + " Region");
        String location = tree.location(region, label + " Location");
        return Map.of("PARTNER", partner, "ACCOUNT", account, "REGION", region, "LOCATION", location);
    }

    @Test
    void createFollowsTheKindTable() {
        Map<String, String> parents = parentsOfEachKind("Create");
        List<String> failures = new ArrayList<>();
        for (String kind : KINDS) {
            for (String parentKind : List.of("ROOT", "PARTNER", "ACCOUNT", "REGION", "LOCATION")) {
                String parentId = parentKind.equals("ROOT") ? null : parents.get(parentKind);
                boolean allowed = ALLOWED_PARENTS.get(kind).contains(parentKind);
                long before = parentId == null ? -1 : tree.count(parentId);
                int rootsBefore = api.get("nodes/roots?max=1000").expect(200).ids().size();

                ApiResponse response = api.post("nodes", kind.equals("LOCATION")
                        ? Tree.locationBody(parentId, kind + " under " + parentKind)
                        : Tree.body(kind, parentId, kind + " under " + parentKind));

                if (allowed) {
                    if (response.status() != 201) {
                        failures.add(kind + " under " + parentKind + ": expected 201, got " + response.describe());
                    } else {
                        JsonNode node = response.json();
                        assertThat(node.path("parentId").asText(null)).isEqualTo(parentId);
                    }
                } else {
                    if (response.status() != 400) {
                        failures.add(kind + " under " + parentKind + ": expected 400, got " + response.describe());
                    } else {
                        invalid(response, "parentId");
                        if (parentId != null) {
                            assertThat(tree.count(parentId)).as("nothing created below the parent").isEqualTo(before);
                        }
                        assertThat(api.get("nodes/roots?max=1000").expect(200).ids()).as("no new root").hasSize(rootsBefore);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void moveFollowsTheKindTable() {
        Map<String, String> parents = parentsOfEachKind("Move Target");
        List<String> failures = new ArrayList<>();
        for (String kind : KINDS) {
            for (String parentKind : List.of("ROOT", "PARTNER", "ACCOUNT", "REGION", "LOCATION")) {
                // a fresh node of this kind at a legal place, then try to move it
                Map<String, String> home = parentsOfEachKind("Home " + kind + " " + parentKind);
                String legalParent = ALLOWED_PARENTS.get(kind).get(0).equals("ROOT") ? null : home.get(ALLOWED_PARENTS.get(kind).get(0));
                String id = tree.node(kind, legalParent, kind + " moving to " + parentKind);
                JsonNode before = tree.get(id);

                String target = parentKind.equals("ROOT") ? null : parents.get(parentKind);
                boolean allowed = ALLOWED_PARENTS.get(kind).contains(parentKind);
                ApiResponse response = tree.move(id, target);
                if (allowed) {
                    if (response.status() != 200) {
                        failures.add(kind + " to " + parentKind + ": expected 200, got " + response.describe());
                    } else {
                        assertThat(response.json().path("parentId").asText(null)).isEqualTo(target);
                        assertThat(tree.get(id).path("parentId").asText(null)).isEqualTo(target);
                    }
                } else {
                    if (response.status() != 400) {
                        failures.add(kind + " to " + parentKind + ": expected 400, got " + response.describe());
                    } else {
                        invalid(response, "parentId");
                        assertThat(tree.get(id)).as("not moved").isEqualTo(before);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aLocationIsALeaf() {
        String account = tree.account(null, "Leaf Account");
        String location = tree.location(account, "Leaf");
        String region = tree.region(account, "Leaf Sibling Region");
        String other = tree.location(account, "Leaf Sibling");
        for (String kind : KINDS) {
            invalid(api.post("nodes", kind.equals("LOCATION") ? Tree.locationBody(location, "Below Leaf")
                    : Tree.body(kind, location, "Below Leaf")), "parentId");
        }
        invalid(tree.move(region, location), "parentId");
        invalid(tree.move(other, location), "parentId");
        assertThat(tree.count(location)).isZero();
        assertThat(tree.childrenIds(location)).isEmpty();
    }

    @Test
    void aMoveIntoTheOwnSubtreeIsAConflict() {
        String account = tree.account(null, "Cycle Account");
        String r1 = tree.region(account, "Cycle R1");
        String r2 = tree.region(r1, "Cycle R2");
        String r3 = tree.region(r2, "Cycle R3");
        Map<String, JsonNode> before = snapshot(account, r1, r2, r3);

        assertFieldError(tree.move(r1, r1), 409, "conflict", "parentId");
        assertFieldError(tree.move(r1, r2), 409, "conflict", "parentId");
        assertFieldError(tree.move(r1, r3), 409, "conflict", "parentId");
        assertFieldError(tree.move(r2, r3), 409, "conflict", "parentId");

        assertThat(snapshot(account, r1, r2, r3)).as("nothing changed").isEqualTo(before);
        assertThat(tree.ancestorIds(r3)).containsExactly(account, r1, r2);
        assertThat(tree.count(account)).isEqualTo(3);
    }

    @Test
    void movingToTheCurrentParentChangesNothing() {
        String account = tree.account(null, "Same Parent Account");
        String region = tree.region(account, "Same Parent Region");
        String location = tree.location(region, "Same Parent Store");
        JsonNode moved = tree.move(region, account).expect(200).json();
        assertThat(moved.get("id").asText()).isEqualTo(region);
        assertThat(moved.get("parentId").asText()).isEqualTo(account);
        assertThat(moved.get("depth").asInt()).isEqualTo(1);
        assertThat(tree.ancestorIds(location)).containsExactly(account, region);
    }

    @Test
    void deletingANodeWithChildrenNeedsCascade() {
        String account = tree.account(null, "Refuse Delete Account");
        String region = tree.region(account, "Refuse Delete Region");
        String location = tree.location(region, "Refuse Delete Store");
        Map<String, JsonNode> before = snapshot(account, region, location);

        assertErrorWithoutField(api.delete("nodes/" + account), 409, "conflict");
        assertErrorWithoutField(api.delete("nodes/" + account + "?cascade=false"), 409, "conflict");
        assertErrorWithoutField(api.delete("nodes/" + region), 409, "conflict");
        assertThat(snapshot(account, region, location)).as("nothing deleted").isEqualTo(before);
        assertThat(tree.count(account)).isEqualTo(2);

        api.delete("nodes/" + region + "?cascade=true").expect(204);
        ApiAssertions.notFound(api.get("nodes/" + region));
        ApiAssertions.notFound(api.get("nodes/" + location));
        assertThat(tree.count(account)).isZero();
        // now a leaf: deletable without cascade
        api.delete("nodes/" + account).expect(204);
        ApiAssertions.notFound(api.get("nodes/" + account));
    }

    @Test
    void aMoveCarriesTheWholeSubtreeKeepsIdsAndFixesDepthsAndAncestors() {
        String a1 = tree.account(null, "Move A1");
        String r1 = tree.region(a1, "Move R1");
        String r2 = tree.region(r1, "Move R2");
        String l1 = tree.location(r2, "Move L1");
        String l2 = tree.location(r1, "Move L2");
        String partner = tree.partner("Move Partner");
        String a2 = tree.account(partner, "Move A2");
        String r3 = tree.region(a2, "Move R3");
        JsonNode l1Before = tree.get(l1);

        JsonNode moved = tree.move(r1, r3).expect(200).json();
        assertThat(moved.get("id").asText()).isEqualTo(r1);
        assertThat(moved.get("parentId").asText()).isEqualTo(r3);
        assertThat(moved.get("depth").asInt()).isEqualTo(3);
        assertThat(moved.get("name").asText()).isEqualTo("Move R1");

        // ids stable, attributes untouched, depths shifted
        JsonNode l1After = tree.get(l1);
        assertThat(l1After.get("id").asText()).isEqualTo(l1);
        assertThat(l1After.get("code")).isEqualTo(l1Before.get("code"));
        assertThat(l1After.get("parentId").asText()).isEqualTo(r2);
        assertThat(tree.get(r1).get("depth").asInt()).isEqualTo(3);
        assertThat(tree.get(r2).get("depth").asInt()).isEqualTo(4);
        assertThat(l1After.get("depth").asInt()).isEqualTo(5);
        assertThat(tree.get(l2).get("depth").asInt()).isEqualTo(4);

        // ancestors and depth agree
        assertThat(tree.ancestorIds(l1)).containsExactly(partner, a2, r3, r1, r2);
        assertThat(tree.ancestorIds(l2)).containsExactly(partner, a2, r3, r1);
        assertThat(api.get("nodes/" + l1 + "/ancestors").expect(200).elements())
                .extracting(n -> n.get("depth").asInt()).containsExactly(0, 1, 2, 3, 4);

        // subtrees followed the move
        assertThat(tree.subtreeIds(a1, "")).isEmpty();
        assertThat(tree.count(a1)).isZero();
        assertThat(tree.subtreeIds(a2, "")).containsExactly(r3, r1, l2, r2, l1);
        assertThat(tree.count(a2)).isEqualTo(5);
        assertThat(tree.count(partner)).isEqualTo(6);
        assertThat(tree.subtreeIds(r3, "?maxDepth=1")).containsExactly(r1);
        assertThat(tree.subtreeIds(r3, "?maxDepth=2")).containsExactly(r1, l2, r2);
        assertThat(tree.childrenIds(r3)).containsExactly(r1);
        assertThat(api.get("nodes?kind=LOCATION&q=move%20l").expect(200).elements())
                .extracting(n -> n.get("depth").asInt()).containsExactly(4, 5);

        // and back up: the account leaves its partner and becomes a root
        tree.move(a2, null).expect(200);
        assertThat(tree.get(a2).get("depth").asInt()).isZero();
        assertThat(tree.get(l1).get("depth").asInt()).isEqualTo(4);
        assertThat(tree.ancestorIds(l1)).containsExactly(a2, r3, r1, r2);
        assertThat(tree.count(partner)).isZero();
        assertThat(api.get("nodes/roots?max=1000").expect(200).ids()).contains(a2, partner, a1);

        // moving a location between regions
        tree.move(l1, r3).expect(200);
        assertThat(tree.ancestorIds(l1)).containsExactly(a2, r3);
        assertThat(tree.get(l1).get("depth").asInt()).isEqualTo(2);
        assertThat(tree.count(r2)).isZero();
    }

    @Test
    void moveToOrOfAnUnknownNodeIsNotFound() {
        String account = tree.account(null, "Unknown Move Account");
        String region = tree.region(account, "Unknown Move Region");
        JsonNode before = tree.get(region);
        assertFieldError(tree.move(region, Tree.randomId()), 404, "not_found", "parentId");
        assertThat(tree.get(region)).isEqualTo(before);
        ApiAssertions.notFound(tree.move(Tree.randomId(), account));
    }

    @Test
    void createBelowAnUnknownParentIsNotFoundAndCreatesNothing() {
        int before = api.get("nodes?max=1000").expect(200).ids().size();
        assertFieldError(api.post("nodes", Tree.body("REGION", Tree.randomId(), "Orphan")), 404, "not_found", "parentId");
        assertThat(api.get("nodes?max=1000").expect(200).ids()).hasSize(before);
    }

    private Map<String, JsonNode> snapshot(String... ids) {
        Map<String, JsonNode> nodes = new java.util.LinkedHashMap<>();
        for (String id : ids) {
            nodes.put(id, tree.get(id));
        }
        return nodes;
    }

    public static class RulesRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-rules");
        }
    }
}
