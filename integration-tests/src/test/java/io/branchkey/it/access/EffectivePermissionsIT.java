package io.branchkey.it.access;

import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

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

/**
 * The effective-permission rule as the server applies it, seen through the admin API: inheritance down the tree,
 * additivity, implications, minimum levels, time windows, and that every change is visible at once (the cache).
 * Each test uses its own permissions (a realm permission per test) and its own subtree.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class EffectivePermissionsIT {

    @InjectRealm(config = AccessRealm.class)
    ManagedRealm realm;

    @InjectRealm(ref = "other", config = OtherRealm.class)
    ManagedRealm otherRealm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;
    Tree tree;
    AccessApi access;

    String account;
    String region;
    String store;
    String otherStore;
    String user;

    @BeforeEach
    void tree() {
        api = BranchkeyApi.asAdmin(urls, admin, realm.getName());
        tree = new Tree(api);
        access = new AccessApi(api);
        account = tree.account(null, "Effective Account");
        region = tree.region(account, "Effective Region");
        store = tree.location(region, "Effective Store");
        otherStore = tree.location(account, "Effective Other Store");
        user = TestUsers.create(realm, TestUsers.uniqueName("eff"));
    }

    private static String key(String name) {
        return "it." + name + "." + Tree.uniqueCode("k").toLowerCase().replace('_', '-');
    }

    @Test
    void aGrantReachesItsNodeAndEverythingBelowButNothingAboveOrBeside() {
        String p = access.permission(key("inherit"));
        access.grant(user, region, access.roleGroup(null, "Inherit " + p, p));

        assertThat(access.effective(user, region)).containsExactly(p);
        assertThat(access.effective(user, store)).containsExactly(p);
        assertThat(access.effective(user, account)).isEmpty();
        assertThat(access.effective(user, otherStore)).isEmpty();
    }

    @Test
    void grantsAddUpAndNothingSubtracts() {
        String a = access.permission(key("add-a"));
        String b = access.permission(key("add-b"));
        access.grant(user, account, access.roleGroup(null, "Add A " + a, a));
        access.grant(user, store, access.roleGroup(null, "Add B " + b, b));

        assertThat(access.effective(user, store)).containsExactlyInAnyOrder(a, b);
        assertThat(access.effective(user, region)).containsExactly(a);
    }

    @Test
    void implicationsAreFollowedThroughChains() {
        String read = access.permission(key("read"));
        String update = access.permission(key("update"), read);
        String admin = access.permission(key("admin"), update);
        access.grant(user, store, access.roleGroup(null, "Chain " + admin, admin));

        assertThat(access.effective(user, store)).containsExactlyInAnyOrder(read, update, admin);
    }

    @Test
    void aPermissionWithAMinimumLevelTakesEffectOnlyWhenGrantedHighEnough() {
        String templates = key("report-templates");
        api.post("catalog/permissions", BranchkeyApi.JSON.createObjectNode().put("key", templates)
                .put("name", "Create report templates").put("section", "Tests").put("minLevel", "REGION")).expect(201);
        String group = access.roleGroup(null, "Report templates " + templates, templates);

        access.grant(user, store, group);
        assertThat(access.effective(user, store)).as("granted only at the site").isEmpty();

        access.grant(user, region, group);
        assertThat(access.effective(user, store)).as("granted at the region, it reaches the site").containsExactly(templates);
        assertThat(access.effective(user, region)).containsExactly(templates);
    }

    @Test
    void timeWindowsBoundAGrant() {
        String p = access.permission(key("window"));
        String group = access.roleGroup(null, "Window " + p, p);
        long now = System.currentTimeMillis();

        access.grant(user, store, group, now + Duration.ofDays(1).toMillis(), null);
        access.grant(user, store, group, null, now - 1);
        assertThat(access.effective(user, store)).as("a future and an ended grant").isEmpty();

        // temporary coverage that starts in a moment: it must take effect without any further change
        access.grant(user, otherStore, group, now + 1500, now + Duration.ofHours(8).toMillis());
        assertThat(access.effective(user, otherStore)).isEmpty();
        awaitEffective(user, otherStore, List.of(p));
    }

    @Test
    void everyChangeIsSeenAtOnce() {
        String a = access.permission(key("seen-a"));
        String b = access.permission(key("seen-b"));
        String group = access.roleGroup(null, "Seen " + a, a);
        String grant = access.grant(user, region, group);
        assertThat(access.effective(user, store)).containsExactly(a);

        // the role group changes
        api.put("role-groups/" + group, BranchkeyApi.JSON.createObjectNode().put("name", "Seen " + a)
                .set("permissions", BranchkeyApi.JSON.createArrayNode().add(a).add(b))).expect(200);
        assertThat(access.effective(user, store)).containsExactlyInAnyOrder(a, b);

        // the store moves out of the region
        tree.move(store, account).expect(200);
        assertThat(access.effective(user, store)).isEmpty();
        tree.move(store, region).expect(200);
        assertThat(access.effective(user, store)).containsExactlyInAnyOrder(a, b);

        // the permission is retired
        api.post("catalog/permissions/" + b + "/retire", null).expect(200);
        assertThat(access.effective(user, store)).containsExactly(a);

        // the grant is revoked
        access.revoke(grant);
        assertThat(access.effective(user, store)).isEmpty();
    }

    @Test
    void theQueriesAnswerWhereAUserHoldsAPermissionAndWhoHoldsItAtANode() {
        String p = access.permission(key("query"));
        String group = access.roleGroup(null, "Query " + p, p);
        String manager = TestUsers.create(realm, TestUsers.uniqueName("mgr"));
        String temp = TestUsers.create(realm, TestUsers.uniqueName("temp"));
        access.grant(user, region, group);
        access.grant(manager, account, group);
        access.grant(temp, store, group, null, System.currentTimeMillis() - 1);

        assertThat(api.get("users/" + user + "/access/permissions/" + p + "/nodes").expect(200).json())
                .extracting(node -> node.asText()).containsExactly(region);
        assertThat(api.get("nodes/" + store + "/permission-holders/" + p).expect(200).ids())
                .containsExactlyInAnyOrder(user, manager);
        assertThat(api.get("nodes/" + otherStore + "/permission-holders/" + p).expect(200).ids())
                .containsExactly(manager);
        notFound(api.get("nodes/" + store + "/permission-holders/no.such-permission"), "key");
    }

    @Test
    void badQueriesAreClientErrors() {
        invalid(api.get("users/" + user + "/access/permissions"), "nodeId");
        notFound(api.get("users/" + user + "/access/permissions?nodeId=" + Tree.randomId()), "nodeId");
        notFound(api.get("users/" + Tree.randomId() + "/access/permissions?nodeId=" + store), "userId");

        // a node of another realm is as unknown as a made-up id
        String foreign = new Tree(api.forRealm(otherRealm.getName())).account(null, "Foreign Account");
        notFound(api.get("users/" + user + "/access/permissions?nodeId=" + foreign), "nodeId");

        String group = access.roleGroup(null, "Bad Query " + Tree.uniqueCode("g"));
        invalid(api.post("grants", AccessApi.grantBody(user, store, group, 2000L, 1000L)), "endsAt");
        notFound(api.post("grants", AccessApi.grantBody(user, foreign, group, null, null)), "nodeId");
        invalid(api.post("grants", "{\"userId\":\"" + user + "\",\"nodeId\":\"" + store + "\"}"), "roleGroupId");
    }

    private void awaitEffective(String userId, String nodeId, List<String> expected) {
        long deadline = System.currentTimeMillis() + 15_000;
        List<String> seen = access.effective(userId, nodeId);
        while (!seen.equals(expected) && System.currentTimeMillis() < deadline) {
            sleep();
            seen = access.effective(userId, nodeId);
        }
        assertThat(seen).isEqualTo(expected);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static class AccessRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-effective");
        }
    }

    public static class OtherRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-effective-other");
        }
    }
}
