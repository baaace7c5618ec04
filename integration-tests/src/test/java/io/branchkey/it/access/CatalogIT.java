package io.branchkey.it.access;

import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The realm's permission catalog: shipped permissions, the realm's own, append-only indexes, and the public,
 * ETag-cached copy resource servers read.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class CatalogIT {

    /** Keys Branchkey's own code relies on: they must ship. */
    private static final List<String> REQUIRED_KEYS = List.of("users.view", "users.invite", "users.update",
            "users.update-locations", "users.update-roles", "users.terminate", "role-groups.create",
            "role-groups.update", "role-groups.delete", "locations.create", "locations.update", "audit.view",
            "devices.view", "devices.register", "devices.manage", "register.access", "pins.reset",
            "overrides.approve", "overrides.manage-policy");

    @InjectRealm(config = CatalogRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;
    BranchkeyApi publicApi;

    @BeforeEach
    void client() {
        api = BranchkeyApi.asAdmin(urls, admin, realm.getName());
        publicApi = BranchkeyApi.publicApi(urls, realm.getName());
    }

    @Test
    void aRealmStartsWithTheShippedCatalogUnderUniqueIndexes() {
        JsonNode catalog = api.get("catalog").expect(200).json();
        assertThat(catalog.get("version").asLong()).isPositive();
        Map<String, JsonNode> byKey = byKey(catalog);
        assertThat(byKey).containsKeys(REQUIRED_KEYS.toArray(String[]::new));
        Set<Integer> indexes = new HashSet<>();
        for (JsonNode p : catalog.get("permissions")) {
            if (!p.get("builtIn").asBoolean()) {
                continue; // added by another test of this class
            }
            assertThat(indexes.add(p.get("index").asInt())).as("index of %s is unique", p).isTrue();
            assertThat(p.get("name").asText()).isNotBlank();
            assertThat(p.get("section").asText()).isNotBlank();
        }
        assertThat(indexes).as("the shipped catalog fills indexes densely from 0")
                .containsExactlyInAnyOrderElementsOf(rangeTo(indexes.size()));
    }

    @Test
    void realmPermissionsAreAppendedAndRetiredButNeverRenumbered() {
        JsonNode before = api.get("catalog").expect(200).json();
        int nextIndex = maxIndex(before) + 1;
        String key = "acme.reports." + Tree.uniqueCode("x").toLowerCase().replace('_', '-');

        JsonNode added = api.post("catalog/permissions", permission(key).put("minLevel", "REGION")
                .set("implies", BranchkeyApi.JSON.createArrayNode().add("users.view"))).expect(201).json();
        assertThat(added.get("index").asInt()).isEqualTo(nextIndex);
        assertThat(added.get("builtIn").asBoolean()).isFalse();
        assertThat(added.get("minLevel").asText()).isEqualTo("REGION");
        long afterAdd = api.get("catalog").expect(200).json().get("version").asLong();
        assertThat(afterAdd).isGreaterThan(before.get("version").asLong());

        JsonNode updated = api.put("catalog/permissions/" + key, permission(key).put("name", "Renamed")).expect(200).json();
        assertThat(updated.get("name").asText()).isEqualTo("Renamed");
        assertThat(updated.get("index").asInt()).isEqualTo(nextIndex);

        JsonNode retired = api.post("catalog/permissions/" + key + "/retire", null).expect(200).json();
        assertThat(retired.get("retired").asBoolean()).isTrue();
        assertThat(retired.get("index").asInt()).isEqualTo(nextIndex);

        String another = key + "-2";
        JsonNode second = api.post("catalog/permissions", permission(another)).expect(201).json();
        assertThat(second.get("index").asInt()).as("a retired index is never reused").isEqualTo(nextIndex + 1);
        assertThat(byKey(api.get("catalog").expect(200).json()).get(key).get("retired").asBoolean()).isTrue();
    }

    @Test
    void shippedPermissionsAreReadOnlyAndKeysAreUnique() {
        assertFieldError(api.put("catalog/permissions/users.view", permission("users.view")), 409, "conflict", "key");
        assertFieldError(api.post("catalog/permissions", permission("users.view")), 409, "conflict", "key");
        notFound(api.put("catalog/permissions/no.such-key", permission("no.such-key")), "key");
        notFound(api.post("catalog/permissions/no.such-key/retire", null), "key");
    }

    @Test
    void badPermissionsAreRefusedNamingTheField() {
        int before = api.get("catalog").expect(200).json().get("permissions").size();
        invalid(api.post("catalog/permissions", permission("NoDots")), "key");
        invalid(api.post("catalog/permissions", permission("a..b")), "key");
        invalid(api.post("catalog/permissions", permission("x." + "a".repeat(200))), "key");
        invalid(api.post("catalog/permissions", permission("acme.ok").put("name", " ")), "name");
        invalid(api.post("catalog/permissions", permission("acme.ok").put("section", "")), "section");
        invalid(api.post("catalog/permissions", permission("acme.ok").put("minLevel", "STORE")), "minLevel");
        invalid(api.post("catalog/permissions", permission("acme.ok").put("realmAdminOnly", "yes")), "realmAdminOnly");
        invalid(api.post("catalog/permissions", permission("acme.ok").put("colour", "red")), "colour");
        invalid(api.post("catalog/permissions", permission("acme.ok")
                .set("implies", BranchkeyApi.JSON.createArrayNode().add("acme.ok"))), "implies");
        ApiResponse unknownImplied = api.post("catalog/permissions", permission("acme.ok")
                .set("implies", BranchkeyApi.JSON.createArrayNode().add("no.such-permission")));
        assertThat(unknownImplied.status()).as(unknownImplied.describe()).isIn(400, 404);
        assertThat(unknownImplied.json().get("field").asText()).isEqualTo("implies");
        assertThat(api.get("catalog").expect(200).json().get("permissions").size()).as("nothing added").isEqualTo(before);
    }

    @Test
    void thePublicCatalogIsCacheableWithAnETagThatFollowsTheVersion() {
        ApiResponse first = publicApi.get("catalog").expect(200);
        String etag = first.header("ETag").orElseThrow();
        assertThat(first.header("Cache-Control").orElse("")).contains("max-age=");
        assertThat(first.json().get("permissions").size()).isEqualTo(api.get("catalog").expect(200).json().get("permissions").size());

        ApiResponse again = publicApi.getWithHeader("catalog", "If-None-Match", etag);
        assertThat(again.status()).isEqualTo(304);

        api.post("catalog/permissions", permission("acme.etag." + Tree.uniqueCode("e").toLowerCase().replace('_', '-')))
                .expect(201);
        ApiResponse changed = publicApi.getWithHeader("catalog", "If-None-Match", etag);
        assertThat(changed.status()).as("a new version is a new ETag").isEqualTo(200);
        assertThat(changed.header("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    private static ObjectNode permission(String key) {
        return BranchkeyApi.JSON.createObjectNode().put("key", key).put("name", "Acme " + key).put("section", "Acme");
    }

    private static Map<String, JsonNode> byKey(JsonNode catalog) {
        Map<String, JsonNode> byKey = new HashMap<>();
        catalog.get("permissions").forEach(p -> byKey.put(p.get("key").asText(), p));
        return byKey;
    }

    private static int maxIndex(JsonNode catalog) {
        int max = -1;
        for (JsonNode p : catalog.get("permissions")) {
            max = Math.max(max, p.get("index").asInt());
        }
        return max;
    }

    private static List<Integer> rangeTo(int size) {
        List<Integer> range = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            range.add(i);
        }
        return range;
    }

    public static class CatalogRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-catalog");
        }
    }
}
