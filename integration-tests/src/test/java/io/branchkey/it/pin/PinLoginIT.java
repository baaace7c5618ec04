package io.branchkey.it.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.RegisterShop;
import io.branchkey.it.support.OidcTokens;
import io.branchkey.it.support.TestDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * PIN login at native registers (the PIN grant): a registered device, the person's tile and PIN, the permission the
 * device type demands, tokens locked to the device's location with a PIN acr, and the lockout rules under
 * parallel attack. Every refusal looks the same from outside.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class PinLoginIT {

    @InjectRealm(config = RegisterShop.Realm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static RegisterShop world;
    RegisterShop w;

    @BeforeEach
    void world() {
        world = RegisterShop.of(world, realm, keycloak, urls);
        w = world;
        // the shared devices start each test without the failures of earlier tests
        w.admin.post("devices/" + w.register.id() + "/unlock", null).expect(200);
        w.admin.post("devices/" + w.fulfillmentDevice.id() + "/unlock", null).expect(200);
    }

    private static void assertRefused(OidcTokens.TokenResponse response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
        assertThat(response.body().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(response.body().has("access_token")).isFalse();
    }

    @Test
    void aCashierLogsInAtTheRegisterWithTileAndPin() {
        OidcTokens.TokenResponse response = w.pinLogin(w.register, w.cashier.id(), w.cashier.pin()).expectOk();
        JsonNode claims = response.claims();
        assertThat(claims.get("sub").asText()).isEqualTo(w.cashier.id());
        assertThat(claims.get("acr").asText()).isEqualTo("urn:branchkey:acr:pin");
        assertThat(claims.get("bk_tenancy").get("scope").get("id").asText()).isEqualTo(w.store);
        assertThat(response.body().has("refresh_token")).isTrue();

        // a refresh keeps the register's location, whatever scope is asked for
        OidcTokens.TokenResponse refreshed = w.tokens.refresh(RegisterShop.REGISTER_CLIENT, response.refreshToken(),
                "branchkey_scope", "location:" + w.otherStore).expectOk();
        assertThat(refreshed.claims().get("bk_tenancy").get("scope").get("id").asText()).isEqualTo(w.store);
    }

    @Test
    void wrongUnknownAndMissingPinsAllLookTheSame() {
        assertRefused(w.pinLogin(w.register, w.cashier.id(), "000000"));
        assertRefused(w.pinLogin(w.register, w.cashier.id(), w.shiftLead.pin()));
        assertRefused(w.pinLogin(w.register, "no-such-user", w.cashier.pin()));
        assertRefused(w.pinLogin(w.register, null, w.cashier.pin())); // not a PIN-only location
        w.pinLogin(w.register, w.cashier.id(), w.cashier.pin()).expectOk();
        assertThat(w.tokens.grant("grant_type", RegisterShop.PIN_GRANT, "client_id", RegisterShop.REGISTER_CLIENT,
                "device_assertion", w.register.assertion(w.issuer)).status()).isEqualTo(400);
    }

    @Test
    void theDeviceTypeDecidesWhoMayLogIn() {
        // KlickTrack: Fulfillment "Can NOT access register (User will get access denied error attempting to login to register)"
        OidcTokens.TokenResponse denied = w.pinLogin(w.register, w.fulfillment.id(), w.fulfillment.pin());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body().get("error").asText()).isEqualTo("access_denied");
        assertThat(denied.body().get("error_description").asText()).contains("register.access");
        w.pinLogin(w.fulfillmentDevice, w.fulfillment.id(), w.fulfillment.pin()).expectOk();
        OidcTokens.TokenResponse cashierAtFulfillment = w.pinLogin(w.fulfillmentDevice, w.cashier.id(), w.cashier.pin());
        assertThat(cashierAtFulfillment.status()).isEqualTo(403);
    }

    @Test
    void aDeviceProofWorksOnceAndADisabledDeviceIsRefused() {
        String assertion = w.register.assertion(w.issuer);
        w.tokens.grant("grant_type", RegisterShop.PIN_GRANT, "client_id", RegisterShop.REGISTER_CLIENT,
                "device_assertion", assertion, "pin", w.cashier.pin(), "user_id", w.cashier.id()).expectOk();
        assertRefused(w.tokens.grant("grant_type", RegisterShop.PIN_GRANT, "client_id", RegisterShop.REGISTER_CLIENT,
                "device_assertion", assertion, "pin", w.cashier.pin(), "user_id", w.cashier.id()));

        TestDevice spare = w.device(w.store, "register");
        w.admin.post("devices/" + spare.id() + "/disable", null).expect(200);
        assertRefused(w.pinLogin(spare, w.cashier.id(), w.cashier.pin()));
        w.admin.post("devices/" + spare.id() + "/enable", null).expect(200);
        w.pinLogin(spare, w.cashier.id(), w.cashier.pin()).expectOk();
    }

    @Test
    void disablingOrDeletingADeviceEndsEverySessionBegunAtIt() {
        TestDevice spare = w.device(w.store, "register");
        OidcTokens.TokenResponse cashier = w.pinLogin(spare, w.cashier.id(), w.cashier.pin()).expectOk();
        OidcTokens.TokenResponse offline = w.tokens.grant("grant_type", RegisterShop.PIN_GRANT, "client_id",
                RegisterShop.REGISTER_CLIENT, "device_assertion", spare.assertion(w.issuer), "pin", w.shiftLead.pin(),
                "user_id", w.shiftLead.id(), "scope", "openid offline_access").expectOk();
        assertThat(offline.claims().has("sid")).isTrue();
        OidcTokens.TokenResponse elsewhere = w.pinLogin(w.register, w.cashier.id(), w.cashier.pin()).expectOk();
        w.tokens.refresh(RegisterShop.REGISTER_CLIENT, cashier.refreshToken()).expectOk();
        w.tokens.refresh(RegisterShop.REGISTER_CLIENT, offline.refreshToken()).expectOk();

        w.admin.post("devices/" + spare.id() + "/disable", null).expect(200);
        assertRefused(w.tokens.refresh(RegisterShop.REGISTER_CLIENT, cashier.refreshToken()));
        assertRefused(w.tokens.refresh(RegisterShop.REGISTER_CLIENT, offline.refreshToken()));
        w.tokens.refresh(RegisterShop.REGISTER_CLIENT, elsewhere.refreshToken()).expectOk();
        // enabling the device again does not bring its sessions back
        w.admin.post("devices/" + spare.id() + "/enable", null).expect(200);
        assertRefused(w.tokens.refresh(RegisterShop.REGISTER_CLIENT, cashier.refreshToken()));

        OidcTokens.TokenResponse again = w.pinLogin(spare, w.cashier.id(), w.cashier.pin()).expectOk();
        w.admin.delete("devices/" + spare.id()).expect(204);
        assertRefused(w.tokens.refresh(RegisterShop.REGISTER_CLIENT, again.refreshToken()));
        w.tokens.refresh(RegisterShop.REGISTER_CLIENT, elsewhere.refreshToken()).expectOk();
    }

    @Test
    void aPinOnlyLocationFindsThePersonByTheirPin() {
        String store = new io.branchkey.it.support.Tree(w.admin).location(w.account, "PIN-only Store");
        w.admin.put("nodes/" + store + "/pin-settings", Map.of("mode", "PIN_ONLY")).expect(200);
        RegisterShop.Person cashier = w.person("Pia", "Pinonly", "KlickTrack Cashier");
        w.admin.put("nodes/" + store + "/users/" + cashier.id(), null).expect(204);
        new io.branchkey.it.support.AccessApi(w.admin).grant(cashier.id(), store, w.templates.get("KlickTrack Cashier"));
        TestDevice register = w.device(store, "register");
        String pin = w.newPin(cashier.id());
        OidcTokens.TokenResponse response = w.pinLogin(register, null, pin).expectOk();
        assertThat(response.claims().get("sub").asText()).isEqualTo(cashier.id());
        assertRefused(w.pinLogin(register, null, "135790"));
    }

    @Test
    void twentyParallelWrongPinsLockTheCredentialAtExactlyTen() throws Exception {
        RegisterShop.Person target = w.person("Parallel", "Target", "KlickTrack Cashier");
        // 20 registers, one wrong attempt each, all at once: only the credential's limit can stop them
        List<TestDevice> registers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            registers.add(w.device(w.store, "register"));
        }
        List<String> assertions = registers.stream().map(d -> d.assertion(w.issuer)).toList();
        String wrong = target.pin().equals("246813") ? "975312" : "246813";
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (String assertion : assertions) {
                attempts.add(() -> w.tokens.grant("grant_type", RegisterShop.PIN_GRANT, "client_id",
                        RegisterShop.REGISTER_CLIENT, "device_assertion", assertion, "pin", wrong,
                        "user_id", target.id()).status());
            }
            for (Future<Integer> status : pool.invokeAll(attempts)) {
                assertThat(status.get()).isEqualTo(400);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode status = w.admin.get("users/" + target.id() + "/pin").expect(200).json();
        assertThat(status.get("consecutiveFailures").asInt()).as("%s", status).isEqualTo(10);
        assertThat(status.get("locked").asBoolean()).isTrue();
        // locked: even the right PIN is refused, the same way
        assertRefused(w.pinLogin(w.register, target.id(), target.pin()));
        // the lockout never touches the password
        w.tokens.password(RegisterShop.REGISTER_CLIENT, target.username(), RegisterShop.PASSWORD).expectOk();
        // a manager unlocks, and the PIN works again
        w.admin.post("users/" + target.id() + "/pin/unlock", null).expect(204);
        w.pinLogin(w.register, target.id(), target.pin()).expectOk();

        List<String> errors = events().stream()
                .filter(e -> e.getDetails() != null && target.id().equals(e.getDetails().get("picked_user_id")))
                .map(EventRepresentation::getError).toList();
        assertThat(errors).as("10 counted failures, then the lock").hasSize(21)
                .containsOnly("invalid_pin", "pin_locked");
        assertThat(errors.stream().filter("invalid_pin"::equals)).hasSize(10);
    }

    @Test
    void aDeviceWaitsAfterFiveWrongPinsAndAManagerCanUnlockIt() {
        TestDevice device = w.device(w.store, "register");
        for (int i = 0; i < 5; i++) {
            assertRefused(w.pinLogin(device, w.shiftLead.id(), "000000"));
        }
        JsonNode lockout = w.admin.get("devices/" + device.id() + "/pin-lockout").expect(200).json();
        assertThat(lockout.get("consecutiveFailures").asInt()).isEqualTo(5);
        assertThat(lockout.hasNonNull("retryAt")).as("a delay after 5 failures: %s", lockout).isTrue();
        // inside the delay even the right PIN is refused without being checked
        assertRefused(w.pinLogin(device, w.shiftLead.id(), w.shiftLead.pin()));
        w.admin.post("devices/" + device.id() + "/unlock", null).expect(200);
        w.pinLogin(device, w.shiftLead.id(), w.shiftLead.pin()).expectOk();
    }

    /** The right PIN of someone who may not log in opens nothing, and so resets nothing a guesser could use. */
    @Test
    void aRightPinWithoutThePermissionLeavesTheDevicesFailuresAsTheyWere() {
        TestDevice device = w.device(w.store, "register");
        for (int i = 0; i < 4; i++) {
            assertRefused(w.pinLogin(device, w.shiftLead.id(), "000000"));
        }
        OidcTokens.TokenResponse denied = w.pinLogin(device, w.fulfillment.id(), w.fulfillment.pin());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(w.admin.get("devices/" + device.id() + "/pin-lockout").expect(200).json().get("consecutiveFailures")
                .asInt()).isEqualTo(4);
        // one more wrong PIN and the device waits, as it would have without the denied login in between
        assertRefused(w.pinLogin(device, w.shiftLead.id(), "000000"));
        assertThat(w.admin.get("devices/" + device.id() + "/pin-lockout").expect(200).json().hasNonNull("retryAt")).isTrue();
    }

    @Test
    void pinLoginsAndFailuresAreEventsWithDeviceAndLocation() {
        w.pinLogin(w.register, w.shiftLead.id(), w.shiftLead.pin()).expectOk();
        assertRefused(w.pinLogin(w.register, w.shiftLead.id(), "000000"));
        List<EventRepresentation> mine = events().stream().filter(e -> w.shiftLead.id().equals(e.getUserId())
                || e.getDetails() != null && w.register.id().equals(e.getDetails().get("device_id"))).toList();
        EventRepresentation login = mine.stream().filter(e -> "LOGIN".equals(e.getType())).findFirst().orElseThrow();
        assertThat(login.getDetails()).containsEntry("device_id", w.register.id()).containsEntry("location_id", w.store);
        EventRepresentation failure = mine.stream().filter(e -> "LOGIN_ERROR".equals(e.getType())).findFirst().orElseThrow();
        assertThat(failure.getError()).isEqualTo("invalid_pin");
        assertThat(failure.getDetails()).containsEntry("device_id", w.register.id()).containsEntry("location_id", w.store);
        assertThat(mine.toString()).doesNotContain(w.shiftLead.pin());
    }

    private List<EventRepresentation> events() {
        return realm.admin().getEvents(null, null, null, null, null, null, 0, 1000);
    }

    /**
     * A PIN token carries no role of Keycloak's own clients, so Keycloak's account API refuses it (a PIN seen over a
     * shoulder must not change an e-mail address); a client with full scope allowed gets no PIN token at all.
     */
    @Test
    void aPinTokenOpensNeitherTheAccountApiNorAFullScopeClient() throws Exception {
        OidcTokens.TokenResponse pin = w.pinLogin(w.register, w.cashier.id(), w.cashier.pin()).expectOk();
        java.net.http.HttpResponse<String> account = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(w.issuer + "/account/"))
                        .header("Accept", "application/json").header("Authorization", "Bearer " + pin.accessToken()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(account.statusCode()).as("%s", account.body()).isEqualTo(401);

        org.keycloak.representations.idm.ClientRepresentation fullScope = new org.keycloak.representations.idm.ClientRepresentation();
        fullScope.setClientId("full-scope-register-" + io.branchkey.it.support.Tree.uniqueCode("c"));
        fullScope.setPublicClient(true);
        fullScope.setFullScopeAllowed(true);
        fullScope.setAttributes(Map.of("branchkey.device-grants", "true"));
        realm.admin().clients().create(fullScope).close();
        OidcTokens.TokenResponse refused = w.tokens.grant("grant_type", RegisterShop.PIN_GRANT, "client_id",
                fullScope.getClientId(), "device_assertion", w.register.assertion(w.issuer), "pin", w.cashier.pin(),
                "user_id", w.cashier.id());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("error").asText()).isEqualTo("unauthorized_client");
        assertThat(refused.body().get("error_description").asText()).contains("full scope");
    }

    /** A PIN opens the register, never the administration, even for a token that carries the management audience. */
    @Test
    void aPinLoginCannotManageAnything() {
        io.branchkey.it.support.ManagementScope.allow(realm, RegisterShop.REGISTER_CLIENT);
        OidcTokens.TokenResponse response = w.tokens.grant("grant_type", RegisterShop.PIN_GRANT, "client_id",
                RegisterShop.REGISTER_CLIENT, "device_assertion", w.register.assertion(w.issuer), "pin", w.shiftLead.pin(),
                "user_id", w.shiftLead.id(), "scope", io.branchkey.it.support.ManagementScope.NAME).expectOk();
        assertThat(response.claims().get("aud").toString()).contains(io.branchkey.it.support.ManagementScope.NAME);
        io.branchkey.it.support.ApiResponse refused = io.branchkey.it.support.BranchkeyApi.delegated(urls, realm.getName(),
                response.accessToken()).get("me/scopes");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).contains("PIN or device login");
    }
}
