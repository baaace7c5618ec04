package io.branchkey.it.tenancy;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.Tree;

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
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The realm-wide listings (all nodes, roots). They see every node of the realm, so each test gets a fresh realm.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class NodeListingIT {

    @InjectRealm(config = ListingRealm.class, lifecycle = LifeCycle.METHOD)
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
    void aNewRealmHasNoNodes() {
        assertThat(api.get("nodes").expect(200).ids()).isEmpty();
        assertThat(api.get("nodes/roots").expect(200).ids()).isEmpty();
    }

    @Test
    void rootsAreTheNodesWithoutParentOrderedByNameAndPaged() {
        String banana = tree.account(null, "Banana");
        String apple = tree.partner("Apple");
        String cherry = tree.account(null, "Cherry");
        String managed = tree.account(apple, "Aardvark Managed");
        tree.region(managed, "Aardvark Region");
        tree.region(cherry, "Aardvark Region 2");

        assertThat(api.get("nodes/roots").expect(200).ids()).containsExactly(apple, banana, cherry);
        assertThat(api.get("nodes/roots?max=1").expect(200).ids()).containsExactly(apple);
        assertThat(api.get("nodes/roots?first=1&max=1").expect(200).ids()).containsExactly(banana);
        assertThat(api.get("nodes/roots?first=2&max=5").expect(200).ids()).containsExactly(cherry);
        assertThat(api.get("nodes/roots?first=3").expect(200).ids()).isEmpty();

        // a root stops being one when moved below a partner, and an account becomes one when moved out
        tree.move(banana, apple).expect(200);
        tree.move(managed, null).expect(200);
        assertThat(api.get("nodes/roots").expect(200).ids()).containsExactly(managed, apple, cherry);
    }

    @Test
    void listsAllNodesOfTheRealmFilteredOrderedByDepthThenNameAndPaged() {
        String partner = tree.partner("Zulu Partner");
        String managed = tree.account(partner, "Mike Account");
        String standalone = tree.account(null, "Alpha Account");
        String region = tree.create(Tree.body("REGION", managed, "Kilo Region").put("status", "SUSPENDED")).get("id").asText();
        String storeCode = Tree.uniqueCode("Q-STORE");
        String store = tree.create(Tree.body("LOCATION", region, "Bravo Shop").put("code", storeCode)).get("id").asText();
        String kiosk = tree.location(standalone, "Charlie Kiosk");

        // depth 0: Alpha Account, Zulu Partner; depth 1: Charlie Kiosk, Mike Account; depth 2: Kilo Region; depth 3: Bravo Shop
        List<String> all = List.of(standalone, partner, kiosk, managed, region, store);
        assertThat(api.get("nodes").expect(200).ids()).containsExactlyElementsOf(all);

        assertThat(api.get("nodes?kind=ACCOUNT").expect(200).ids()).containsExactly(standalone, managed);
        assertThat(api.get("nodes?kind=LOCATION").expect(200).ids()).containsExactly(kiosk, store);
        assertThat(api.get("nodes?status=SUSPENDED").expect(200).ids()).containsExactly(region);
        assertThat(api.get("nodes?status=ACTIVE").expect(200).ids()).containsExactly(standalone, partner, kiosk, managed, store);
        // q: case-insensitive substring of name or code
        assertThat(api.get("nodes?q=ACCOUNT").expect(200).ids()).containsExactly(standalone, managed);
        assertThat(api.get("nodes?q=kiosk").expect(200).ids()).containsExactly(kiosk);
        assertThat(api.get("nodes?q=q-store").expect(200).ids()).containsExactly(store);
        assertThat(api.get("nodes?q=%25").expect(200).ids()).as("a %% in q is literal, not a wildcard").isEmpty();
        assertThat(api.get("nodes?q=_").expect(200).ids()).as("an _ in q is literal, not a wildcard").isEmpty();
        assertThat(api.get("nodes?kind=ACCOUNT&q=mike").expect(200).ids()).containsExactly(managed);
        assertThat(api.get("nodes?kind=REGION&status=ACTIVE").expect(200).ids()).isEmpty();

        assertThat(api.get("nodes?max=2").expect(200).ids()).containsExactly(standalone, partner);
        assertThat(api.get("nodes?first=2&max=3").expect(200).ids()).containsExactly(kiosk, managed, region);
        assertThat(api.get("nodes?first=5&max=3").expect(200).ids()).containsExactly(store);
        assertThat(api.get("nodes?first=6").expect(200).ids()).isEmpty();
        assertThat(api.get("nodes?kind=ACCOUNT&first=1&max=1").expect(200).ids()).containsExactly(managed);
    }

    @Test
    void theDefaultPageIsAHundredAndMaxGoesUpToAThousand() {
        String account = tree.account(null, "Many");
        for (int i = 0; i < 104; i++) {
            tree.region(account, String.format("Region %03d", i));
        }
        assertThat(api.get("nodes").expect(200).ids()).hasSize(100);
        assertThat(api.get("nodes?max=1000").expect(200).ids()).hasSize(105);
        assertThat(api.get("nodes/" + account + "/children").expect(200).ids()).hasSize(100);
        assertThat(api.get("nodes/" + account + "/subtree").expect(200).ids()).hasSize(100);
        assertThat(api.get("nodes/" + account + "/subtree?first=100").expect(200).ids()).hasSize(4);
        assertThat(tree.count(account)).isEqualTo(104);
    }

    @Test
    void subtreePagesCarryEveryExternalIdAndCutByNodesNotRows() {
        String account = tree.account(null, "External Ids Account");
        String region = tree.region(account, "Only Region");
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ObjectNode body = Tree.locationBody(region, "Store " + i);
            body.putObject("externalIds").put("posId", "POS-" + i).put("license", "LIC-" + i).put("erp", "ERP-" + i);
            locations.add(tree.create(body).get("id").asText());
        }
        List<String> seen = new ArrayList<>();
        for (int first = 0; first < 6; first += 2) {
            JsonNode page = api.get("nodes/" + account + "/subtree?kind=LOCATION&max=2&first=" + first)
                    .expect(200).json();
            assertThat(page.size()).as("page at %d", first).isEqualTo(Math.min(2, 5 - first));
            for (JsonNode node : page) {
                int i = locations.indexOf(node.get("id").asText());
                assertThat(node.get("externalIds").properties()).as("external ids of Store %d", i).hasSize(3);
                assertThat(node.get("externalIds").get("posId").asText()).isEqualTo("POS-" + i);
                assertThat(node.get("externalIds").get("erp").asText()).isEqualTo("ERP-" + i);
                seen.add(node.get("id").asText());
            }
        }
        assertThat(seen).containsExactlyElementsOf(locations);
        assertThat(tree.subtreeIds(account, "?q=store%203")).containsExactly(locations.get(3));
    }

    @Test
    void subtreeOrderAndSearchFollowRenamesAndMoves() {
        String account = tree.account(null, "Ordering Account");
        String north = tree.region(account, "North");
        String south = tree.region(account, "South");
        String alpha = tree.location(north, "Alpha Store");
        String beta = tree.location(south, "Beta Store");
        assertThat(tree.subtreeIds(account, "?kind=LOCATION")).containsExactly(alpha, beta);

        ObjectNode renamed = Tree.locationBody(north, "Zeta Store");
        renamed.put("code", tree.get(alpha).get("code").asText());
        api.put("nodes/" + alpha, renamed).expect(200);
        assertThat(tree.subtreeIds(account, "?kind=LOCATION")).containsExactly(beta, alpha);
        assertThat(tree.subtreeIds(account, "?q=zeta")).containsExactly(alpha);
        assertThat(tree.subtreeIds(account, "?q=alpha")).isEmpty();
        assertThat(tree.subtreeIds(north, "?q=zeta")).containsExactly(alpha);
        String code = renamed.get("code").asText();
        assertThat(tree.subtreeIds(account, "?q=" + code.toUpperCase(java.util.Locale.ROOT))).as("code, any case").containsExactly(alpha);
        assertThat(tree.subtreeIds(account, "?q=" + code.toLowerCase(java.util.Locale.ROOT))).containsExactly(alpha);
        assertThat(tree.subtreeIds(account, "?q=ZETA%20sTORE")).as("name, any case").containsExactly(alpha);

        // a moved subtree keeps its names and kinds below its new ancestors, at its new depth
        String east = tree.region(north, "East");
        tree.move(east, south).expect(200);
        String gamma = tree.location(east, "Gamma Store");
        tree.move(south, north).expect(200);
        assertThat(tree.subtreeIds(north, "?kind=LOCATION")).containsExactly(alpha, beta, gamma);
        assertThat(tree.subtreeIds(north, "?kind=REGION")).containsExactly(south, east);
        assertThat(tree.subtreeIds(north, "?q=gamma")).containsExactly(gamma);
        assertThat(tree.subtreeIds(account, "?kind=LOCATION&maxDepth=3")).containsExactly(alpha, beta);
    }

    public static class ListingRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-listing");
        }
    }
}
