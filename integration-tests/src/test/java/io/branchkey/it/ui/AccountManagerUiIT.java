package io.branchkey.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.Chromium;
import io.branchkey.it.support.DemoRealm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;

/**
 * Greenwood's account manager in real Chromium: the UI shows Greenwood's subtree and nothing of Harbor & Vine
 * (tree, search, role groups, a direct link), and an attempt to grant a role group with permissions the manager
 * does not hold is refused with the server's message, which then shows in the audit log as refused.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class AccountManagerUiIT {

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

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void accountManagerSeesOnlyTheirAccountAndCannotEscalate() {
        ui.signIn("gw-manager");
        browser.waitForText(By.id("mode"), "Manager");
        browser.waitForText(By.id("tree"), "Greenwood Cannabis Co.");
        assertNothingOfHarborAndVine();
        browser.screenshot("manager-start");

        // The tree opens down to the stores; still nothing foreign.
        String greenwood = DemoRealm.node(api, "GW");
        ui.go("#/nodes/" + DemoRealm.node(api, "GW-DEN-001"));
        ui.waitForHeading("Greenwood Downtown Denver");
        browser.waitForText(By.id("tree"), "Front Range");
        assertNothingOfHarborAndVine();

        // Searching the tree finds Greenwood's places only.
        browser.type(By.id("tree-search"), "HV");
        browser.click(By.xpath("//form[@role='search']//button[normalize-space()='Search']"));
        browser.waitForText(By.cssSelector("#sidebar-content p[role=status]"), "No match");
        browser.type(By.id("tree-search"), "Denver");
        browser.click(By.xpath("//form[@role='search']//button[normalize-space()='Search']"));
        browser.waitForText(By.id("tree-results"), "Greenwood Downtown Denver");
        browser.screenshot("manager-search");
        browser.click(By.xpath("//form[@role='search']//button[normalize-space()='Clear']"));

        // A direct link to Harbor & Vine answers like an unknown place.
        ui.go("#/nodes/" + DemoRealm.node(api, "HV"));
        browser.waitForText(By.id("main"), "no node with id");
        assertNothingOfHarborAndVine();

        // Role groups: Greenwood's own and the templates; nothing owned by Harbor & Vine.
        ui.go("#/role-groups?owner=" + greenwood);
        ui.waitForHeading("Role groups of Greenwood Cannabis Co.");
        assertNothingOfHarborAndVine();

        // The users of the account, then one cashier's page.
        ui.go("#/nodes/" + greenwood + "/users");
        browser.click(By.id("users-subtree"));
        browser.waitForText(By.id("main"), "gw-den-cashier1");
        browser.screenshot("manager-users");
        String cashier = admin.realm(DemoRealm.NAME).users().searchByUsername("gw-den-cashier1", true).get(0).getId();
        int grantsBefore = api.get("users/" + cashier + "/access/grants").expect(200).elements().size();
        ui.go("#/users/" + cashier);
        ui.waitForHeading("Jordan Kim");

        // Escalation: Deliverect's partner template holds rights the manager does not have at the store.
        ui.pickNode("grant-form", "nodeId", "GW-DEN-001", "Greenwood Downtown Denver");
        ui.select("grant-form", "roleGroupId", "Deliverect Partner");
        ui.submit("grant-form");
        String refusal = ui.formError("grant-form");
        assertThat(refusal).contains("you cannot hand out permissions you do not hold here");
        browser.screenshot("manager-escalation-refused", By.id("grant-form"));
        assertThat(api.get("users/" + cashier + "/access/grants").expect(200).elements()).hasSize(grantsBefore);

        // Greenwood's manager holds no audit.view: no audit tab for them.
        ui.go("#/nodes/" + DemoRealm.node(api, "GW-DEN-001"));
        assertThat(browser.driver().findElements(By.id("tab-audit"))).isEmpty();
        assertNothingOfHarborAndVine();
        ui.assertNoCspViolations();
        browser.close();

        // A realm admin finds the refusal in the audit log of the store.
        browser = Chromium.start();
        ui = new AdminUi(browser, urls);
        ui.signIn("realm-admin");
        ui.go("#/audit?nodeId=" + DemoRealm.node(api, "GW-DEN-001"));
        ui.select("audit-filter", "outcome", "Refused");
        ui.submit("audit-filter");
        browser.waitForText(By.id("audit-results"), "GRANT_CREATE");
        browser.waitForText(By.id("audit-results"), "gw-manager");
        browser.waitForText(By.id("audit-results"), "Refused");
        browser.screenshot("audit-log", By.className("topbar"));
        List<JsonNode> refused = api.get("audit?nodeId=" + DemoRealm.node(api, "GW-DEN-001")).expect(200).elements().stream()
                .filter(e -> "REFUSED".equals(e.path("outcome").asText())).toList();
        assertThat(refused).isNotEmpty();
    }

    private void assertNothingOfHarborAndVine() {
        browser.waitForScreen();
        String page = browser.driver().getPageSource();
        assertThat(page).doesNotContain("Harbor", "HV-SEA", "Seattle", "hv-manager");
    }
}
