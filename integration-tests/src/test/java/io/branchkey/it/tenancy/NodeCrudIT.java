package io.branchkey.it.tenancy;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.ApiAssertions;
import io.branchkey.it.support.Tree;

import static io.branchkey.it.support.ApiAssertions.conflict;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * Create, read, update and delete of single nodes, and the per-node listings (children, subtree, ancestors,
 * by-code). Each test builds its own subtree, so the tests do not depend on each other.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class NodeCrudIT {

    @InjectRealm(config = CrudRealm.class)
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
    void createsEveryKindAndReadsItBack() {
        long before = System.currentTimeMillis();

        JsonNode partner = created(api.post("nodes", Tree.body("PARTNER", null, "Crud Partner")));
        assertNode(partner, "PARTNER", null, "Crud Partner", 0);

        JsonNode managed = created(api.post("nodes", Tree.body("ACCOUNT", partner.get("id").asText(), "Managed Account")));
        assertNode(managed, "ACCOUNT", partner.get("id").asText(), "Managed Account", 1);

        String accountCode = Tree.uniqueCode("ACC");
        JsonNode standalone = created(api.post("nodes", Tree.body("ACCOUNT", null, "Standalone Account").put("code", accountCode)));
        assertNode(standalone, "ACCOUNT", null, "Standalone Account", 0);
        assertThat(standalone.path("code").asText()).isEqualTo(accountCode);

        JsonNode region = created(api.post("nodes", Tree.body("REGION", managed.get("id").asText(), "West")));
        assertNode(region, "REGION", managed.get("id").asText(), "West", 2);

        JsonNode subRegion = created(api.post("nodes", Tree.body("REGION", region.get("id").asText(), "Colorado")));
        assertNode(subRegion, "REGION", region.get("id").asText(), "Colorado", 3);

        String code = Tree.uniqueCode("GW-DT");
        ObjectNode locationBody = Tree.body("LOCATION", subRegion.get("id").asText(), "Downtown Store")
                .put("code", code).put("status", "SUSPENDED").put("timezone", "America/Denver");
        locationBody.set("address", address("1600 Market St", "Suite 4", "Denver", "CO", "80202", "US"));
        locationBody.putObject("externalIds").put("licenseNumber", "402R-00123").put("posId", "POS-77");
        JsonNode location = created(api.post("nodes", locationBody));
        assertNode(location, "LOCATION", subRegion.get("id").asText(), "Downtown Store", 4);
        assertThat(location.path("code").asText()).isEqualTo(code);
        assertThat(location.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(location.path("timezone").asText()).isEqualTo("America/Denver");
        assertThat(location.get("address")).isEqualTo(locationBody.get("address"));
        assertThat(location.get("externalIds")).isEqualTo(locationBody.get("externalIds"));

        // A standalone location under an account directly is fine as well.
        JsonNode direct = created(api.post("nodes", Tree.locationBody(standalone.get("id").asText(), "Direct Store")));
        assertNode(direct, "LOCATION", standalone.get("id").asText(), "Direct Store", 1);

        long after = System.currentTimeMillis();
        for (JsonNode node : List.of(partner, managed, standalone, region, subRegion, location, direct)) {
            assertThat(node.path("createdAt").asLong()).as("createdAt of %s", node).isBetween(before - 5_000, after + 5_000);
            assertThat(node.path("updatedAt").asLong()).as("updatedAt of %s", node).isGreaterThanOrEqualTo(node.path("createdAt").asLong());
            // Reading it back shows exactly what create answered.
            assertThat(tree.get(node.get("id").asText())).isEqualTo(node);
        }
    }

    @Test
    void theLocationHeaderPointsAtTheNewNode() {
        ApiResponse response = api.post("nodes", Tree.body("ACCOUNT", null, "Located")).expect(201);
        String id = response.id();
        String location = response.header("Location").orElse(null);
        assertThat(location).as("Location header").isNotNull()
                .endsWith("/admin/realms/" + realm.getName() + "/branchkey/nodes/" + id);
        assertThat(api.getUrl(location).expect(200).json()).isEqualTo(response.json());
    }

    @Test
    void readOnlyFieldsAreIgnoredOnCreate() {
        String fakeId = Tree.randomId();
        ObjectNode body = Tree.body("ACCOUNT", null, "Read Only Fields")
                .put("id", fakeId).put("depth", 7).put("createdAt", 1L).put("updatedAt", 2L);
        JsonNode node = api.post("nodes", body).expect(201).json();
        assertThat(node.get("id").asText()).isNotEqualTo(fakeId);
        assertThat(node.get("depth").asInt()).isZero();
        assertThat(node.get("createdAt").asLong()).isGreaterThan(1_000_000_000_000L);
        notFound(api.get("nodes/" + fakeId));
    }

    @Test
    void updateReplacesTheAttributesAndKeepsIdentityAndPlace() throws InterruptedException {
        String account = tree.account(null, "Update Account");
        String region = tree.region(account, "Update Region");
        ObjectNode body = Tree.locationBody(region, "Before").put("timezone", "America/Denver");
        body.set("address", address("1 Old St", null, "Denver", "CO", "80202", "US"));
        body.putObject("externalIds").put("posId", "OLD");
        JsonNode original = tree.create(body);
        String id = original.get("id").asText();
        String oldCode = original.get("code").asText();
        Thread.sleep(5); // so that a new updatedAt can be told apart

        // What a client does: read the node, change it, put the whole representation back.
        ObjectNode changed = tree.get(id).deepCopy();
        String newCode = Tree.uniqueCode("NEW");
        changed.put("name", "After").put("code", newCode).put("status", "SUSPENDED").put("timezone", "Europe/Berlin");
        changed.set("address", address("2 New Rd", "Floor 3", "Berlin", "BE", "10115", "DE"));
        changed.putObject("externalIds").put("posId", "NEW").put("licenseNumber", "L-1");
        JsonNode updated = api.put("nodes/" + id, changed).expect(200).json();

        assertThat(updated.get("id").asText()).isEqualTo(id);
        assertThat(updated.get("kind").asText()).isEqualTo("LOCATION");
        assertThat(updated.get("parentId").asText()).isEqualTo(region);
        assertThat(updated.get("depth").asInt()).isEqualTo(original.get("depth").asInt());
        assertThat(updated.get("createdAt").asLong()).isEqualTo(original.get("createdAt").asLong());
        assertThat(updated.get("updatedAt").asLong()).isGreaterThan(original.get("updatedAt").asLong());
        assertThat(updated.get("name").asText()).isEqualTo("After");
        assertThat(updated.get("code").asText()).isEqualTo(newCode);
        assertThat(updated.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(updated.get("timezone").asText()).isEqualTo("Europe/Berlin");
        assertThat(updated.get("address")).isEqualTo(changed.get("address"));
        assertThat(updated.get("externalIds")).isEqualTo(changed.get("externalIds"));
        assertThat(tree.get(id)).isEqualTo(updated);

        notFound(api.get("nodes/by-code/" + oldCode));
        assertThat(api.get("nodes/by-code/" + newCode).expect(200).json()).isEqualTo(updated);
    }

    @Test
    void updateIsAReplaceOptionalAttributesLeftOutAreCleared() {
        String account = tree.account(null, "Replace Account");
        ObjectNode body = Tree.locationBody(account, "Full").put("timezone", "Europe/Berlin").put("status", "SUSPENDED");
        body.set("address", address("1 Main St", null, "Berlin", null, "10115", "DE"));
        body.putObject("externalIds").put("posId", "P-1");
        JsonNode node = tree.create(body);
        String id = node.get("id").asText();

        ObjectNode minimal = BranchkeyApi.JSON.createObjectNode()
                .put("kind", "LOCATION").put("name", "Minimal").put("code", node.get("code").asText());
        JsonNode updated = api.put("nodes/" + id, minimal).expect(200).json();

        assertThat(updated.get("name").asText()).isEqualTo("Minimal");
        assertThat(updated.get("status").asText()).as("status falls back to its default").isEqualTo("ACTIVE");
        assertThat(updated.path("timezone").isMissingNode() || updated.get("timezone").isNull()).as("timezone in %s", updated).isTrue();
        assertThat(isAbsentOrEmpty(updated.get("address"))).as("address in %s", updated).isTrue();
        assertThat(isAbsentOrEmpty(updated.get("externalIds"))).as("externalIds in %s", updated).isTrue();
        assertThat(tree.get(id)).isEqualTo(updated);
    }

    @Test
    void updateRefusesToChangeKindOrParent() {
        String account = tree.account(null, "Fixed Account");
        String other = tree.account(null, "Other Account");
        String region = tree.region(account, "Fixed Region");
        JsonNode before = tree.get(region);

        ObjectNode kindChange = before.deepCopy();
        kindChange.put("kind", "ACCOUNT");
        invalid(api.put("nodes/" + region, kindChange), "kind");

        ObjectNode parentChange = before.deepCopy();
        parentChange.put("parentId", other);
        invalid(api.put("nodes/" + region, parentChange), "parentId");

        assertThat(tree.get(region)).as("unchanged after refused updates").isEqualTo(before);
        assertThat(tree.childrenIds(other)).isEmpty();

        // parentId unchanged or absent is fine.
        ObjectNode same = before.deepCopy();
        same.put("name", "Fixed Region 2");
        assertThat(api.put("nodes/" + region, same).expect(200).json().get("parentId").asText()).isEqualTo(account);
        ObjectNode absent = Tree.body("REGION", null, "Fixed Region 3");
        JsonNode updated = api.put("nodes/" + region, absent).expect(200).json();
        assertThat(updated.get("parentId").asText()).isEqualTo(account);
        assertThat(updated.get("depth").asInt()).isEqualTo(1);
    }

    @Test
    void codesAreUniqueInTheRealm() {
        String account = tree.account(null, "Code Account");
        String code = Tree.uniqueCode("DUP");
        JsonNode first = tree.create(Tree.body("LOCATION", account, "First").put("code", code));
        long count = tree.count(account);

        ApiAssertions.assertFieldError(api.post("nodes", Tree.body("LOCATION", account, "Second").put("code", code)), 409, "conflict", "code");
        ApiAssertions.assertFieldError(api.post("nodes", Tree.body("REGION", account, "Region").put("code", code)), 409, "conflict", "code");
        assertThat(tree.count(account)).as("nothing created by refused creates").isEqualTo(count);

        JsonNode second = tree.create(Tree.locationBody(account, "Second"));
        ObjectNode steal = second.deepCopy();
        steal.put("code", code);
        ApiAssertions.assertFieldError(api.put("nodes/" + second.get("id").asText(), steal), 409, "conflict", "code");
        assertThat(tree.get(second.get("id").asText())).isEqualTo(second);

        // Keeping one's own code is not a conflict.
        ObjectNode keep = first.deepCopy();
        keep.put("name", "First Renamed");
        api.put("nodes/" + first.get("id").asText(), keep).expect(200);
    }

    @Test
    void findsANodeByCode() {
        String account = tree.account(null, "By Code Account");
        String code = "a.b_c-" + Tree.uniqueCode("9");
        JsonNode location = tree.create(Tree.body("LOCATION", account, "By Code").put("code", code));
        assertThat(api.get("nodes/by-code/" + code).expect(200).json()).isEqualTo(location);
        notFound(api.get("nodes/by-code/" + Tree.uniqueCode("NOPE")));
    }

    @Test
    void deletesALeafAndAWholeSubtreeOnlyWithCascade() {
        String account = tree.account(null, "Delete Account");
        String region = tree.region(account, "Delete Region");
        JsonNode l1 = tree.create(Tree.locationBody(region, "L1"));
        String l2 = tree.location(region, "L2");
        String l3 = tree.location(account, "L3");

        ApiResponse deleted = api.delete("nodes/" + l1.get("id").asText()).expect(204);
        assertThat(deleted.body()).isEmpty();
        notFound(api.get("nodes/" + l1.get("id").asText()));
        notFound(api.get("nodes/by-code/" + l1.get("code").asText()));
        assertThat(tree.childrenIds(region)).containsExactly(l2);
        api.delete("nodes/" + l3 + "?cascade=false").expect(204);
        assertThat(tree.count(account)).isEqualTo(2);

        api.delete("nodes/" + account + "?cascade=true").expect(204);
        for (String id : List.of(account, region, l2)) {
            notFound(api.get("nodes/" + id));
        }
        notFound(api.delete("nodes/" + account + "?cascade=true"));

        // The code of a deleted node is free again.
        String other = tree.account(null, "Delete Account 2");
        api.post("nodes", Tree.body("LOCATION", other, "Reuse").put("code", l1.get("code").asText())).expect(201);
    }

    @Test
    void childrenAreTheDirectChildrenOrderedByNameAndPaged() {
        String account = tree.account(null, "Children Account");
        String delta = tree.region(account, "Delta");
        String alpha = tree.region(account, "Alpha");
        String echo = tree.location(account, "Echo");
        String charlie = tree.region(account, "Charlie");
        String bravo = tree.location(account, "Bravo");
        tree.location(alpha, "Grandchild");

        assertThat(api.get("nodes/" + account + "/children").expect(200).ids()).containsExactly(alpha, bravo, charlie, delta, echo);
        assertThat(api.get("nodes/" + account + "/children?max=2").expect(200).ids()).containsExactly(alpha, bravo);
        assertThat(api.get("nodes/" + account + "/children?first=2&max=2").expect(200).ids()).containsExactly(charlie, delta);
        assertThat(api.get("nodes/" + account + "/children?first=4").expect(200).ids()).containsExactly(echo);
        assertThat(api.get("nodes/" + account + "/children?first=10").expect(200).ids()).isEmpty();
        assertThat(api.get("nodes/" + echo + "/children").expect(200).ids()).isEmpty();

        for (JsonNode child : api.get("nodes/" + account + "/children").expect(200).elements()) {
            assertThat(child.get("parentId").asText()).isEqualTo(account);
            assertThat(child.get("depth").asInt()).isEqualTo(1);
        }
    }

    @Test
    void subtreeListsAllDescendantsFilteredOrderedAndPaged() {
        String root = tree.account(null, "Subtree Root");
        String north = tree.region(root, "North");
        String storeAlphaCode = Tree.uniqueCode("SA");
        String storeAlpha = tree.create(Tree.body("LOCATION", north, "Store Alpha").put("code", storeAlphaCode)).get("id").asText();
        String northEast = tree.region(north, "North East");
        String storeBeta = tree.create(Tree.locationBody(northEast, "Store Beta").put("status", "SUSPENDED")).get("id").asText();
        String south = tree.create(Tree.body("REGION", root, "South").put("status", "SUSPENDED")).get("id").asText();
        String kiosk = tree.location(south, "Kiosk Gamma");

        // depth 1: North, South; depth 2: Kiosk Gamma, North East, Store Alpha; depth 3: Store Beta
        List<String> all = List.of(north, south, kiosk, northEast, storeAlpha, storeBeta);
        assertThat(tree.subtreeIds(root, "")).containsExactlyElementsOf(all);
        assertThat(tree.count(root)).isEqualTo(6);

        for (JsonNode node : api.get("nodes/" + root + "/subtree").expect(200).elements()) {
            assertThat(node.get("id").asText()).isNotEqualTo(root);
        }

        assertSubtree(root, "?kind=LOCATION", kiosk, storeAlpha, storeBeta);
        assertSubtree(root, "?kind=REGION", north, south, northEast);
        assertSubtree(root, "?status=SUSPENDED", south, storeBeta);
        assertSubtree(root, "?status=ACTIVE", north, kiosk, northEast, storeAlpha);
        assertSubtree(root, "?q=STORE", storeAlpha, storeBeta);
        assertSubtree(root, "?q=" + storeAlphaCode.substring(0, storeAlphaCode.length() - 1).toLowerCase(), storeAlpha);
        assertSubtree(root, "?q=orth", north, northEast);
        assertSubtree(root, "?q=nothing-like-this");
        assertSubtree(root, "?maxDepth=1", north, south);
        assertSubtree(root, "?maxDepth=2", north, south, kiosk, northEast, storeAlpha);
        assertSubtree(root, "?maxDepth=3", all.toArray(String[]::new));
        assertSubtree(root, "?kind=LOCATION&maxDepth=2", kiosk, storeAlpha);
        assertSubtree(root, "?kind=LOCATION&status=SUSPENDED&q=store", storeBeta);
        // maxDepth is relative to the node asked about
        assertSubtree(north, "?maxDepth=1", northEast, storeAlpha);
        assertSubtree(north, "", northEast, storeAlpha, storeBeta);

        assertThat(tree.subtreeIds(root, "?max=2")).containsExactly(north, south);
        assertThat(tree.subtreeIds(root, "?first=2&max=2")).containsExactly(kiosk, northEast);
        assertThat(tree.subtreeIds(root, "?first=5&max=2")).containsExactly(storeBeta);
        assertThat(tree.subtreeIds(root, "?first=6")).isEmpty();
        assertThat(tree.subtreeIds(root, "?kind=LOCATION&first=1&max=1")).containsExactly(storeAlpha);

        assertThat(tree.subtreeIds(storeBeta, "")).isEmpty();
        assertThat(tree.count(storeBeta)).isZero();
    }

    @Test
    void ancestorsRunFromTheRootDownToTheParent() {
        String partner = tree.partner("Ancestor Partner");
        String account = tree.account(partner, "Ancestor Account");
        String r1 = tree.region(account, "Ancestor R1");
        String r2 = tree.region(r1, "Ancestor R2");
        String location = tree.location(r2, "Ancestor Store");

        List<JsonNode> ancestors = api.get("nodes/" + location + "/ancestors").expect(200).elements();
        assertThat(ancestors).extracting(n -> n.get("id").asText()).containsExactly(partner, account, r1, r2);
        assertThat(ancestors).extracting(n -> n.get("depth").asInt()).containsExactly(0, 1, 2, 3);
        assertThat(ancestors.get(3)).isEqualTo(tree.get(r2));
        assertThat(tree.get(location).get("depth").asInt()).isEqualTo(4);
        assertThat(tree.ancestorIds(partner)).isEmpty();
        assertThat(tree.ancestorIds(account)).containsExactly(partner);
    }

    private void assertSubtree(String id, String query, String... expected) {
        assertThat(tree.subtreeIds(id, query)).as("subtree%s", query).containsExactly(expected);
        String countQuery = query.isEmpty() ? "" : query;
        assertThat(tree.count(id, countQuery)).as("subtree/count%s", query).isEqualTo(expected.length);
    }

    private static JsonNode created(ApiResponse response) {
        return response.expect(201).json();
    }

    private static void assertNode(JsonNode node, String kind, String parentId, String name, int depth) {
        assertThat(node.path("id").asText("")).as("id of %s", node).isNotBlank();
        assertThat(node.path("kind").asText()).as("kind of %s", node).isEqualTo(kind);
        if (parentId == null) {
            assertThat(node.path("parentId").isMissingNode() || node.get("parentId").isNull()).as("root %s", node).isTrue();
        } else {
            assertThat(node.path("parentId").asText()).as("parentId of %s", node).isEqualTo(parentId);
        }
        assertThat(node.path("name").asText()).as("name of %s", node).isEqualTo(name);
        assertThat(node.path("status").asText()).as("status of %s", node).isIn("ACTIVE", "SUSPENDED");
        if (!"LOCATION".equals(kind)) {
            assertThat(node.path("status").asText()).as("default status of %s", node).isEqualTo("ACTIVE");
        }
        assertThat(node.path("depth").asInt(-1)).as("depth of %s", node).isEqualTo(depth);
    }

    static ObjectNode address(String line1, String line2, String city, String region, String postalCode, String country) {
        ObjectNode address = BranchkeyApi.JSON.createObjectNode();
        putIfSet(address, "line1", line1);
        putIfSet(address, "line2", line2);
        putIfSet(address, "city", city);
        putIfSet(address, "region", region);
        putIfSet(address, "postalCode", postalCode);
        putIfSet(address, "country", country);
        return address;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static boolean isAbsentOrEmpty(JsonNode node) {
        return node == null || node.isNull() || node.isEmpty();
    }

    public static class CrudRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-crud");
        }
    }
}
