package io.branchkey.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A store manager in real Chromium creates a device enrollment code at their store: it is shown once and is gone
 * from the page after "Done" and after coming back.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class DevicesUiIT {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    String store;
    Chromium browser;
    AdminUi ui;

    @BeforeEach
    void start() {
        store = DemoRealm.node(DemoRealm.ensure(admin, urls), "GW-DEN-001");
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
    void anEnrollmentCodeIsShownOnce() {
        ui.signIn("gw-den-manager");
        browser.screenshot("store-manager-start");
        ui.go("#/nodes/" + store + "/devices");
        ui.waitForHeading("Greenwood Downtown Denver");

        ui.field("enrollment-form", "name", "Front register");
        ui.submit("enrollment-form");
        String code = browser.waitFor(By.id("enrollment-code")).getText();
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        browser.screenshot("devices-enrollment-code", By.id("node-title"));

        browser.click(By.id("enrollment-done"));
        browser.waitUntil(d -> d.findElements(By.id("enrollment-code")).isEmpty());
        assertThat(browser.driver().getPageSource()).doesNotContain(code);

        ui.go("#/nodes/" + store + "/details");
        ui.go("#/nodes/" + store + "/devices");
        assertThat(browser.driver().getPageSource()).as("the code is nowhere once dismissed").doesNotContain(code);

        browser.resize(Chromium.PHONE);
        browser.screenshot("phone-devices", By.className("topbar"));
        browser.resize(Chromium.DESKTOP);
        ui.assertNoCspViolations();
    }
}
