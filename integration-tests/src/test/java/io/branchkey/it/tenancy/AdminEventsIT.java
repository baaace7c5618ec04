package io.branchkey.it.tenancy;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.Tree;
import io.branchkey.it.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.BranchkeyServerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Every change is a Keycloak admin event with the contract's resource type, operation, path and representation,
 * read back through Keycloak's own admin-events endpoint. Reads and refused changes emit nothing.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class AdminEventsIT {

    @InjectRealm(ref = "events", config = EventsRealm.class)
    ManagedRealm realm;

    @InjectRealm(ref = "events-plain", config = PlainEventsRealm.class)
    ManagedRealm plainRealm;

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
    void createUpdateMoveAndDeleteOfANode() {
        String accountA = tree.account(null, "Events A");
        String accountB = tree.account(null, "Events B");
        JsonNode created = tree.create(Tree.body("REGION", accountA, "Events Region").put("code", Tree.uniqueCode("EV")));
        String id = created.get("id").asText();
        String path = "branchkey/nodes/" + id;

        AdminEventRepresentation create = single(path, "CREATE");
        assertThat(create.getResourceType()).isEqualTo("BRANCHKEY_NODE");
        assertThat(create.getRealmId()).isEqualTo(realm.getId());
        assertThat(create.getAuthDetails()).isNotNull();
        assertThat(create.getAuthDetails().getUserId()).as("who did it").isNotBlank();
        assertSameNode(representation(create), created);

        JsonNode updateBody = created.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) updateBody).put("name", "Events Region Renamed");
        JsonNode updated = api.put("nodes/" + id, updateBody).expect(200).json();
        AdminEventRepresentation update = single(path, "UPDATE");
        assertThat(update.getResourceType()).isEqualTo("BRANCHKEY_NODE");
        assertSameNode(representation(update), updated);

        JsonNode moved = tree.move(id, accountB).expect(200).json();
        List<AdminEventRepresentation> updates = events(path, "UPDATE");
        assertThat(updates).hasSize(2);
        AdminEventRepresentation move = updates.stream()
                .filter(e -> accountB.equals(representation(e).path("parentId").asText(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no UPDATE event with the moved node (parentId " + accountB + "): " + describe(updates)));
        assertThat(move.getResourceType()).isEqualTo("BRANCHKEY_NODE");
        assertSameNode(representation(move), moved);

        api.delete("nodes/" + id).expect(204);
        AdminEventRepresentation delete = single(path, "DELETE");
        assertThat(delete.getResourceType()).isEqualTo("BRANCHKEY_NODE");
        assertThat(delete.getResourcePath()).isEqualTo(path);

        assertThat(events(path, null)).extracting(AdminEventRepresentation::getOperationType)
                .containsExactlyInAnyOrder("CREATE", "UPDATE", "UPDATE", "DELETE");
    }

    @Test
    void aCascadingDeleteIsAnEventOfTheDeletedNode() {
        String account = tree.account(null, "Events Cascade");
        String region = tree.region(account, "Events Cascade Region");
        tree.location(region, "Events Cascade Store");
        api.delete("nodes/" + account + "?cascade=true").expect(204);
        AdminEventRepresentation delete = single("branchkey/nodes/" + account, "DELETE");
        assertThat(delete.getResourceType()).isEqualTo("BRANCHKEY_NODE");
    }

    @Test
    void membershipsAndHomeAccounts() {
        String account = tree.account(null, "Events Members");
        String store = tree.location(account, "Events Store");
        String userId = TestUsers.create(realm, TestUsers.uniqueName("evented"));

        api.put("nodes/" + store + "/users/" + userId, null).expect(204);
        String membershipPath = "branchkey/nodes/" + store + "/users/" + userId;
        AdminEventRepresentation add = single(membershipPath, "CREATE");
        assertThat(add.getResourceType()).isEqualTo("BRANCHKEY_MEMBERSHIP");
        assertThat(add.getRepresentation()).as("representation of the membership").isNotBlank().contains(userId);

        api.delete("nodes/" + store + "/users/" + userId).expect(204);
        AdminEventRepresentation remove = single(membershipPath, "DELETE");
        assertThat(remove.getResourceType()).isEqualTo("BRANCHKEY_MEMBERSHIP");

        api.put("users/" + userId + "/home-account", Map.of("nodeId", account)).expect(200);
        String homePath = "branchkey/users/" + userId + "/home-account";
        AdminEventRepresentation set = single(homePath, "UPDATE");
        assertThat(set.getResourceType()).isEqualTo("BRANCHKEY_MEMBERSHIP");
        assertThat(set.getRepresentation()).as("representation of the home account").isNotBlank().contains(account);

        api.delete("users/" + userId + "/home-account").expect(204);
        AdminEventRepresentation clear = single(homePath, "DELETE");
        assertThat(clear.getResourceType()).isEqualTo("BRANCHKEY_MEMBERSHIP");
    }

    @Test
    void readsAndRefusedChangesEmitNothing() {
        String account = tree.account(null, "Events Quiet");
        String region = tree.region(account, "Events Quiet Region");
        String child = tree.region(region, "Events Quiet Child");
        String userId = TestUsers.create(realm, TestUsers.uniqueName("quiet"));
        int before = events("branchkey/*", null).size();

        api.get("nodes").expect(200);
        api.get("nodes/" + region).expect(200);
        api.get("nodes/" + account + "/subtree").expect(200);
        api.get("nodes/" + account + "/subtree/count").expect(200);
        api.get("nodes/" + child + "/ancestors").expect(200);
        api.get("nodes/" + account + "/users?subtree=true").expect(200);
        api.get("users/" + userId + "/tenancy").expect(200);

        api.post("nodes", Tree.body("REGION", account, "")).expect(400);
        api.post("nodes", Tree.body("PARTNER", account, "Wrong Place")).expect(400);
        tree.move(region, child).expect(409);
        api.delete("nodes/" + region).expect(409);
        api.put("nodes/" + region, Tree.body("ACCOUNT", null, "Kind Change")).expect(400);
        api.put("users/" + userId + "/home-account", Map.of("nodeId", region)).expect(400);
        api.delete("nodes/" + region + "/users/" + userId).expect(404);

        String token = BranchkeyApi.passwordToken(urls, realm.getName(), "events-viewer", AuthorizationIT.PASSWORD);
        BranchkeyApi viewer = BranchkeyApi.withToken(urls, realm.getName(), token);
        viewer.post("nodes", Tree.body("REGION", account, "Viewer Region")).expect(403);
        viewer.delete("nodes/" + child).expect(403);

        List<AdminEventRepresentation> after = events("branchkey/*", null);
        assertThat(after).as("new events: %s", describe(after.subList(0, Math.max(0, after.size() - before))))
                .hasSize(before);
    }

    @Test
    void withoutIncludeRepresentationTheEventHasNoRepresentation() {
        BranchkeyApi plain = api.forRealm(plainRealm.getName());
        String id = plain.post("nodes", Tree.body("ACCOUNT", null, "Plain Events")).expect(201).id();
        List<AdminEventRepresentation> events = plainRealm.admin().getAdminEvents(null, null, null, null, null,
                "branchkey/nodes/" + id, null, null, 0, 100);
        assertThat(events).extracting(AdminEventRepresentation::getOperationType).containsExactly("CREATE");
        assertThat(events.get(0).getResourceType()).isEqualTo("BRANCHKEY_NODE");
        assertThat(events.get(0).getRepresentation()).isNull();
    }

    /** The events of the realm with exactly this resource path ('*' as wildcard), optionally of one operation. */
    private List<AdminEventRepresentation> events(String resourcePath, String operation) {
        List<AdminEventRepresentation> events = realm.admin().getAdminEvents(
                operation == null ? null : List.of(operation), null, null, null, null, resourcePath, null, null, 0, 10_000);
        return events.stream().sorted(Comparator.comparingLong(AdminEventRepresentation::getTime)).toList();
    }

    private AdminEventRepresentation single(String resourcePath, String operation) {
        List<AdminEventRepresentation> events = events(resourcePath, operation);
        assertThat(events).as("%s events for %s: %s", operation, resourcePath, describe(events(resourcePath, null))).hasSize(1);
        AdminEventRepresentation event = events.get(0);
        assertThat(event.getOperationType()).isEqualTo(operation);
        assertThat(event.getResourcePath()).isEqualTo(resourcePath);
        return event;
    }

    private static JsonNode representation(AdminEventRepresentation event) {
        assertThat(event.getRepresentation()).as("representation of %s %s", event.getOperationType(), event.getResourcePath()).isNotNull();
        try {
            return BranchkeyApi.JSON.readTree(event.getRepresentation());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event carries the node as the API showed it after the change. */
    private static void assertSameNode(JsonNode fromEvent, JsonNode fromApi) {
        for (String field : List.of("id", "kind", "parentId", "name", "code", "status", "depth")) {
            assertThat(fromEvent.get(field)).as("%s in event representation %s", field, fromEvent).isEqualTo(fromApi.get(field));
        }
    }

    private static String describe(List<AdminEventRepresentation> events) {
        return events.stream().map(e -> e.getOperationType() + " " + e.getResourceType() + " " + e.getResourcePath())
                .toList().toString();
    }

    public static class EventsRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-events").adminEventsEnabled(true).adminEventsDetailsEnabled(true)
                    .users(AuthorizationIT.user("events-viewer", "view-realm"));
        }
    }

    public static class PlainEventsRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-events-plain").adminEventsEnabled(true).adminEventsDetailsEnabled(false);
        }
    }
}
