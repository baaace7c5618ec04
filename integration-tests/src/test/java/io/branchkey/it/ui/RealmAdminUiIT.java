package io.branchkey.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.Chromium;
import io.branchkey.it.support.DemoRealm;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;

/**
 * A realm admin in real Chromium: signs in to the admin UI (authorization code with PKCE), builds an account with a
 * region and a location, makes a role group, grants it to a user at the location with start and end dates and sees
 * it among the user's grants; assigns in bulk and sets an override rule on the way. Screenshots go to docs/.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class RealmAdminUiIT {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;
    Chromium browser;
    AdminUi ui;

    @BeforeEach
    void start() {
        api = DemoRealm.ensure(admin, urls);
        browser = Chromium.start();
        ui = new AdminUi(browser, urls);
    }

    /** What this test added to the shared demo realm goes again: other tests count its nodes. */
    private final List<Runnable> cleanup = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            cleanup.forEach(Runnable::run);
        }
    }

    @Test
    void realmAdminBuildsATreeAndGrantsARoleGroup() {
        String run = UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        String riley = person("riley-" + run.toLowerCase(Locale.ROOT), "Riley", "Chen");

        ui.signIn("realm-admin");
        browser.waitForText(By.id("mode"), "Realm admin");
        browser.waitForText(By.id("tree"), "RelayOrder Integrations");
        browser.screenshot("admin-start");

        // An account at the top of the tree …
        browser.click(By.id("new-root"));
        ui.waitForHeading("New place");
        ui.select("node-create-form", "kind", "Account");
        ui.field("node-create-form", "name", "Copperleaf Coffee " + run);
        ui.field("node-create-form", "code", "CL-" + run);
        ui.field("node-create-form", "timezone", "America/Los_Angeles");
        ui.submit("node-create-form");
        ui.waitForHeading("Copperleaf Coffee " + run);
        String account = DemoRealm.node(api, "CL-" + run);
        cleanup.add(() -> api.delete("nodes/" + account + "?cascade=true").expect(204));

        // … a region in it …
        browser.click(By.id("add-child"));
        ui.waitForHeading("New place in Copperleaf Coffee " + run);
        ui.select("node-create-form", "kind", "Region");
        ui.field("node-create-form", "name", "Pacific Northwest");
        ui.field("node-create-form", "code", "CL-" + run + "-PNW");
        ui.submit("node-create-form");
        ui.waitForHeading("Pacific Northwest");

        // … and a location in the region.
        browser.click(By.id("add-child"));
        ui.waitForHeading("New place in Pacific Northwest");
        ui.select("node-create-form", "kind", "Location");
        ui.field("node-create-form", "name", "Copperleaf Pike Place");
        ui.field("node-create-form", "code", "CL-" + run + "-SEA-01");
        ui.field("node-create-form", "timezone", "America/Los_Angeles");
        ui.field("node-create-form", "address.line1", "1912 Pike Pl");
        ui.field("node-create-form", "address.city", "Seattle");
        ui.field("node-create-form", "address.region", "WA");
        ui.field("node-create-form", "address.postalCode", "98101");
        ui.field("node-create-form", "address.country", "US");
        ui.field("node-create-form", "externalIds", "posId=POS-CL-0001");
        ui.submit("node-create-form");
        ui.waitForHeading("Copperleaf Pike Place");
        String location = DemoRealm.node(api, "CL-" + run + "-SEA-01");
        JsonNode created = api.get("nodes/" + location).expect(200).json();
        assertThat(created.path("kind").asText()).isEqualTo("LOCATION");
        assertThat(created.path("parentId").asText()).isEqualTo(DemoRealm.node(api, "CL-" + run + "-PNW"));
        assertThat(created.path("address").path("city").asText()).isEqualTo("Seattle");
        browser.waitForText(By.id("tree"), "Copperleaf Pike Place");
        browser.screenshot("admin-location");

        // A server-side validation error lands next to its field.
        browser.click(By.id("edit-node"));
        ui.field("node-edit-form", "timezone", "Mars/Olympus_Mons");
        ui.submit("node-edit-form");
        browser.waitForText(By.cssSelector("#node-edit-form [data-field='timezone'] .field-error"), "IANA");
        browser.screenshot("admin-field-error");
        browser.click(By.xpath("//form[@id='node-edit-form']//button[normalize-space()='Cancel']"));

        // Riley works there.
        ui.go("#/nodes/" + location + "/users");
        ui.pickUser("add-member-form", "userId", "riley-" + run.toLowerCase(Locale.ROOT));
        ui.submit("add-member-form");
        browser.waitForText(By.id("main"), "riley-" + run.toLowerCase(Locale.ROOT));

        // A role group of the account, with implications shown.
        ui.go("#/role-groups/new?owner=" + account);
        ui.waitForHeading("New role group of Copperleaf Coffee " + run);
        ui.field("role-group-form", "name", "Barista");
        ui.field("role-group-form", "description", "Works the register; sees recent sales.");
        for (String key : List.of("register.access", "register.finalize-sale", "register.transactions.view")) {
            browser.type(By.id("permission-filter"), key);
            browser.click(By.cssSelector("#role-group-form input[value='" + key + "']"));
        }
        browser.type(By.id("permission-filter"), "register.");
        browser.waitForText(By.id("permission-count"), "3 permissions chosen, plus 2 through implications");
        browser.screenshot("role-group-editor", By.cssSelector("#role-group-form [data-field='permissions'] h2"));
        ui.submit("role-group-form");
        ui.waitForHeading("Barista");
        JsonNode group = api.get("role-groups?ownerNodeId=" + account).expect(200).elements().get(0);
        assertThat(group.path("name").asText()).isEqualTo("Barista");

        // Grant it to Riley at the location, from 1 Jan 2027 09:00 to 1 Feb 2027 17:00 (browser time).
        ui.go("#/users/" + riley);
        ui.waitForHeading("Riley Chen");
        ui.pickNode("grant-form", "nodeId", "CL-" + run + "-SEA", "Copperleaf Pike Place");
        ui.select("grant-form", "roleGroupId", "Barista");
        browser.setValue(By.cssSelector("#grant-form [name='startsAt']"), "2027-01-01T09:00");
        browser.setValue(By.cssSelector("#grant-form [name='endsAt']"), "2027-02-01T17:00");
        ui.submit("grant-form");
        browser.waitForText(By.id("grants"), "Barista");
        browser.waitForText(By.id("grants"), "Copperleaf Pike Place");
        browser.waitForText(By.id("grants"), "Starts later");
        browser.screenshot("user-grants", By.id("user-grants"));

        List<JsonNode> grants = api.get("users/" + riley + "/access/grants").expect(200).elements();
        assertThat(grants).hasSize(1);
        ZoneId browserZone = ZoneId.systemDefault();
        assertThat(grants.get(0).path("nodeId").asText()).isEqualTo(location);
        assertThat(grants.get(0).path("roleGroupId").asText()).isEqualTo(group.path("id").asText());
        assertThat(grants.get(0).path("startsAt").asLong())
                .isEqualTo(LocalDateTime.of(2027, 1, 1, 9, 0).atZone(browserZone).toInstant().toEpochMilli());
        assertThat(grants.get(0).path("endsAt").asLong())
                .isEqualTo(LocalDateTime.of(2027, 2, 1, 17, 0).atZone(browserZone).toInstant().toEpochMilli());

        // An override rule at the region holds at the location below it.
        ui.go("#/nodes/" + DemoRealm.node(api, "CL-" + run + "-PNW") + "/overrides");
        ui.field("override-form", "action", "return");
        ui.field("override-form", "thresholdAmount", "5000");
        ui.submit("override-form");
        browser.waitForText(By.id("main"), "50.00 (5000 cents)");
        ui.go("#/nodes/" + location + "/overrides");
        browser.waitForText(By.id("main"), "Pacific Northwest");
        browser.screenshot("override-policy");

        // Bulk: Riley and a second person to the location, one pair already in place.
        String sam = person("sam-" + run.toLowerCase(Locale.ROOT), "Sam", "Ortiz");
        ui.go("#/bulk");
        browser.type(By.cssSelector("#bulk-form [data-field='userIds'] input[type=search]"), run.toLowerCase(Locale.ROOT));
        browser.click(By.xpath("//form[@id='bulk-form']//*[@data-field='userIds']//button[normalize-space()='Find']"));
        browser.click(By.xpath("//label[contains(., 'riley-" + run.toLowerCase(Locale.ROOT) + "')]"));
        browser.click(By.xpath("//label[contains(., 'sam-" + run.toLowerCase(Locale.ROOT) + "')]"));
        browser.type(By.id("bulk-location-search"), "CL-" + run);
        browser.click(By.xpath("//form[@id='bulk-form']//button[normalize-space()='Find' and not(ancestor::*[@data-field='userIds'])]"));
        browser.click(By.xpath("//fieldset[@id='bulk-locations']//label[contains(., 'Copperleaf Pike Place')]"));
        ui.submit("bulk-form");
        browser.waitForText(By.id("bulk-results"), "Assigned");
        browser.screenshot("bulk-assignment", By.xpath("//form[@id='bulk-form']//h2[starts-with(., '2.')]"));
        assertThat(api.get("nodes/" + location + "/users").expect(200).ids()).contains(riley, sam);

        // The narrow layout: the tree folds behind a button.
        ui.go("#/nodes/" + location);
        browser.resize(Chromium.PHONE);
        browser.screenshot("phone-location", By.className("topbar"));
        browser.resize(Chromium.DESKTOP);

        ui.assertNoCspViolations();
    }

    private String person(String username, String first, String last) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(username + "@copperleaf.example");
        user.setEnabled(true);
        try (Response response = admin.realm(DemoRealm.NAME).users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            cleanup.add(() -> admin.realm(DemoRealm.NAME).users().delete(id).close());
            return id;
        }
    }
}
