package io.branchkey.it.tenancy;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.ApiAssertions;
import io.branchkey.it.support.Tree;
import io.branchkey.it.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Who may call what: the rights table of the contract, for users of the realm holding one realm-management role
 * each, a user without admin roles, an admin of another realm, and callers without a (valid) token.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class AuthorizationIT {

    static final String PASSWORD = "Branchkey-Test-1";

    @InjectRealm(ref = "authz", config = AuthzRealm.class)
    ManagedRealm realm;

    @InjectRealm(ref = "authz-other", config = OtherAuthzRealm.class)
    ManagedRealm otherRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi adminApi;
    Tree tree;
    Fixture fixture;

    enum Right { READ_NODES, WRITE_NODES, READ_USERS, WRITE_USERS }

    /** One request and the right it needs. */
    record Call(Right right, String method, String path, Object body) {
        ApiResponse send(BranchkeyApi api) {
            return api.send(method, path, body);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Nodes and users a test works on, fresh for each test. */
    record Fixture(String accountA, String accountB, String region, String location, String leaf, String locationCode,
                   String member, String homed, String newcomer) {
    }

    @BeforeEach
    void fixture() {
        adminApi = BranchkeyApi.asAdmin(urls, admin, realm.getName());
        tree = new Tree(adminApi);
        String a = tree.account(null, "Authz A " + Tree.uniqueCode("a"));
        String b = tree.account(null, "Authz B " + Tree.uniqueCode("b"));
        String region = tree.region(a, "Authz Region");
        JsonNode location = tree.create(Tree.locationBody(region, "Authz Store"));
        String leaf = tree.location(region, "Authz Leaf");
        String member = TestUsers.create(realm, TestUsers.uniqueName("member"));
        String homed = TestUsers.create(realm, TestUsers.uniqueName("homed"));
        String newcomer = TestUsers.create(realm, TestUsers.uniqueName("newcomer"));
        adminApi.put("nodes/" + leaf + "/users/" + member, null).expect(204);
        adminApi.put("users/" + homed + "/home-account", Map.of("nodeId", a)).expect(200);
        fixture = new Fixture(a, b, region, location.get("id").asText(), leaf, location.get("code").asText(), member, homed, newcomer);
    }

    /** Every endpoint of the contract, once, with valid input for the fixture. Writes come last, node writes very last. */
    private List<Call> calls() {
        Fixture f = fixture;
        return List.of(
                new Call(Right.READ_NODES, "GET", "nodes", null),
                new Call(Right.READ_NODES, "GET", "nodes/roots", null),
                new Call(Right.READ_NODES, "GET", "nodes/by-code/" + f.locationCode(), null),
                new Call(Right.READ_NODES, "GET", "nodes/" + f.location(), null),
                new Call(Right.READ_NODES, "GET", "nodes/" + f.accountA() + "/children", null),
                new Call(Right.READ_NODES, "GET", "nodes/" + f.accountA() + "/subtree?kind=LOCATION", null),
                new Call(Right.READ_NODES, "GET", "nodes/" + f.accountA() + "/subtree/count", null),
                new Call(Right.READ_NODES, "GET", "nodes/" + f.location() + "/ancestors", null),
                new Call(Right.READ_USERS, "GET", "nodes/" + f.leaf() + "/users", null),
                new Call(Right.READ_USERS, "GET", "nodes/" + f.accountA() + "/users?subtree=true", null),
                new Call(Right.READ_USERS, "GET", "users/" + f.homed() + "/tenancy", null),
                new Call(Right.WRITE_USERS, "PUT", "nodes/" + f.location() + "/users/" + f.newcomer(), null),
                new Call(Right.WRITE_USERS, "DELETE", "nodes/" + f.leaf() + "/users/" + f.member(), null),
                new Call(Right.WRITE_USERS, "PUT", "users/" + f.newcomer() + "/home-account", Map.of("nodeId", f.accountB())),
                new Call(Right.WRITE_USERS, "DELETE", "users/" + f.homed() + "/home-account", null),
                new Call(Right.WRITE_NODES, "POST", "nodes", Tree.body("REGION", f.accountA(), "Authz New Region")),
                new Call(Right.WRITE_NODES, "PUT", "nodes/" + f.accountB(), Tree.body("ACCOUNT", null, "Authz B Renamed")),
                new Call(Right.WRITE_NODES, "POST", "nodes/" + f.region() + "/move", Map.of("parentId", f.accountB())),
                new Call(Right.WRITE_NODES, "DELETE", "nodes/" + f.leaf() + "?cascade=true", null));
    }

    /** What the realm looks like, through the eyes of the bootstrap admin. */
    private Map<String, Object> state() {
        Fixture f = fixture;
        return Map.of(
                "nodes", adminApi.get("nodes?max=1000").expect(200).json(),
                "members of location", adminApi.get("nodes/" + f.location() + "/users").expect(200).json(),
                "members of leaf", adminApi.get("nodes/" + f.leaf() + "/users").expect(200).json(),
                "tenancy of newcomer", adminApi.get("users/" + f.newcomer() + "/tenancy").expect(200).json(),
                "tenancy of homed", adminApi.get("users/" + f.homed() + "/tenancy").expect(200).json());
    }

    private BranchkeyApi as(String username) {
        return BranchkeyApi.withToken(urls, realm.getName(), BranchkeyApi.passwordToken(urls, realm.getName(), username, PASSWORD));
    }

    /**
     * Sends every call. Calls needing one of the granted rights must succeed (2xx), the others must be 403 and, for
     * writes, change nothing.
     */
    private void assertRights(BranchkeyApi api, Set<Right> granted) {
        List<String> failures = new ArrayList<>();
        for (Call call : calls()) {
            boolean write = call.right() == Right.WRITE_NODES || call.right() == Right.WRITE_USERS;
            Map<String, Object> before = write && !granted.contains(call.right()) ? state() : null;
            ApiResponse response = call.send(api);
            if (granted.contains(call.right())) {
                if (response.status() / 100 != 2) {
                    failures.add("expected success: " + response.describe());
                }
            } else {
                if (response.status() != 403) {
                    failures.add("expected 403: " + response.describe());
                } else if (before != null && !before.equals(state())) {
                    failures.add("refused with 403 but changed data: " + call);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void viewRealmReadsNodesButCannotWriteOrSeeUsers() {
        BranchkeyApi viewer = as("viewer");
        assertRights(viewer, EnumSet.of(Right.READ_NODES));
        // and what it reads is the real data
        assertThat(viewer.get("nodes/" + fixture.location()).expect(200).json()).isEqualTo(tree.get(fixture.location()));
        assertThat(viewer.get("nodes/" + fixture.accountA() + "/subtree/count").expect(200).json().get("count").asLong())
                .isEqualTo(tree.count(fixture.accountA()));
    }

    @Test
    void manageRealmReadsAndWritesNodes() {
        assertRights(as("realm-manager"), EnumSet.of(Right.READ_NODES, Right.WRITE_NODES));
        assertThat(tree.get(fixture.accountB()).get("name").asText()).isEqualTo("Authz B Renamed");
        assertThat(tree.get(fixture.region()).get("parentId").asText()).isEqualTo(fixture.accountB());
        ApiAssertions.notFound(adminApi.get("nodes/" + fixture.leaf()));
    }

    @Test
    void viewUsersReadsMembershipsOnly() {
        assertRights(as("users-viewer"), EnumSet.of(Right.READ_USERS));
    }

    @Test
    void manageUsersChangesMembershipsButNotNodes() {
        assertRights(as("users-manager"), EnumSet.of(Right.READ_USERS, Right.WRITE_USERS));
        assertThat(adminApi.get("nodes/" + fixture.location() + "/users").expect(200).ids()).containsExactly(fixture.newcomer());
        JsonNode tenancy = adminApi.get("users/" + fixture.newcomer() + "/tenancy").expect(200).json();
        assertThat(tenancy.get("homeAccountId").asText()).isEqualTo(fixture.accountB());
        assertThat(ApiAssertions.nullOrAbsent(adminApi.get("users/" + fixture.homed() + "/tenancy").expect(200).json(), "homeAccountId")).isTrue();
    }

    @Test
    void aUserWithoutAdminRolesIsForbiddenEverything() {
        assertRights(as("nobody"), EnumSet.noneOf(Right.class));
    }

    @Test
    void anAdminOfAnotherRealmIsForbiddenEverythingHere() {
        String token = BranchkeyApi.passwordToken(urls, otherRealm.getName(), "other-admin", PASSWORD);
        BranchkeyApi otherAdmin = BranchkeyApi.withToken(urls, realm.getName(), token);
        assertRights(otherAdmin, EnumSet.noneOf(Right.class));
        // the same token works in its own realm, so the 403 above is about the realm, not a broken token
        BranchkeyApi.withToken(urls, otherRealm.getName(), token).get("nodes").expect(200);
    }

    @Test
    void aMissingOrInvalidTokenIsUnauthorized() {
        Map<String, Object> before = state();
        List<String> failures = new ArrayList<>();
        for (String token : new String[] {null, "not-a-token", forgedToken()}) {
            BranchkeyApi anonymous = BranchkeyApi.withToken(urls, realm.getName(), token);
            for (Call call : calls()) {
                ApiResponse response = call.send(anonymous);
                if (response.status() != 401) {
                    failures.add("token " + token + ": expected 401: " + response.describe());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    /**
     * A well-formed token for this realm with a made-up signature. (A token without {@code iss} is answered 500
     * by Keycloak 26.7.3's own AdminRoot before any Branchkey code runs, so it proves nothing about ours.)
     */
    private String forgedToken() {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}";
        String payload = "{\"iss\":\"" + urls.getBase() + "/realms/" + realm.getName()
                + "\",\"sub\":\"x\",\"typ\":\"Bearer\",\"azp\":\"admin-cli\",\"exp\":4102444800}";
        return b64.encodeToString(header.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("signature".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static UserBuilder user(String username, String... realmManagementRoles) {
        UserBuilder user = UserBuilder.create().username(username).password(PASSWORD).email(username + "@example.org")
                .name("First", "Last").emailVerified(true).enabled(true);
        return realmManagementRoles.length == 0 ? user : user.clientRoles("realm-management", realmManagementRoles);
    }

    public static class AuthzRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-authz").users(
                    user("viewer", "view-realm"),
                    user("realm-manager", "manage-realm"),
                    user("users-viewer", "view-users"),
                    user("users-manager", "manage-users"),
                    user("nobody"));
        }
    }

    public static class OtherAuthzRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-authz-other").users(
                    user("other-admin", "realm-admin"));
        }
    }
}
