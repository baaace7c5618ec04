package io.branchkey.it.pin;

import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.branchkey.it.pin.PinWorld.Person;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyServerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.oauth.OAuthClient;
import org.keycloak.testframework.oauth.annotations.InjectOAuthClient;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The set-PIN required action in a browser (headless Chromium where chromedriver is installed, else HtmlUnit): the form, its errors, a chosen PIN, a generated
 * PIN shown once when users may not choose or are at a PIN-only location, PIN-only locations keeping PINs
 * unique, and a per-user budget of attempts (docs/pin.md).
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetPinRequiredActionIT {

    /** Neither is on the blocklist (PinBlocklistTest). */
    static final String PIN_P = "604817";
    static final String PIN_Q = "739184";

    public static class RequiredActionRealm extends PinWorld.Realm {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return super.configure(realm).name("bk-pin-action");
        }
    }

    @InjectRealm(ref = "pin-action", config = RequiredActionRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @InjectWebDriver
    ManagedWebDriver driver;

    @InjectOAuthClient(realmRef = "pin-action")
    OAuthClient oauth;

    static PinWorld world;
    PinWorld w;

    @BeforeEach
    void world() {
        if (world == null || !world.realm.getId().equals(realm.getId())) {
            world = new PinWorld(realm, urls, keycloak).withTree();
            world.pinsSeen.addAll(List.of(PIN_P, PIN_Q));
        }
        w = world;
    }

    /** Logs the person in with their password in a fresh browser session; the set-PIN form should follow. */
    private void loginAs(Person person) {
        // Forget the previous test's session: a real browser deletes only the cookies the current address sees, and
        // Keycloak's session cookies have the path /realms/{realm}/, so stand there (with the slash).
        driver.open(urls.getBase() + "/realms/" + realm.getName() + "/");
        driver.driver().manage().deleteAllCookies();
        oauth.openLoginForm();
        WebElement username = driver.findElement(By.id("username"));
        oauth.fillLoginForm(person.username(), PinWorld.PASSWORD);
        afterNavigationFrom(username);
    }

    /**
     * Waits until the page that held {@code element} has been replaced. HtmlUnit loads the next page before a click
     * returns; Chromium does not, and reading at once would read the old page.
     */
    private void afterNavigationFrom(WebElement element) {
        new WebDriverWait(driver.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(element));
    }

    /** A person with a pending set-PIN action (a realm admin reset their PIN). */
    private Person needingAPin(String prefix, String... memberOf) {
        Person person = w.person(prefix, w.accountA, memberOf);
        w.admin.delete("users/" + person.id() + "/pin").expect(204);
        return person;
    }

    private void submitPin(String pin, String confirmation) {
        WebElement field = driver.findElement(By.id("pin"));
        field.clear();
        field.sendKeys(pin);
        WebElement confirm = driver.findElement(By.id("pin-confirm"));
        confirm.clear();
        confirm.sendKeys(confirmation);
        driver.findElement(By.id("kc-submit")).click();
        afterNavigationFrom(field);
    }

    private String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private boolean onSetPinForm() {
        return driver.driver().getPageSource().contains("template: branchkey-set-pin.ftl");
    }

    /** Chooses a PIN through the form and expects success. */
    private void choose(Person person, String pin) {
        loginAs(person);
        assertThat(onSetPinForm()).as("set-PIN form for %s: %s", person, pageText()).isTrue();
        submitPin(pin, pin);
        assertThat(onSetPinForm()).as("after choosing %s: %s", pin, pageText()).isFalse();
        assertThat(w.status(person).get("configured").asBoolean()).isTrue();
    }

    @Test
    @Order(1)
    void theFormIsAccessibleAndExplainsEveryRefusal() {
        Person person = needingAPin("form", w.storeA1);
        loginAs(person);
        assertThat(onSetPinForm()).as(pageText()).isTrue();
        WebElement pin = driver.findElement(By.id("pin"));
        assertThat(pin.getAttribute("inputmode")).isEqualTo("numeric");
        assertThat(pin.getAttribute("autocomplete")).isEqualTo("off");
        assertThat(pin.getAttribute("type")).isEqualTo("password");
        assertThat(driver.findElement(By.cssSelector("label[for='pin']")).getText()).contains("New PIN");
        assertThat(driver.findElement(By.cssSelector("label[for='pin-confirm']")).getText()).contains("Repeat the PIN");
        assertThat(pageText()).contains("Choose a PIN of 6 digits");

        submitPin("58392", "58392");
        assertThat(driver.findElement(By.id("input-error-pin")).getText()).contains("exactly 6 digits");
        assertThat(driver.findElement(By.id("pin")).getAttribute("aria-invalid")).isEqualTo("true");
        submitPin("123456", "123456");
        assertThat(driver.findElement(By.id("input-error-pin")).getText()).contains("too easy to guess");
        submitPin("58a920", "58a920");
        assertThat(driver.findElement(By.id("input-error-pin")).getText()).contains("digits only");
        submitPin(PIN_P, "604818");
        assertThat(driver.findElement(By.id("input-error-pin-confirm")).getText()).contains("not the same");
        submitPin("", "");
        assertThat(driver.findElement(By.id("input-error-pin")).getText()).contains("Enter a PIN");
        assertThat(w.status(person).get("configured").asBoolean()).isFalse();

        submitPin(PIN_P, PIN_P);
        assertThat(onSetPinForm()).as(pageText()).isFalse();
        assertThat(w.status(person).get("configured").asBoolean()).isTrue();
        assertThat(w.requiredActions(person)).doesNotContain(PinWorld.SET_PIN);
        assertThat(driver.driver().getPageSource()).doesNotContain(PIN_P);
    }

    @Test
    @Order(2)
    void whenUsersMayNotChooseTheNewPinIsShownOnce() {
        w.admin.put("pin-policy", Map.of("usersMayChoose", false)).expect(200);
        try {
            Person person = needingAPin("shown", w.storeA1);
            loginAs(person);
            assertThat(onSetPinForm()).as(pageText()).isTrue();
            String shown = driver.findElement(By.id("bk-generated-pin")).getText().trim();
            w.pinsSeen.add(shown);
            assertThat(shown).matches("[0-9]{6}");
            assertThat(pageText()).contains("shown only this once");
            assertThat(driver.driver().findElements(By.id("pin"))).isEmpty();
            assertThat(w.status(person).get("configured").asBoolean()).isTrue();
            WebElement submit = driver.findElement(By.id("kc-submit"));
            submit.click();
            afterNavigationFrom(submit);
            assertThat(onSetPinForm()).as(pageText()).isFalse();
            assertThat(w.requiredActions(person)).doesNotContain(PinWorld.SET_PIN);
        } finally {
            w.admin.put("pin-policy", "{}").expect(200);
        }
    }

    @Test
    @Order(3)
    void pinOnlyLocationsKeepPinsUnique() {
        String store = w.store(w.accountA, "Pin-only store");
        Person first = needingAPin("first", store);
        Person second = needingAPin("second", store);
        choose(first, PIN_P);
        choose(second, PIN_P);

        // two members share a PIN: the switch says how many must change theirs, not who
        ApiResponse refused = w.admin.put("nodes/" + store + "/pin-settings", Map.of("mode", "PIN_ONLY"));
        assertFieldError(refused, 409, "conflict", "mode");
        assertThat(refused.json().get("message").asText()).startsWith("1 member(s)");
        assertThat(refused.body()).doesNotContain(first.id()).doesNotContain(second.id())
                .doesNotContain(first.username()).doesNotContain(second.username());

        // removing one PIN through Keycloak's own API removes its blind index too: the switch now succeeds
        CredentialRepresentation credential = w.pinCredentials(first).get(0);
        realm.admin().users().get(first.id()).removeCredential(credential.getId());
        w.admin.put("nodes/" + store + "/pin-settings", Map.of("mode", "PIN_ONLY")).expect(200);

        // a member of a PIN-only location does not choose: the PIN is generated and shown once, so no answer to a
        // tried PIN can tell that a colleague has it
        Person third = needingAPin("third", store);
        loginAs(third);
        assertThat(onSetPinForm()).as(pageText()).isTrue();
        assertThat(driver.driver().findElements(By.id("pin"))).as("no PIN to choose").isEmpty();
        String shown = driver.findElement(By.id("bk-generated-pin")).getText().trim();
        w.pinsSeen.add(shown);
        assertThat(shown).matches("[0-9]{6}").isNotEqualTo(PIN_P);
        WebElement noted = driver.findElement(By.id("kc-submit"));
        noted.click();
        afterNavigationFrom(noted);
        assertThat(onSetPinForm()).as(pageText()).isFalse();

        // nor can somebody join it with a PIN a member has
        Person outsider = needingAPin("outsider", w.storeA2);
        choose(outsider, shown);
        assertFieldError(w.admin.put("nodes/" + store + "/users/" + outsider.id(), null), 409, "conflict", "userId");
        assertThat(w.admin.get("users/" + outsider.id() + "/tenancy").expect(200).body()).doesNotContain(store);
        // the first member, left without a PIN, gets a generated one that no member there has
        w.generate(first);
    }

    @Test
    @Order(4)
    void setPinAttemptsAreLimitedPerUser() throws InterruptedException {
        long intoTheHour = System.currentTimeMillis() / 1000 % 3600;
        if (intoTheHour > 3540) { // the budget is per clock hour: do not straddle two
            Thread.sleep((3601 - intoTheHour) * 1000);
        }
        Person person = needingAPin("hasty", w.storeA1);
        loginAs(person);
        for (int attempt = 0; attempt < 10; attempt++) {
            submitPin("123456", "123456");
            assertThat(driver.findElement(By.id("input-error-pin")).getText()).contains("too easy to guess");
        }
        submitPin(PIN_P, PIN_P);
        assertThat(driver.findElement(By.id("input-error-pin")).getText()).contains("Too many attempts");
        assertThat(w.status(person).get("configured").asBoolean()).isFalse();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noPinOfThisClassIsInTheServerLog() {
        w.assertNoPinInServerLog();
    }
}
