package io.branchkey.it.device;

import static io.branchkey.it.support.ApiAssertions.assertError;
import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.ManagementScope;
import io.branchkey.it.support.OidcTokens;
import io.branchkey.it.support.TestDevice;
import io.branchkey.it.support.Tree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Registered devices: one-time enrollment codes, the device's proof of its key on every request, management by the
 * managers of its location and by realm admins, and devices signing in as themselves.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class DevicesIT {

    @InjectRealm(config = DeviceWorld.Realm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /**
     * A realm of its own for the enrollment budget, which counts per realm and client address. Its name (which the
     * test framework also makes its id) is new on every run: a server kept between runs keeps the spent budget of
     * the previous run for the rest of its quarter hour.
     */
    @InjectRealm(ref = "enroll-budget", config = FreshBudgetRealm.class)
    ManagedRealm budgetRealm;

    public static class FreshBudgetRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("enroll-budget-" + UUID.randomUUID().toString().substring(0, 8)); // ids hold 36 characters
        }
    }

    static DeviceWorld world;
    DeviceWorld w;

    @BeforeEach
    void world() {
        world = DeviceWorld.of(world, realm, keycloak, urls);
        w = world;
    }

    private String code(BranchkeyApi caller, String location, String type) {
        JsonNode created = caller.post("devices/enrollments", Map.of("locationId", location, "type", type))
                .expect(201).json();
        return created.get("code").asText();
    }

    private ApiResponse self(TestDevice device, String assertion) {
        return w.publicApi.getWithHeader("devices/self", "Branchkey-Device-Assertion", assertion);
    }

    @Test
    void aManagerEnrollsARegisterThatIsThenBoundToTheirStore() {
        BranchkeyApi manager = w.as(realm, w.manager1);
        ApiResponse enrollment = manager.post("devices/enrollments", Map.of("locationId", w.store1, "type", "register",
                "name", "Front register"));
        enrollment.expect(201);
        assertThat(enrollment.header("Cache-Control").orElse("")).contains("no-store");
        String code = enrollment.json().get("code").asText();
        assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");

        TestDevice device = TestDevice.generate();
        JsonNode enrolled = device.enroll(w.publicApi, code.toLowerCase().replace("-", " ")).expect(201).json();
        assertThat(enrolled.get("locationId").asText()).isEqualTo(w.store1);
        assertThat(enrolled.get("type").asText()).isEqualTo("register");
        assertThat(enrolled.get("name").asText()).isEqualTo("Front register");
        assertThat(enrolled.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(enrolled.toString()).doesNotContain("\"x\"");

        JsonNode self = self(device, device.assertion(w.issuer)).expect(200).json();
        assertThat(self.get("device").get("id").asText()).isEqualTo(device.id());
        assertThat(self.get("location").get("id").asText()).isEqualTo(w.store1);
        assertThat(manager.get("devices?locationId=" + w.store1).expect(200).ids()).contains(device.id());
    }

    @Test
    void aCodeWorksOnceAndNotAfterItExpires() {
        String code = code(w.admin, w.store1, "register");
        TestDevice.generate().enroll(w.publicApi, code).expect(201);
        invalid(TestDevice.generate().enroll(w.publicApi, code), "code");

        String shortLived = w.admin.post("devices/enrollments", Map.of("locationId", w.store1, "type", "register",
                "expiresInSeconds", 5)).expect(201).json().get("code").asText();
        sleep(6_000);
        invalid(TestDevice.generate().enroll(w.publicApi, shortLived), "code");
        invalid(TestDevice.generate().enroll(w.publicApi, "ABCD-EFGH"), "code");
        invalid(TestDevice.generate().enroll(w.publicApi, "not a code at all"), "code");
    }

    @Test
    void enrollmentIsRefusedToThoseWithoutTheRightAndToOtherLocations() {
        // KlickTrack: a Cashier "Can NOT create a device"; a manager of store 2 sees nothing of store 1
        assertError(w.as(realm, w.cashier1).post("devices/enrollments", Map.of("locationId", w.store1, "type", "register")),
                403, "forbidden");
        notFound(w.as(realm, w.manager2).post("devices/enrollments", Map.of("locationId", w.store1, "type", "register")),
                "locationId");
        // a code of store 2 binds the device to store 2, whoever redeems it
        TestDevice device = TestDevice.generate();
        device.enroll(w.publicApi, code(w.as(realm, w.manager2), w.store2, "register")).expect(201);
        assertThat(self(device, device.assertion(w.issuer)).expect(200).json().get("location").get("id").asText())
                .isEqualTo(w.store2);
        notFound(w.as(realm, w.manager1).get("devices/" + device.id()), "id");
    }

    @Test
    void badEnrollmentInputIsRefusedNamingTheField() {
        BranchkeyApi manager = w.as(realm, w.manager1);
        invalid(manager.post("devices/enrollments", Map.of("locationId", w.store1, "type", "toaster")), "type");
        invalid(w.admin.post("devices/enrollments", Map.of("locationId", w.account, "type", "register")), "locationId");
        notFound(manager.post("devices/enrollments", Map.of("locationId", w.account, "type", "register")), "locationId");
        invalid(manager.post("devices/enrollments", Map.of("type", "register")), "locationId");
        invalid(manager.post("devices/enrollments", Map.of("locationId", w.store1, "type", "register",
                "expiresInSeconds", 1)), "expiresInSeconds");
        String code = code(manager, w.store1, "register");
        invalid(w.publicApi.post("devices/enroll", Map.of("code", code, "publicKey", "not-a-jwk")), "publicKey");
        invalid(w.publicApi.post("devices/enroll", Map.of("code", code, "publicKey",
                Map.of("kty", "EC", "crv", "P-256", "x", "AAAA", "y", "AAAA"))), "publicKey");
        var withPrivate = TestDevice.generate().publicJwk().put("d", "c2VjcmV0");
        invalid(w.publicApi.post("devices/enroll", Map.of("code", code, "publicKey", withPrivate)), "publicKey");
        invalid(w.publicApi.post("devices/enroll", "{\"code\": 5}"), "code");
        // none of that used the code up
        TestDevice.generate().enroll(w.publicApi, code).expect(201);
    }

    /**
     * The enroll endpoint needs no token, so its failures are budgeted: 20 per client address (and 200 per realm)
     * each quarter hour, then 429 with Retry-After even for a good code. Each counted failure is in the audit trail.
     */
    @Test
    void failedEnrollmentsAreAuditedAndBudgeted() {
        ManagementScope.allow(budgetRealm);
        BranchkeyApi admin = BranchkeyApi.asAdmin(urls, keycloak, budgetRealm.getName());
        BranchkeyApi publicApi = BranchkeyApi.publicApi(urls, budgetRealm.getName());
        Tree tree = new Tree(admin);
        String store = tree.location(tree.account(null, "Budget " + Tree.uniqueCode("a")), "Budget store");
        String code = code(admin, store, "register");
        for (int failure = 0; failure < 20; failure++) {
            invalid(TestDevice.generate().enroll(publicApi, "WRONG-" + failure), "code");
        }
        ApiResponse limited = TestDevice.generate().enroll(publicApi, code);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("error").asText()).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isBetween(1L, 900L);

        List<JsonNode> refused = admin.get("audit?max=100").expect(200).elements().stream()
                .filter(e -> "DEVICE_ENROLL".equals(e.path("action").asText()) && "REFUSED".equals(e.path("outcome").asText()))
                .toList();
        assertThat(refused).hasSize(20);
        assertThat(refused.get(0).path("details").asText()).contains("code").contains("invalid").doesNotContain("WRONG");

        // another realm's enrollment is not affected
        TestDevice.generate().enroll(w.publicApi, code(w.admin, w.store1, "register")).expect(201);
    }

    @Test
    void everyDeviceRequestIsProvenAndAProofWorksOnce() {
        TestDevice device = w.enrolledDevice(w.store1, "register");
        String assertion = device.assertion(w.issuer);
        self(device, assertion).expect(200);
        assertError(self(device, assertion), 401, "invalid_device_proof");

        TestDevice stranger = TestDevice.generate();
        long now = System.currentTimeMillis() / 1000;
        List<String> refused = List.of(
                device.assertionSignedBy(stranger, w.issuer),
                device.unsignedAssertion(w.issuer),
                device.assertion(w.issuer.replace("bk-devices", "other-realm")),
                device.assertion(Map.of("iss", device.id(), "sub", device.id(), "aud", w.issuer, "iat", now - 300,
                        "exp", now - 200, "jti", UUID.randomUUID().toString())),
                device.assertion(Map.of("iss", device.id(), "sub", device.id(), "aud", w.issuer, "iat", now,
                        "exp", now + 3600, "jti", UUID.randomUUID().toString())),
                device.assertion(Map.of("iss", device.id(), "sub", device.id(), "aud", w.issuer, "iat", now, "exp", now + 60)),
                "garbage");
        for (String bad : refused) {
            assertThat(self(device, bad).status()).as(bad).isEqualTo(401);
        }
        assertThat(w.publicApi.get("devices/self").status()).isEqualTo(401);
    }

    @Test
    void aDisabledOrDeletedDeviceIsRefusedAndManagersRunTheirDevices() {
        TestDevice device = w.enrolledDevice(w.store1, "register");
        BranchkeyApi manager = w.as(realm, w.manager1);
        assertThat(manager.put("devices/" + device.id(), Map.of("name", "Back register")).expect(200).json()
                .get("name").asText()).isEqualTo("Back register");
        manager.post("devices/" + device.id() + "/disable", null).expect(200);
        assertThat(self(device, device.assertion(w.issuer)).status()).isEqualTo(401);
        manager.post("devices/" + device.id() + "/enable", null).expect(200);
        self(device, device.assertion(w.issuer)).expect(200);

        assertError(w.as(realm, w.cashier1).post("devices/" + device.id() + "/disable", null), 403, "forbidden");
        notFound(w.as(realm, w.manager2).post("devices/" + device.id() + "/disable", null), "id");
        notFound(w.as(realm, w.manager2).delete("devices/" + device.id()), "id");

        manager.delete("devices/" + device.id()).expect(204);
        assertThat(self(device, device.assertion(w.issuer)).status()).isEqualTo(401);
        notFound(w.admin.get("devices/" + device.id()), "id");
        assertThat(realm.admin().users().search("device-" + device.id())).as("the device's user went too").isEmpty();

        List<String> actions = w.admin.get("audit?nodeId=" + w.store1 + "&max=1000").expect(200).elements().stream()
                .filter(e -> device.id().equals(e.path("targetUserId").asText(null))).map(e -> e.get("action").asText()).toList();
        assertThat(actions).contains("DEVICE_ENROLL", "DEVICE_RENAME", "DEVICE_DISABLE", "DEVICE_ENABLE", "DEVICE_DELETE");
    }

    @Test
    void aDeviceSignsInAsItselfWithTheRoleGroupOfItsType() {
        String group = w.admin.post("role-groups", Map.of("name", "Kiosk device " + Tree.uniqueCode("k"),
                "permissions", List.of("queue.check", "products.view"))).expect(201).id();
        w.admin.put("devices/types/kiosk", Map.of("displayName", "Kiosk", "loginPermission", "kiosk.access",
                "roleGroupId", group)).expect(200);
        TestDevice kiosk = w.enrolledDevice(w.store1, "kiosk");

        OidcTokens.TokenResponse response = w.tokens.grant("grant_type", "urn:branchkey:params:oauth:grant-type:device",
                "client_id", DeviceWorld.DEVICE_APP, "device_assertion", kiosk.assertion(w.issuer)).expectOk();
        JsonNode claims = response.claims();
        assertThat(claims.get("sub").asText()).isEqualTo(kiosk.id());
        assertThat(response.body().has("refresh_token")).isFalse();
        // the device's own effective permissions: its type's role group at its location
        assertThat(new io.branchkey.it.support.AccessApi(w.admin).effective(kiosk.id(), w.store1))
                .containsExactlyInAnyOrder("queue.check", "products.view");

        assertThat(w.tokens.grant("grant_type", "urn:branchkey:params:oauth:grant-type:device",
                "client_id", DeviceWorld.PLAIN_APP, "device_assertion", kiosk.assertion(w.issuer)).status())
                .as("a client not enabled for device grants").isEqualTo(400);
        w.admin.post("devices/" + kiosk.id() + "/disable", null).expect(200);
        OidcTokens.TokenResponse disabled = w.tokens.grant("grant_type", "urn:branchkey:params:oauth:grant-type:device",
                "client_id", DeviceWorld.DEVICE_APP, "device_assertion", kiosk.assertion(w.issuer));
        assertThat(disabled.status()).isEqualTo(400);
        assertThat(disabled.body().get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aLocationWithDevicesIsDeletedOnlyWithCascadeAndTakesThemAlong() {
        String store = new Tree(w.admin).location(w.account, "Closing Store");
        TestDevice device = w.enrolledDevice(store, "register");
        assertFieldError(w.admin.delete("nodes/" + store), 409, "conflict", null);
        w.admin.delete("nodes/" + store + "?cascade=true").expect(204);
        notFound(w.admin.get("devices/" + device.id()), "id");
        assertThat(self(device, device.assertion(w.issuer)).status()).isEqualTo(401);
    }

    @Test
    void realmAdminsSeeAndRunDevicesEverywhereWithAdminEvents() {
        TestDevice device = w.enrolledDevice(w.store2, "fulfillment");
        assertThat(w.admin.get("devices?locationId=" + w.store2).expect(200).ids()).contains(device.id());
        w.admin.post("devices/" + device.id() + "/disable", null).expect(200);
        assertThat(w.admin.get("devices/" + device.id()).expect(200).json().get("status").asText()).isEqualTo("DISABLED");
        assertThat(w.admin.get("devices/types").expect(200).elements()).extracting(t -> t.get("name").asText())
                .contains("register", "fulfillment", "queue-desktop", "kiosk");
        invalid(w.admin.put("devices/types/printer", Map.of("displayName", "Printer", "loginPermission", "no.such-permission")),
                "loginPermission");
        notFound(w.admin.get("devices/" + Tree.randomId()), "id");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
