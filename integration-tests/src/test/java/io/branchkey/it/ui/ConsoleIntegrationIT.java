package io.branchkey.it.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.Chromium;
import io.branchkey.it.support.DemoRealm;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserProfileAttributeMetadata;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;

/**
 * Branchkey in Keycloak's own admin console: the demo realm's user profile declares the employee ID (validated) and
 * the home account (read-only, a copy Branchkey keeps in step with its own records), and the console shows both
 * in a user's details; its client list links to the admin UI.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class ConsoleIntegrationIT {

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;

    /** Users this test made in the shared demo realm, removed afterwards. */
    private final List<String> created = new java.util.ArrayList<>();

    @BeforeEach
    void demo() {
        api = DemoRealm.ensure(admin, urls);
    }

    @org.junit.jupiter.api.AfterEach
    void removeUsers() {
        created.forEach(id -> admin.realm(DemoRealm.NAME).users().delete(id).close());
    }

    @Test
    void theUserProfileDeclaresEmployeeIdAndHomeAccount() {
        UPConfig config = admin.realm(DemoRealm.NAME).users().userProfile().getConfiguration();
        assertThat(config.getAttribute("employeeId").getValidations()).containsKeys("length", "pattern");
        assertThat(config.getAttribute("homeAccount").getPermissions().getEdit()).isEmpty();
        assertThat(config.getGroups()).anyMatch(g -> "branchkey".equals(g.getName()));

        UserResource manager = user("gw-manager");
        UserRepresentation withMetadata = manager.toRepresentation(true);
        assertThat(withMetadata.getAttributes()).containsEntry("homeAccount", List.of("Greenwood Cannabis Co. (GW)"))
                .containsEntry("employeeId", List.of("GW-1001"));
        UserProfileAttributeMetadata home = withMetadata.getUserProfileMetadata().getAttributeMetadata("homeAccount");
        assertThat(home.isReadOnly()).as("the console shows the home account read-only").isTrue();
        assertThat(withMetadata.getUserProfileMetadata().getAttributeMetadata("employeeId").isReadOnly()).isFalse();
    }

    @Test
    void theEmployeeIdIsValidated() {
        String id = person("val-" + suffix());
        UserResource user = admin.realm(DemoRealm.NAME).users().get(id);
        UserRepresentation rep = user.toRepresentation();
        rep.singleAttribute("employeeId", "not valid!");
        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> user.update(rep));
        assertThat(refused).isNotNull();
        assertThat(refused.getResponse().readEntity(String.class)).contains("employee ID is letters, digits");

        rep.singleAttribute("employeeId", "CL-0042");
        user.update(rep);
        assertThat(user.toRepresentation().getAttributes()).containsEntry("employeeId", List.of("CL-0042"));
    }

    /** The copy follows Branchkey's record through set, rename, clear, removal of the membership and deletion. */
    @Test
    void theHomeAccountCopyFollowsBranchkey() {
        String run = suffix().toUpperCase(Locale.ROOT);
        String account = api.post("nodes", Map.of("kind", "ACCOUNT", "name", "Juniper Juice", "code", "JJ-" + run)).expect(201).id();
        String id = person("jj-" + run.toLowerCase(Locale.ROOT));
        UserResource user = admin.realm(DemoRealm.NAME).users().get(id);

        api.put("users/" + id + "/home-account", Map.of("nodeId", account)).expect(200);
        assertThat(homeAccount(user)).containsExactly("Juniper Juice (JJ-" + run + ")");

        api.put("nodes/" + account, Map.of("name", "Juniper Juice Co.", "code", "JJC-" + run)).expect(200);
        assertThat(homeAccount(user)).containsExactly("Juniper Juice Co. (JJC-" + run + ")");

        api.delete("users/" + id + "/home-account").expect(204);
        assertThat(homeAccount(user)).isNull();

        api.put("users/" + id + "/home-account", Map.of("nodeId", account)).expect(200);
        api.delete("nodes/" + account + "/users/" + id).expect(204);
        assertThat(homeAccount(user)).as("leaving the account ends it as home account").isNull();

        api.put("users/" + id + "/home-account", Map.of("nodeId", account)).expect(200);
        api.delete("nodes/" + account + "?cascade=true").expect(204);
        assertThat(homeAccount(user)).as("a deleted account is nobody's home").isNull();
    }

    /** What a realm admin sees in the console: the Branchkey attributes in a user's details, the UI's client. */
    @Test
    void theConsoleShowsTheAttributesAndLinksToTheUi() {
        String manager = user("gw-manager").toRepresentation().getId();
        try (Chromium browser = Chromium.start()) {
            String console = urls.getBase() + "/admin/" + DemoRealm.NAME + "/console/#/" + DemoRealm.NAME;
            browser.open(console + "/users/" + manager + "/settings");
            browser.signIn("realm-admin", DemoRealm.PASSWORD);
            browser.waitForText(By.tagName("body"), "Employee ID");
            browser.waitForText(By.tagName("body"), "Home account");
            browser.waitUntil(d -> d.findElements(By.tagName("input")).stream()
                    .anyMatch(input -> "Greenwood Cannabis Co. (GW)".equals(input.getDomProperty("value"))));
            browser.screenshot("console-user-details", By.xpath("//*[normalize-space(text())='Branchkey']"));

            browser.open(console + "/clients");
            browser.waitForText(By.tagName("body"), "branchkey-admin-ui");
            By link = By.cssSelector("a[href$='/realms/" + DemoRealm.NAME + "/branchkey/ui/']");
            browser.waitFor(link);
            browser.screenshot("console-clients");
        }
    }

    /** A user's PIN in the console's Credentials tab: its type, label and date, never the PIN; removable there. */
    @Test
    void theConsoleListsAPinCredentialWithoutItsSecret() {
        String id = person("pin-console-" + suffix());
        String pin = api.post("users/" + id + "/pin/generate", null).expect(200).json().get("pin").asText();
        try (Chromium browser = Chromium.start()) {
            String console = urls.getBase() + "/admin/" + DemoRealm.NAME + "/console/#/" + DemoRealm.NAME;
            browser.open(console + "/users/" + id + "/credentials");
            browser.signIn("realm-admin", DemoRealm.PASSWORD);
            // the console capitalises the type: "Branchkey-pin", with the label "PIN", the date and "Show data"
            browser.waitUntil(d -> browser.pageText().toLowerCase(java.util.Locale.ROOT).contains("branchkey-pin"));
            assertThat(browser.pageText()).contains("PIN").doesNotContain(pin);
            browser.click(By.xpath("//button[normalize-space()='Show data']"));
            browser.waitForText(By.tagName("body"), "HmacSHA256");
            assertThat(browser.pageText()).as("the credential's data: algorithm and parameters, no PIN").doesNotContain(pin);
            assertThat(browser.driver().getPageSource()).doesNotContain(pin);
            browser.screenshot("console-user-pin-credential");
        }
        // what the tab's delete calls: Keycloak's credential API removes our credential like any other
        var user = admin.realm(DemoRealm.NAME).users().get(id);
        var credential = user.credentials().stream().filter(c -> "branchkey-pin".equals(c.getType())).findFirst().orElseThrow();
        user.removeCredential(credential.getId());
        assertThat(api.get("users/" + id + "/pin").expect(200).json().get("configured").asBoolean()).isFalse();
    }

    private List<String> homeAccount(UserResource user) {
        Map<String, List<String>> attributes = user.toRepresentation().getAttributes();
        return attributes == null ? null : attributes.get("homeAccount");
    }

    private UserResource user(String username) {
        String id = admin.realm(DemoRealm.NAME).users().searchByUsername(username, true).get(0).getId();
        return admin.realm(DemoRealm.NAME).users().get(id);
    }

    private String person(String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setFirstName("Test");
        user.setLastName("Person");
        user.setEmail(username + "@example.com");
        user.setEnabled(true);
        try (Response response = admin.realm(DemoRealm.NAME).users().create(user)) {
            String id = CreatedResponseUtil.getCreatedId(response);
            created.add(id);
            return id;
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
