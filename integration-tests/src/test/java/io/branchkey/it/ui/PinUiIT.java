package io.branchkey.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

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
 * A realm admin generates a user's PIN in real Chromium: it is shown once and is nowhere on the page afterwards;
 * a reset removes it (the user chooses a new one at the next sign-in).
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class PinUiIT {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    Chromium browser;
    AdminUi ui;

    BranchkeyApi api;

    @BeforeEach
    void start() {
        api = DemoRealm.ensure(admin, urls);
        browser = Chromium.start();
        ui = new AdminUi(browser, urls);
    }

    String created;

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (created != null) {
                admin.realm(DemoRealm.NAME).users().delete(created).close();
            }
        }
    }

    private String person(String username, String first, String last) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(username + "@greenwood-cannabis.example");
        user.setEnabled(true);
        try (Response response = admin.realm(DemoRealm.NAME).users().create(user)) {
            created = CreatedResponseUtil.getCreatedId(response);
        }
        api.put("nodes/" + DemoRealm.node(api, "GW-DEN-001") + "/users/" + created, null).expect(204);
        return created;
    }

    @Test
    void aGeneratedPinIsShownOnce() {
        // A person of its own: a reset gives the user the set-PIN required action, which other tests' demo users must not get.
        String cashier = person("pin-" + UUID.randomUUID().toString().substring(0, 6), "Avery", "Lindqvist");
        ui.signIn("realm-admin");
        ui.go("#/users/" + cashier);
        ui.waitForHeading("Avery Lindqvist");

        browser.click(By.id("pin-generate"));
        String pin = browser.waitFor(By.id("pin-value")).getText();
        assertThat(pin).matches("[0-9]{4,12}");
        browser.waitForText(By.id("pin-status"), "A PIN is set since");
        browser.screenshot("pin-generated", By.id("user-pin"));

        browser.click(By.id("pin-done"));
        browser.waitUntil(d -> d.findElements(By.id("pin-value")).isEmpty());
        assertThat(browser.driver().getPageSource()).doesNotContain(">" + pin + "<");

        // Coming back shows the status, never the PIN.
        ui.go("#/");
        ui.go("#/users/" + cashier);
        browser.waitForText(By.id("pin-status"), "A PIN is set since");
        assertThat(browser.driver().getPageSource()).doesNotContain(">" + pin + "<");

        // Reset: the PIN goes; the user sets a new one at the next sign-in.
        browser.driver().executeScript("window.confirm = () => true;");
        browser.click(By.id("pin-reset"));
        browser.waitForText(By.id("pin-status"), "No PIN is set");
        ui.assertNoCspViolations();
    }
}
