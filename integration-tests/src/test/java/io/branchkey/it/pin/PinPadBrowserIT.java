package io.branchkey.it.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.AccessApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.Chromium;
import io.branchkey.it.support.OidcTokens;
import io.branchkey.it.support.RegisterSessions;
import io.branchkey.it.support.RegisterShop;
import io.branchkey.it.support.TestDevice;
import io.branchkey.it.support.Tree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.server.KeycloakUrls;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The PIN pad of a web register in real headless Chromium: the register client's browser flow is Branchkey's
 * registered-device step followed by the PIN pad, set up through the admin API exactly as docs/pin.md tells an
 * administrator. The device opens the authorization endpoint with its assertion; staff pick their tile and tap
 * their PIN on the keypad; the code exchanged at the end gives a token locked to the device's location with the
 * PIN acr.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class PinPadBrowserIT {

    static final String FLOW = "branchkey register browser";
    static final String REDIRECT = "http://127.0.0.1/register/callback";

    public static class PinPadRealm extends RegisterShop.Realm {
        @Override
        protected String name() {
            return "bk-pin-pad";
        }

        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            // Keycloak's own login theme: the PIN pages come with the provider jar, not with a theme of ours
            return super.configure(realm).update(r -> r.setLoginTheme("keycloak.v2"));
        }
    }

    @InjectRealm(ref = "pin-pad", config = PinPadRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static RegisterShop world;
    static Chromium browser;
    RegisterShop w;

    @BeforeEach
    void world() {
        if (world == null) {
            world = RegisterShop.of(null, realm, keycloak, urls);
            bindRegisterFlow();
            RegisterSessions.requirePasswordLevel(realm.admin(), "account-console");
        }
        w = world;
        w.admin.post("devices/" + w.register.id() + "/unlock", null).expect(200);
        if (browser == null) {
            browser = Chromium.start();
        }
        forgetSessions();
    }

    /** A fresh register: no SSO cookie of an earlier login (cookies are deleted for the page's own host only). */
    private void forgetSessions() {
        browser.open(w.issuer + "/.well-known/openid-configuration");
        browser.driver().manage().deleteAllCookies();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        world = null;
    }

    /** What docs/pin.md asks of an administrator: the two-step flow, bound as the register client's browser flow. */
    private void bindRegisterFlow() {
        AuthenticationManagementResource flows = realm.admin().flows();
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(FLOW);
        flow.setDescription("Web registers: device proof, then the PIN pad");
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flows.createFlow(flow).close();
        for (String provider : List.of("branchkey-register-device", "branchkey-pin-pad")) {
            flows.addExecution(FLOW, Map.of("provider", provider));
        }
        for (AuthenticationExecutionInfoRepresentation execution : flows.getExecutions(FLOW)) {
            execution.setRequirement("REQUIRED");
            flows.updateExecutions(FLOW, execution);
        }
        String flowId = flows.getFlows().stream().filter(f -> FLOW.equals(f.getAlias())).findFirst().orElseThrow().getId();
        ClientRepresentation client = realm.admin().clients().findByClientId(RegisterShop.REGISTER_CLIENT).get(0);
        client.setAuthenticationFlowBindingOverrides(Map.of("browser", flowId));
        client.setRedirectUris(List.of(REDIRECT));
        realm.admin().clients().get(client.getId()).update(client);
    }

    /** PKCE as the register app does it: a fresh verifier per login. */
    private record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Opens the PIN pad as the device's app does; returns the PKCE verifier for the code exchange. */
    private Pkce openPinPad(String deviceAssertion) {
        Pkce pkce = Pkce.create();
        browser.open(w.issuer + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + RegisterShop.REGISTER_CLIENT
                + "&redirect_uri=" + encode(REDIRECT)
                + "&code_challenge_method=S256&code_challenge=" + pkce.challenge()
                + "&state=" + Tree.uniqueCode("st")
                + "&branchkey_device_assertion=" + encode(deviceAssertion));
        return pkce;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void pickTile(String name) {
        browser.waitFor(By.id("kc-branchkey-pin-pad"));
        WebElement tile = browser.driver().findElements(By.cssSelector("label.bk-tile")).stream()
                .filter(label -> label.getText().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tile " + name + " in: " + browser.pageText()));
        browser.scrollIntoView(tile);
        tile.click();
    }

    /** Taps the digits on the on-screen keypad (the keypad exists only with JavaScript: this proves pin-pad.js runs). */
    private static void tap(String pin) {
        browser.waitFor(By.cssSelector(".bk-keypad"));
        for (char digit : pin.toCharArray()) {
            browser.click(By.cssSelector(".bk-key[data-digit='" + digit + "']"));
        }
        assertThat(browser.driver().findElement(By.id("pin")).getAttribute("value")).isEqualTo(pin);
    }

    private static void enter() {
        browser.click(By.id("kc-submit"));
    }

    /** Waits for the redirect back to the register app and exchanges its code. */
    private OidcTokens.TokenResponse codeExchange(Pkce pkce) {
        try {
            browser.waitUntil(d -> d.getCurrentUrl().startsWith(REDIRECT));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no redirect to the register app; the page says: " + browser.pageText(), e);
        }
        String query = URI.create(browser.driver().getCurrentUrl()).getQuery();
        String code = java.util.Arrays.stream(query.split("&")).filter(p -> p.startsWith("code="))
                .map(p -> java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8)).findFirst()
                .orElseThrow(() -> new AssertionError("no code in " + query));
        return w.tokens.grant("grant_type", "authorization_code", "client_id", RegisterShop.REGISTER_CLIENT,
                "code", code, "redirect_uri", REDIRECT, "code_verifier", pkce.verifier()).expectOk();
    }

    /** Waits until the page shows the text (a message of the PIN pad or an error page). */
    private static void expectMessage(String text) {
        try {
            browser.waitUntil(d -> browser.pageText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("expected \"" + text + "\" on the page, found: " + browser.pageText(), e);
        }
    }

    @Test
    void aCashierPicksTheirTileTapsTheirPinAndGetsARegisterToken() {
        Pkce pkce = openPinPad(w.register.assertion(w.issuer));
        browser.waitForText(By.id("bk-pad-where"), "PIN Store");
        assertThat(browser.pageText()).contains("Sign in at the register", "Casey C.", "Sam L.");
        assertThat(browser.driver().findElement(By.id("pin")).getAttribute("type")).isEqualTo("password");
        pickTile("Casey C.");
        tap(w.cashier.pin());
        browser.screenshot("pin-pad");
        enter();

        JsonNode claims = codeExchange(pkce).claims();
        assertThat(claims.get("sub").asText()).isEqualTo(w.cashier.id());
        assertThat(claims.get("acr").asText()).isEqualTo("urn:branchkey:acr:pin");
        assertThat(claims.get("bk_tenancy").get("scope").get("id").asText()).isEqualTo(w.store);

        List<EventRepresentation> logins = realm.admin().getEvents(List.of("LOGIN"), RegisterShop.REGISTER_CLIENT,
                w.cashier.id(), null, null, null, 0, 10);
        assertThat(logins).isNotEmpty();
        assertThat(logins.get(0).getDetails()).containsEntry("device_id", w.register.id()).containsEntry("location_id", w.store);
    }

    /** The PIN pad in a realm on keycloak.v2 (above) and on Branchkey's branded theme, which extends it. */
    @Test
    void thePinPadRendersInEveryThemeBuiltOnKeycloakV2() {
        openPinPad(w.register.assertion(w.issuer));
        browser.waitFor(By.cssSelector(".bk-keypad"));
        assertThat(browser.driver().getPageSource()).contains("/login/keycloak.v2/css/branchkey-pin.css");
        assertThat(browser.driver().findElement(By.cssSelector(".bk-tile")).getCssValue("display")).isEqualTo("flex");

        var rep = realm.admin().toRepresentation();
        rep.setLoginTheme("branchkey");
        realm.admin().update(rep);
        try {
            forgetSessions();
            openPinPad(w.register.assertion(w.issuer));
            browser.waitFor(By.cssSelector(".bk-keypad"));
            assertThat(browser.driver().getPageSource()).contains("/login/branchkey/css/branchkey.css",
                    "/login/branchkey/css/branchkey-pin.css");
            assertThat(browser.pageText()).contains("Sign in at the register", "Casey C.");
        } finally {
            rep.setLoginTheme("keycloak.v2");
            realm.admin().update(rep);
        }
    }

    @Test
    void aWrongPinIsRefusedWithOneMessageAndTheTileStaysPicked() {
        openPinPad(w.register.assertion(w.issuer));
        pickTile("Sam L.");
        String wrong = w.shiftLead.pin().equals("135790") ? "246801" : "135790";
        tap(wrong);
        enter();
        expectMessage("That PIN was not accepted");
        assertThat(browser.driver().findElement(By.cssSelector("input[name='user']:checked")).getAttribute("value"))
                .isEqualTo(w.shiftLead.id());
        assertThat(browser.driver().findElement(By.id("pin")).getAttribute("value")).as("the PIN is not echoed").isEmpty();
        browser.screenshot("pin-pad-refused");

        // the keypad's delete key, then the right PIN goes through on the same page
        browser.click(By.cssSelector(".bk-key[data-digit='9']"));
        browser.click(By.cssSelector(".bk-key-clear"));
        tap(w.shiftLead.pin());
        enter();
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(REDIRECT));
    }

    @Test
    void fulfillmentStaffAreDeniedAtARegister() {
        openPinPad(w.register.assertion(w.issuer));
        pickTile("Finn F.");
        tap(w.fulfillment.pin());
        enter();
        expectMessage("Access denied");
        assertThat(browser.driver().getCurrentUrl()).doesNotStartWith(REDIRECT);
    }

    @Test
    void aPinOnlyLocationShowsNoTilesAndFindsThePersonByPin() {
        String store = new Tree(w.admin).location(w.account, "Pad PIN-only " + Tree.uniqueCode("s"));
        w.admin.put("nodes/" + store + "/pin-settings", Map.of("mode", "PIN_ONLY")).expect(200);
        RegisterShop.Person cashier = w.person("Olly", "Only", "KlickTrack Cashier");
        w.admin.put("nodes/" + store + "/users/" + cashier.id(), null).expect(204);
        new AccessApi(w.admin).grant(cashier.id(), store, w.templates.get("KlickTrack Cashier"));
        String pin = w.newPin(cashier.id());
        TestDevice register = w.device(store, "register");

        Pkce pkce = openPinPad(register.assertion(w.issuer));
        browser.waitFor(By.id("kc-branchkey-pin-pad"));
        assertThat(browser.driver().findElements(By.cssSelector("label.bk-tile"))).isEmpty();
        tap(pin);
        enter();
        assertThat(codeExchange(pkce).claims().get("sub").asText()).isEqualTo(cashier.id());
    }

    @Test
    void aDeviceDisabledMidLoginStopsThePinPadAndEndsTheSessionsBegunAtIt() {
        TestDevice spare = w.device(w.store, "register");
        Pkce first = openPinPad(spare.assertion(w.issuer));
        pickTile("Casey C.");
        tap(w.cashier.pin());
        enter();
        OidcTokens.TokenResponse signedIn = codeExchange(first);
        w.tokens.refresh(RegisterShop.REGISTER_CLIENT, signedIn.refreshToken()).expectOk();

        forgetSessions();
        openPinPad(spare.assertion(w.issuer));
        pickTile("Sam L.");
        tap(w.shiftLead.pin());
        w.admin.post("devices/" + spare.id() + "/disable", null).expect(200);
        enter();
        expectMessage("This device is not registered");
        assertThat(browser.driver().getCurrentUrl()).doesNotStartWith(REDIRECT);
        OidcTokens.TokenResponse refreshed = w.tokens.refresh(RegisterShop.REGISTER_CLIENT, signedIn.refreshToken());
        assertThat(refreshed.status()).as("the first login's session ended with the device").isEqualTo(400);
        assertThat(refreshed.body().get("error").asText()).isEqualTo("invalid_grant");
    }

    /** The PIN pad's session is a register session: the account console, in the same browser, wants the password. */
    @Test
    void afterAPinLoginTheAccountConsoleAsksForThePassword() {
        Pkce pkce = openPinPad(w.register.assertion(w.issuer));
        pickTile("Casey C.");
        tap(w.cashier.pin());
        enter();
        codeExchange(pkce);

        browser.open(w.issuer + "/account");
        browser.waitFor(By.id("password"));
        assertThat(browser.driver().getCurrentUrl()).contains("/protocol/openid-connect/auth");
        assertThat(browser.pageText()).doesNotContain("Personal info");
        browser.type(By.id("password"), RegisterShop.PASSWORD);
        browser.click(By.id("kc-login"));
        expectMessage("Personal info");
    }

    @Test
    void aPinNeverAuthorisesAnAccountChange() {
        Pkce pkce = Pkce.create();
        browser.open(w.issuer + "/protocol/openid-connect/auth?response_type=code&scope=openid"
                + "&client_id=" + RegisterShop.REGISTER_CLIENT + "&redirect_uri=" + encode(REDIRECT)
                + "&code_challenge_method=S256&code_challenge=" + pkce.challenge() + "&kc_action=UPDATE_PASSWORD"
                + "&branchkey_device_assertion=" + encode(w.register.assertion(w.issuer)));
        expectMessage("Account settings cannot be changed at a register");
        assertThat(browser.driver().findElements(By.id("kc-branchkey-pin-pad"))).isEmpty();

        // nor does it let Keycloak run the person's pending account actions (a new password, a new e-mail address)
        RegisterShop.Person pending = w.person("Rita", "Required", "KlickTrack Cashier");
        var user = realm.admin().users().get(pending.id());
        var rep = user.toRepresentation();
        rep.setRequiredActions(List.of("UPDATE_PASSWORD"));
        user.update(rep);
        forgetSessions();
        openPinPad(w.register.assertion(w.issuer));
        pickTile("Rita R.");
        tap(pending.pin());
        enter();
        expectMessage("Your account needs attention first");
        assertThat(browser.driver().getCurrentUrl()).doesNotStartWith(REDIRECT);

        // nor the actions Keycloak's triggers would add at login: here its profile check, for a missing e-mail
        // address, which would let the PIN's holder set one (and reset the password through it)
        RegisterShop.Person unfinished = w.person("Uma", "Unfinished", "KlickTrack Cashier");
        var noEmail = realm.admin().users().get(unfinished.id());
        var noEmailRep = noEmail.toRepresentation();
        noEmailRep.setEmail("");
        noEmail.update(noEmailRep);
        assertThat(noEmail.toRepresentation().getEmail()).isNull();
        forgetSessions();
        openPinPad(w.register.assertion(w.issuer));
        pickTile("Uma U.");
        tap(unfinished.pin());
        enter();
        expectMessage("Your account needs attention first");
        assertThat(browser.driver().getCurrentUrl()).doesNotStartWith(REDIRECT);
        assertThat(browser.driver().findElements(By.name("email"))).as("no profile form").isEmpty();
    }

    @Test
    void withoutAValidDeviceProofThereIsNoPinPad() {
        openPinPad(w.register.assertionSignedBy(TestDevice.generate(), w.issuer));
        expectMessage("This device is not registered");
        assertThat(browser.driver().findElements(By.id("kc-branchkey-pin-pad"))).isEmpty();

        String replayed = w.register.assertion(w.issuer);
        openPinPad(replayed);
        browser.waitFor(By.id("kc-branchkey-pin-pad"));
        forgetSessions();
        openPinPad(replayed);
        expectMessage("This device is not registered");
        assertThat(browser.driver().findElements(By.id("kc-branchkey-pin-pad"))).as("a replayed assertion").isEmpty();
    }
}
