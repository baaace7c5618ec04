package io.branchkey.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.DemoRealm;
import io.branchkey.it.support.Firefox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The admin UI in real headless Firefox (the Chromium tests cover the screens in depth): sign-in with PKCE, the
 * tree, a location and a user's grants load for a realm admin; an account manager sees their account only; no
 * screen of the UI logs an error (a script Firefox cannot run, or a Content-Security-Policy violation, would show up
 * here).
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class FirefoxUiIT {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;
    Firefox firefox;
    String ui;

    @BeforeEach
    void start() {
        api = DemoRealm.ensure(admin, urls);
        firefox = Firefox.start();
        ui = urls.getBase() + "/realms/" + DemoRealm.NAME + "/branchkey/ui/";
    }

    @AfterEach
    void stop() {
        if (firefox != null) {
            firefox.close();
        }
    }

    /** Keycloak's login page as a person fills it (the branchkey theme keeps keycloak.v2's field ids). */
    private void signIn(String username) {
        firefox.open(ui);
        firefox.waitUntil("document.getElementById('kc-login')");
        firefox.eval("document.getElementById('username').value = " + js(username) + ";"
                + " document.getElementById('password').value = " + js(DemoRealm.PASSWORD) + ";"
                + " document.getElementById('kc-login').click(); 'ok'");
        firefox.waitUntil("document.getElementById('who') && document.querySelectorAll('#tree > li').length > 0"
                + " && document.getElementById('main').getAttribute('aria-busy') !== 'true'");
        // What Keycloak's own login page logged is not the UI's: its web fonts stop loading when the form is sent.
        firefox.clearErrors();
    }

    private void go(String route) {
        firefox.eval("location.hash = " + js(route) + "; 'ok'");
        firefox.waitUntil("document.getElementById('main').getAttribute('data-route') === " + js(route.substring(1))
                + " && document.getElementById('main').getAttribute('aria-busy') !== 'true'");
    }

    private static String js(String value) {
        return BranchkeyApi.toJson(value);
    }

    @Test
    void aRealmAdminWorksInFirefox() {
        signIn("realm-admin");
        firefox.waitUntil("document.getElementById('mode').innerText.includes('Realm admin')");
        assertThat(firefox.eval("document.getElementById('tree').innerText")).contains("RelayOrder Integrations");

        go("#/nodes/" + DemoRealm.node(api, "GW-DEN-001"));
        firefox.waitUntil("document.querySelector('main h1') && document.querySelector('main h1').innerText"
                + ".includes('Greenwood Downtown Denver')");
        firefox.screenshot("firefox-location");

        String cashier = admin.realm(DemoRealm.NAME).users().searchByUsername("gw-den-cashier2", true).get(0).getId();
        go("#/users/" + cashier);
        firefox.waitUntil("document.body.innerText.includes('KlickTrack Budtender')");
        assertThat(firefox.errors()).as("errors the pages logged in Firefox").isEmpty();
    }

    @Test
    void anAccountManagerSeesTheirAccountOnlyInFirefox() {
        signIn("gw-manager");
        String tree = firefox.eval("document.getElementById('tree').innerText");
        assertThat(tree).contains("Greenwood").doesNotContain("Harbor");
        assertThat(firefox.pageText()).doesNotContain("Harbor & Vine");
        assertThat(firefox.errors()).as("errors the pages logged in Firefox").isEmpty();
    }
}
