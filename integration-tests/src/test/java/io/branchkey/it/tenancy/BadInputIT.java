package io.branchkey.it.tenancy;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.ApiAssertions;
import io.branchkey.it.support.Tree;
import io.branchkey.it.support.TestUsers;

import static io.branchkey.it.support.ApiAssertions.assertErrorWithoutField;
import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.assertFieldErrorStartingWith;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
 * Everything a client can get wrong: malformed and mistyped bodies, broken field rules, unknown ids (also ids of
 * another realm), bad query parameters. Each must be a 4xx with the contract's error body, never a 500, and must
 * leave nothing behind.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class BadInputIT {

    @InjectRealm(ref = "bad", config = BadRealm.class)
    ManagedRealm realm;

    @InjectRealm(ref = "other", config = OtherRealm.class)
    ManagedRealm otherRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;
    Tree tree;
    /** A fresh account per test: bad creates go below it, so its subtree count shows whether anything was written. */
    String root;

    @BeforeEach
    void client() {
        api = BranchkeyApi.asAdmin(urls, admin, realm.getName());
        tree = new Tree(api);
        root = tree.account(null, "Bad Input Root " + Tree.uniqueCode("R"));
    }

    @Test
    void malformedJsonIsABadRequestWithoutField() {
        List<String> bodies = List.of(
                "{\"kind\": \"REGION\", \"parentId\": \"" + "%s" + "\", \"name\": ",
                "{kind: REGION, name: 'x'}",
                "not json at all",
                "{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\"}}",
                "{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\"} {\"kind\": \"REGION\"}",
                "[]",
                "[{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\"}]",
                "\"REGION\"",
                "42",
                "null",
                "");
        for (String template : bodies) {
            String body = template.replace("%s", root);
            refused(() -> api.post("nodes", body), response -> assertErrorWithoutField(response, 400, "invalid_request"));
        }

        String region = tree.region(root, "Malformed Target");
        JsonNode before = tree.get(region);
        assertErrorWithoutField(api.put("nodes/" + region, "{\"kind\": \"REGION\", \"name\": "), 400, "invalid_request");
        assertErrorWithoutField(api.put("nodes/" + region, ""), 400, "invalid_request");
        assertErrorWithoutField(api.post("nodes/" + region + "/move", "{\"parentId\": "), 400, "invalid_request");
        assertErrorWithoutField(api.post("nodes/" + region + "/move", "[]"), 400, "invalid_request");
        assertThat(tree.get(region)).isEqualTo(before);

        String userId = TestUsers.create(realm, TestUsers.uniqueName("malformed"));
        assertErrorWithoutField(api.put("users/" + userId + "/home-account", "{\"nodeId\": "), 400, "invalid_request");
        assertThat(ApiAssertions.nullOrAbsent(api.get("users/" + userId + "/tenancy").expect(200).json(), "homeAccountId")).isTrue();
    }

    @Test
    void wrongJsonTypesNameTheField() {
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": 42}", "name");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": true}", "name");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": {\"text\": \"x\"}}", "name");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": [\"x\"]}", "name");
        refusedCreate("{\"kind\": 2, \"parentId\": \"%s\", \"name\": \"x\"}", "kind");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": 17, \"name\": \"x\"}", "parentId");
        refusedCreate("{\"kind\": \"LOCATION\", \"parentId\": \"%s\", \"name\": \"x\", \"code\": 123}", "code");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"status\": true}", "status");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"timezone\": 1}", "timezone");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"address\": \"1600 Market St\"}", "address");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"address\": [\"a\"]}", "address");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"externalIds\": [\"a\"]}", "externalIds");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"externalIds\": \"a\"}", "externalIds");
        refusedCreateNested("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"address\": {\"city\": 5}}", "address");
        refusedCreateNested("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"externalIds\": {\"posId\": 5}}", "externalIds");
        refusedCreateNested("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"externalIds\": {\"posId\": {\"a\": 1}}}", "externalIds");

        String region = tree.region(root, "Typed Target");
        JsonNode before = tree.get(region);
        invalid(api.put("nodes/" + region, "{\"kind\": \"REGION\", \"name\": 42}"), "name");
        invalid(api.put("nodes/" + region, "{\"kind\": \"REGION\", \"name\": \"x\", \"address\": \"Main St\"}"), "address");
        invalid(api.post("nodes/" + region + "/move", "{\"parentId\": 5}"), "parentId");
        invalid(api.post("nodes/" + region + "/move", "{\"parentId\": [\"" + root + "\"]}"), "parentId");
        assertThat(tree.get(region)).isEqualTo(before);

        String userId = TestUsers.create(realm, TestUsers.uniqueName("typed"));
        invalid(api.put("users/" + userId + "/home-account", "{\"nodeId\": 5}"), "nodeId");
    }

    @Test
    void unknownFieldsAreRefused() {
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"colour\": \"red\"}", "colour");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"Name\": \"y\"}", "Name");
        refusedCreateNested("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"address\": {\"street\": \"Main St\"}}", "address");

        String region = tree.region(root, "Unknown Field Target");
        JsonNode before = tree.get(region);
        invalid(api.put("nodes/" + region, "{\"kind\": \"REGION\", \"name\": \"y\", \"colour\": \"red\"}"), "colour");
        invalid(api.post("nodes/" + region + "/move", "{\"parentId\": \"" + root + "\", \"position\": 1}"), "position");
        assertThat(tree.get(region)).isEqualTo(before);

        String userId = TestUsers.create(realm, TestUsers.uniqueName("unknown-field"));
        invalid(api.put("users/" + userId + "/home-account", "{\"nodeId\": \"" + root + "\", \"primary\": true}"), "primary");
        assertThat(ApiAssertions.nullOrAbsent(api.get("users/" + userId + "/tenancy").expect(200).json(), "homeAccountId")).isTrue();
    }

    @Test
    void missingOrInvalidRequiredFields() {
        refusedCreate("{\"parentId\": \"%s\", \"name\": \"x\"}", "kind");
        refusedCreate("{\"kind\": null, \"parentId\": \"%s\", \"name\": \"x\"}", "kind");
        refusedCreate("{\"kind\": \"CITY\", \"parentId\": \"%s\", \"name\": \"x\"}", "kind");
        refusedCreate("{\"kind\": \"\", \"parentId\": \"%s\", \"name\": \"x\"}", "kind");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\"}", "name");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": null}", "name");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"\"}", "name");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"   \\t \"}", "name");
        refusedCreate("{\"kind\": \"LOCATION\", \"parentId\": \"%s\", \"name\": \"x\"}", "code");
        refusedCreate("{\"kind\": \"LOCATION\", \"parentId\": \"%s\", \"name\": \"x\", \"code\": \"\"}", "code");
        refusedCreate("{\"kind\": \"REGION\", \"parentId\": \"%s\", \"name\": \"x\", \"status\": \"DELETED\"}", "status");
        refusedCreate("{}", "kind");

        String region = tree.region(root, "Required Target");
        JsonNode before = tree.get(region);
        invalid(api.put("nodes/" + region, "{\"kind\": \"REGION\"}"), "name");
        invalid(api.put("nodes/" + region, "{\"kind\": \"REGION\", \"name\": \" \"}"), "name");
        invalid(api.put("nodes/" + region, "{\"kind\": \"REGION\", \"name\": \"x\", \"status\": \"GONE\"}"), "status");
        assertThat(tree.get(region)).isEqualTo(before);

        String location = tree.location(root, "Required Location");
        JsonNode locationBefore = tree.get(location);
        invalid(api.put("nodes/" + location, "{\"kind\": \"LOCATION\", \"name\": \"x\"}"), "code");
        assertThat(tree.get(location)).isEqualTo(locationBefore);

        String userId = TestUsers.create(realm, TestUsers.uniqueName("required"));
        invalid(api.put("users/" + userId + "/home-account", "{}"), "nodeId");
        invalid(api.put("users/" + userId + "/home-account", "{\"nodeId\": null}"), "nodeId");
    }

    @Test
    void lengthLimits() {
        refusedCreate(region().put("name", "n".repeat(10_000)), "name");
        refusedCreate(region().put("name", "n".repeat(256)), "name");
        refusedCreate(location().put("code", "C".repeat(65)), "code");
        refusedCreate(location().put("code", "C".repeat(10_000)), "code");
        refusedCreateNested(withAddress("line1", 256), "address");
        refusedCreateNested(withAddress("line2", 256), "address");
        refusedCreateNested(withAddress("city", 101), "address");
        refusedCreateNested(withAddress("region", 101), "address");
        refusedCreateNested(withAddress("postalCode", 33), "address");
        refusedCreateNested(withAddress("line1", 10_000), "address");

        ObjectNode tooMany = region();
        ObjectNode ids = tooMany.putObject("externalIds");
        for (int i = 0; i < 21; i++) {
            ids.put("id" + i, "v" + i);
        }
        refusedCreate(tooMany, "externalIds");
        ObjectNode longKey = region();
        longKey.putObject("externalIds").put("k".repeat(65), "v");
        refusedCreateNested(longKey, "externalIds");
        ObjectNode longValue = region();
        longValue.putObject("externalIds").put("posId", "v".repeat(256));
        refusedCreateNested(longValue, "externalIds");
        ObjectNode emptyValue = region();
        emptyValue.putObject("externalIds").put("posId", "");
        refusedCreateNested(emptyValue, "externalIds");

        // exactly at the limits is fine; the name limit applies after trimming
        tree.create(region().put("name", "n".repeat(255)));
        assertThat(tree.create(region().put("name", "  " + "m".repeat(255) + "  ")).get("name").asText()).isEqualTo("m".repeat(255));
        tree.create(location().put("code", "C" + Tree.uniqueCode("x").replace("-", "") + "D".repeat(40)).put("name", "x"));
        String longest = (Tree.uniqueCode("L").replace("-", "") + "X".repeat(64)).substring(0, 64);
        assertThat(tree.create(location().put("code", longest)).get("code").asText()).isEqualTo(longest);
        ObjectNode fullAddress = region();
        fullAddress.putObject("address").put("line1", "a".repeat(255)).put("line2", "b".repeat(255))
                .put("city", "c".repeat(100)).put("region", "r".repeat(100)).put("postalCode", "p".repeat(32)).put("country", "US");
        assertThat(tree.create(fullAddress).get("address")).isEqualTo(fullAddress.get("address"));
        ObjectNode twenty = region();
        ObjectNode twentyIds = twenty.putObject("externalIds");
        for (int i = 0; i < 20; i++) {
            twentyIds.put("id" + i, "v".repeat(255));
        }
        twentyIds.remove("id19");
        twentyIds.put("k" + "x".repeat(63), "v");
        assertThat(tree.create(twenty).get("externalIds")).isEqualTo(twentyIds);

        // update with the same limits, leaving the node as it was
        String target = tree.region(root, "Length Target");
        JsonNode before = tree.get(target);
        invalid(api.put("nodes/" + target, Tree.body("REGION", null, "n".repeat(10_000))), "name");
        assertThat(tree.get(target)).isEqualTo(before);

        // an over-long search text or code lookup is refused or finds nothing, but never breaks the server
        ApiResponse longQuery = api.get("nodes?q=" + "q".repeat(5_000));
        assertThat(longQuery.status()).as(longQuery.describe()).isIn(200, 400);
        if (longQuery.status() == 400) {
            invalid(longQuery, "q");
        } else {
            assertThat(longQuery.ids()).isEmpty();
        }
        notFound(api.get("nodes/by-code/" + "C".repeat(2_000)));
        notFound(api.get("nodes/" + "i".repeat(2_000)));
    }

    @Test
    void invalidTimezoneCountryAndCodePatterns() {
        for (String timezone : List.of("Mars/Olympus", "Europe/Berlinn", "europe/berlin/x", "+02:00", "GMT+25", "12")) {
            refusedCreate(region().put("timezone", timezone), "timezone");
        }
        for (String country : List.of("USA", "XX", "1A", "D", "U S")) {
            ObjectNode body = region();
            body.putObject("address").put("country", country);
            refusedCreateNested(body, "address");
        }
        for (String code : List.of("-abc", ".abc", "_abc", "a b", "abc/def", "äbc", "abc!", "abc#1", "ab\u0000c")) {
            refusedCreate(location().put("code", code), "code");
        }
        for (String key : List.of("1abc", "_abc", "a b", "a.b", "")) {
            ObjectNode body = region();
            body.putObject("externalIds").put(key, "v");
            refusedCreateNested(body, "externalIds");
        }

        JsonNode valid = tree.create(location().put("code", "9" + Tree.uniqueCode("a.b_c").replace("-", "_"))
                .put("timezone", "Europe/Berlin"));
        assertThat(valid.get("timezone").asText()).isEqualTo("Europe/Berlin");
        ObjectNode withCountry = region();
        withCountry.putObject("address").put("country", "DE");
        assertThat(tree.create(withCountry).get("address").get("country").asText()).isEqualTo("DE");
    }

    @Test
    void unknownIdsAreNotFound() {
        String userId = TestUsers.create(realm, TestUsers.uniqueName("unknown-ids"));
        for (String id : List.of(Tree.randomId(), "not-a-node", "0")) {
            assertNodeEndpointsNotFound(id, userId);
        }
        notFound(api.get("nodes/by-code/" + Tree.uniqueCode("NONE")));

        String unknownUser = Tree.randomId();
        assertFieldError(api.get("users/" + unknownUser + "/tenancy"), 404, "not_found", "userId");
        assertFieldError(api.put("users/" + unknownUser + "/home-account", "{\"nodeId\": \"" + root + "\"}"), 404, "not_found", "userId");
        assertFieldError(api.delete("users/" + unknownUser + "/home-account"), 404, "not_found", "userId");
        assertFieldError(api.put("nodes/" + root + "/users/" + unknownUser, null), 404, "not_found", "userId");
        assertFieldError(api.delete("nodes/" + root + "/users/" + unknownUser), 404, "not_found", "userId");
        assertThat(api.get("nodes/" + root + "/users").expect(200).ids()).isEmpty();

        assertFieldError(api.put("users/" + userId + "/home-account", "{\"nodeId\": \"" + Tree.randomId() + "\"}"), 404, "not_found", "nodeId");
        assertThat(ApiAssertions.nullOrAbsent(api.get("users/" + userId + "/tenancy").expect(200).json(), "homeAccountId")).isTrue();
    }

    @Test
    void idsOfAnotherRealmAreNotFound() {
        BranchkeyApi otherApi = api.forRealm(otherRealm.getName());
        Tree other = new Tree(otherApi);
        String otherAccount = other.account(null, "Other Realm Account");
        String otherCode = Tree.uniqueCode("OTHER");
        String otherLocation = other.create(Tree.body("LOCATION", otherAccount, "Other Realm Store").put("code", otherCode)).get("id").asText();
        String otherUser = TestUsers.create(otherRealm, TestUsers.uniqueName("other"));
        otherApi.put("nodes/" + otherLocation + "/users/" + otherUser, null).expect(204);
        JsonNode otherAccountBefore = other.get(otherAccount);
        JsonNode otherLocationBefore = other.get(otherLocation);
        long otherCount = other.count(otherAccount);

        String userId = TestUsers.create(realm, TestUsers.uniqueName("this-realm"));
        assertNodeEndpointsNotFound(otherAccount, userId);
        assertNodeEndpointsNotFound(otherLocation, userId);
        notFound(api.get("nodes/by-code/" + otherCode));

        // as a parent, as a move target, as a home account
        assertFieldError(api.post("nodes", Tree.body("REGION", otherAccount, "Cross Realm Child")), 404, "not_found", "parentId");
        String region = tree.region(root, "Cross Realm Mover");
        JsonNode regionBefore = tree.get(region);
        assertFieldError(tree.move(region, otherAccount), 404, "not_found", "parentId");
        assertThat(tree.get(region)).isEqualTo(regionBefore);
        assertFieldError(api.put("users/" + userId + "/home-account", "{\"nodeId\": \"" + otherAccount + "\"}"), 404, "not_found", "nodeId");

        // another realm's user
        assertFieldError(api.put("nodes/" + root + "/users/" + otherUser, null), 404, "not_found", "userId");
        assertFieldError(api.delete("nodes/" + root + "/users/" + otherUser), 404, "not_found", "userId");
        assertFieldError(api.get("users/" + otherUser + "/tenancy"), 404, "not_found", "userId");
        assertFieldError(api.put("users/" + otherUser + "/home-account", "{\"nodeId\": \"" + root + "\"}"), 404, "not_found", "userId");
        assertFieldError(api.delete("users/" + otherUser + "/home-account"), 404, "not_found", "userId");
        assertThat(api.get("nodes/" + root + "/users").expect(200).ids()).isEmpty();

        // nothing happened in the other realm
        assertThat(other.get(otherAccount)).isEqualTo(otherAccountBefore);
        assertThat(other.get(otherLocation)).isEqualTo(otherLocationBefore);
        assertThat(other.count(otherAccount)).isEqualTo(otherCount);
        assertThat(otherApi.get("nodes/" + otherLocation + "/users").expect(200).ids()).containsExactly(otherUser);
        assertThat(otherApi.get("users/" + otherUser + "/tenancy").expect(200).json().get("memberOf"))
                .extracting(n -> n.get("id").asText()).containsExactly(otherLocation);

        // codes are unique per realm, not across realms
        tree.create(Tree.body("LOCATION", root, "Same Code Elsewhere").put("code", otherCode));
    }

    @Test
    void invalidQueryParameters() {
        String location = tree.location(root, "Paging Leaf");
        List<String> pagedLists = List.of("nodes", "nodes/roots", "nodes/" + root + "/children", "nodes/" + root + "/subtree",
                "nodes/" + root + "/users");
        List<String[]> badPaging = List.of(
                new String[] {"first=-1", "first"}, new String[] {"first=abc", "first"}, new String[] {"first=1.5", "first"},
                new String[] {"first=99999999999", "first"},
                new String[] {"max=0", "max"}, new String[] {"max=-5", "max"}, new String[] {"max=1001", "max"},
                new String[] {"max=abc", "max"}, new String[] {"max=1e3", "max"}, new String[] {"max=99999999999", "max"});
        List<String> failures = new ArrayList<>();
        for (String path : pagedLists) {
            for (String[] bad : badPaging) {
                ApiResponse response = api.get(path + "?" + bad[0]);
                if (response.status() != 400 || !bad[1].equals(response.json().path("field").asText(null))) {
                    failures.add(response.describe());
                } else {
                    invalid(response, bad[1]);
                }
            }
            api.get(path + "?first=0&max=1").expect(200);
            api.get(path + "?max=1000").expect(200);
        }
        assertThat(failures).as("bad paging not refused with 400 naming the parameter").isEmpty();

        for (String path : List.of("nodes/" + root + "/subtree", "nodes/" + root + "/subtree/count")) {
            invalid(api.get(path + "?maxDepth=0"), "maxDepth");
            invalid(api.get(path + "?maxDepth=-1"), "maxDepth");
            invalid(api.get(path + "?maxDepth=deep"), "maxDepth");
            invalid(api.get(path + "?kind=CITY"), "kind");
            invalid(api.get(path + "?status=GONE"), "status");
        }
        invalid(api.get("nodes?kind=CITY"), "kind");
        invalid(api.get("nodes?status=GONE"), "status");
        invalid(api.get("nodes/" + root + "/users?subtree=maybe"), "subtree");

        invalid(api.delete("nodes/" + location + "?cascade=maybe"), "cascade");
        tree.get(location);
    }

    /** Every endpoint that addresses a node by id answers 404 for this id and changes nothing. */
    private void assertNodeEndpointsNotFound(String id, String userId) {
        List<ApiResponse> responses = List.of(
                api.get("nodes/" + id),
                api.put("nodes/" + id, Tree.body("ACCOUNT", null, "Ghost")),
                api.delete("nodes/" + id),
                api.delete("nodes/" + id + "?cascade=true"),
                api.post("nodes/" + id + "/move", "{\"parentId\": null}"),
                api.post("nodes/" + id + "/move", "{\"parentId\": \"" + root + "\"}"),
                api.get("nodes/" + id + "/children"),
                api.get("nodes/" + id + "/subtree"),
                api.get("nodes/" + id + "/subtree/count"),
                api.get("nodes/" + id + "/ancestors"),
                api.get("nodes/" + id + "/users"),
                api.get("nodes/" + id + "/users?subtree=true"),
                api.put("nodes/" + id + "/users/" + userId, null),
                api.delete("nodes/" + id + "/users/" + userId));
        List<String> failures = new ArrayList<>();
        for (ApiResponse response : responses) {
            if (response.status() != 404) {
                failures.add(response.describe());
            } else {
                notFound(response);
            }
        }
        assertThat(failures).as("not 404 for node id %s", id).isEmpty();
        assertThat(api.get("users/" + userId + "/tenancy").expect(200).json().get("memberOf")).isEmpty();
    }

    private ObjectNode region() {
        return Tree.body("REGION", root, "Bad Input Region");
    }

    private ObjectNode location() {
        return Tree.locationBody(root, "Bad Input Location");
    }

    private ObjectNode withAddress(String field, int length) {
        ObjectNode body = region();
        body.putObject("address").put(field, "a".repeat(length));
        return body;
    }

    /** POSTs a create that must be refused with 400 naming the field, and checks nothing was written. */
    private void refusedCreate(Object body, String field) {
        refused(() -> api.post("nodes", body instanceof String s ? s.replace("%s", root) : body), response -> invalid(response, field));
    }

    /** As {@link #refusedCreate}, for fields inside an object (address.city, externalIds.posId). */
    private void refusedCreateNested(Object body, String fieldPrefix) {
        refused(() -> api.post("nodes", body instanceof String s ? s.replace("%s", root) : body),
                response -> assertFieldErrorStartingWith(response, 400, "invalid_request", fieldPrefix));
    }

    private void refused(java.util.function.Supplier<ApiResponse> call, java.util.function.Consumer<ApiResponse> check) {
        long below = tree.count(root);
        int all = api.get("nodes?max=1000").expect(200).ids().size();
        check.accept(call.get());
        assertThat(tree.count(root)).as("nothing created below the root").isEqualTo(below);
        assertThat(api.get("nodes?max=1000").expect(200).ids()).as("nothing created in the realm").hasSize(all);
    }

    public static class BadRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-bad-input");
        }
    }

    public static class OtherRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-bad-input-other");
        }
    }
}
