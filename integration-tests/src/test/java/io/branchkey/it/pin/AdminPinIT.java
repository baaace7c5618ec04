package io.branchkey.it.pin;

import static io.branchkey.it.support.ApiAssertions.assertErrorWithoutField;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.pin.PinWorld.Person;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.Tree;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.UserBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The admin PIN API (docs/pin.md): status, generate (the PIN once, never cached), reset, unlock, the policy and a
 * location's login mode, with rights, bad input, admin events, Keycloak's own credential API, and no PIN in any
 * answer but generate's, in admin events or in the server log.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPinIT {

    static final String ROLE_PASSWORD = "Branchkey-Pin-Roles-1";

    public static class AdminRealm extends PinWorld.Realm {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return super.configure(realm).name("bk-pin-admin").users(
                    roleUser("pin-users-viewer", "view-users"),
                    roleUser("pin-realm-viewer", "view-realm"));
        }
    }

    static UserBuilder roleUser(String username, String role) {
        return UserBuilder.create().username(username).password(ROLE_PASSWORD).email(username + "@example.org")
                .name("First", "Last").emailVerified(true).enabled(true).clientRoles("realm-management", role);
    }

    @InjectRealm(ref = "pin-admin", config = AdminRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static PinWorld world;
    PinWorld w;

    @BeforeEach
    void world() {
        if (world == null || !world.realm.getId().equals(realm.getId())) {
            world = new PinWorld(realm, urls, keycloak).withTree();
        }
        w = world;
    }

    private String pinPath(Person person) {
        return "users/" + person.id() + "/pin";
    }

    @Test
    @Order(1)
    void generateAnswersThePinOnceAndNothingElseEverShowsIt() {
        Person user = w.person("gen", w.accountA, w.storeA1);
        JsonNode before = w.status(user);
        assertThat(before.get("configured").asBoolean()).isFalse();
        assertThat(before.get("locked").asBoolean()).isFalse();
        assertThat(before.get("consecutiveFailures").asInt()).isZero();

        ApiResponse generated = w.admin.post(pinPath(user) + "/generate", null).expect(200);
        String pin = w.remember(generated);
        assertThat(pin).hasSize(6);
        assertThat(generated.json().size()).as("only the PIN: %s", generated.body()).isEqualTo(1);
        assertThat(generated.header("Pragma")).contains("no-cache");

        ApiResponse status = w.admin.get(pinPath(user)).expect(200);
        assertThat(status.json().get("configured").asBoolean()).isTrue();
        assertThat(status.json().get("createdAt").asLong()).isPositive();
        assertThat(status.json().get("locked").asBoolean()).isFalse();
        w.assertNoPinIn("the status", status.body());
        w.assertNoPinIn("the user's tenancy", w.admin.get("users/" + user.id() + "/tenancy").expect(200).body());

        // a new one replaces the old one: still one PIN credential
        String second = w.remember(w.admin.post(pinPath(user) + "/generate", "").expect(200));
        assertThat(w.pinCredentials(user)).hasSize(1);
        assertThat(second).matches("[0-9]{6}");
    }

    @Test
    @Order(2)
    void aLengthCanBeAskedForWithinFourToEight() {
        Person user = w.person("len", w.accountA);
        assertThat(w.remember(w.admin.post(pinPath(user) + "/generate", Map.of("length", 8)).expect(200))).hasSize(8);
        assertThat(w.remember(w.admin.post(pinPath(user) + "/generate", Map.of("length", 4)).expect(200))).hasSize(4);
        invalid(w.admin.post(pinPath(user) + "/generate", Map.of("length", 3)), "length");
        invalid(w.admin.post(pinPath(user) + "/generate", Map.of("length", 9)), "length");
        invalid(w.admin.post(pinPath(user) + "/generate", "{\"length\":\"six\"}"), "length");
        invalid(w.admin.post(pinPath(user) + "/generate", "{\"colour\":1}"), "colour");
        assertErrorWithoutField(w.admin.post(pinPath(user) + "/generate", "{\"length\":"), 400, "invalid_request");
        notFound(w.admin.post("users/" + Tree.randomId() + "/pin/generate", null), "userId");
        notFound(w.admin.get("users/" + Tree.randomId() + "/pin"), "userId");
    }

    /** A generated PIN is never a colleague's: unlimited draws would map out the PINs that never come up. */
    @Test
    @Order(2)
    void aUserGetsAtMostTenNewPinsAnHour() {
        Person user = w.person("draws", w.accountA, w.storeA1);
        for (int draw = 0; draw < 10; draw++) {
            w.remember(w.admin.post(pinPath(user) + "/generate", null).expect(200));
        }
        String createdAt = w.admin.get(pinPath(user)).expect(200).json().get("createdAt").asText();
        ApiResponse refused = w.admin.post(pinPath(user) + "/generate", null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.json().get("error").asText()).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        w.assertNoPinIn("the refusal", refused.body());
        assertThat(w.admin.get(pinPath(user)).expect(200).json().get("createdAt").asText()).as("the PIN is unchanged")
                .isEqualTo(createdAt);
    }

    @Test
    @Order(3)
    void resetRemovesThePinAndAsksTheUserForANewOne() {
        Person user = w.person("reset", w.accountA);
        w.generate(user);
        w.admin.delete(pinPath(user)).expect(204);
        assertThat(w.status(user).get("configured").asBoolean()).isFalse();
        assertThat(w.pinCredentials(user)).isEmpty();
        assertThat(w.requiredActions(user)).contains(PinWorld.SET_PIN);
        RequiredActionProviderRepresentation registered = realm.admin().flows().getRequiredAction(PinWorld.SET_PIN);
        assertThat(registered.isEnabled()).isTrue();
        // a reset without a PIN is fine too; a new PIN takes the required action away
        w.admin.delete(pinPath(user)).expect(204);
        w.generate(user);
        assertThat(w.requiredActions(user)).doesNotContain(PinWorld.SET_PIN);
    }

    @Test
    @Order(4)
    void unlockNeedsAPin() {
        Person user = w.person("unlock", w.accountA);
        notFound(w.admin.post(pinPath(user) + "/unlock", null), "userId");
        w.generate(user);
        w.admin.post(pinPath(user) + "/unlock", null).expect(204);
        JsonNode status = w.status(user);
        assertThat(status.get("locked").asBoolean()).isFalse();
        assertThat(status.get("consecutiveFailures").asInt()).isZero();
    }

    @Test
    @Order(5)
    void keycloaksOwnCredentialApiListsThePinWithoutSecretAndCanDeleteIt() {
        Person user = w.person("kc-cred", w.accountA);
        String pin = w.generate(user);
        List<CredentialRepresentation> credentials = w.pinCredentials(user);
        assertThat(credentials).hasSize(1);
        CredentialRepresentation credential = credentials.get(0);
        assertThat(credential.getType()).isEqualTo("branchkey-pin");
        assertThat(credential.getUserLabel()).isEqualTo("PIN");
        assertThat(credential.getCreatedDate()).isPositive();
        assertThat(credential.getSecretData()).isNull();
        assertThat(credential.getValue()).isNull();
        assertThat(credential.getCredentialData()).contains("HmacSHA256").doesNotContain(pin);

        // the raw JSON too
        String raw = BranchkeyApi.withToken(urls, realm.getName(), keycloak.tokenManager().getAccessTokenString())
                .getUrl(urls.getBase() + "/admin/realms/" + realm.getName() + "/users/" + user.id() + "/credentials")
                .expect(200).body();
        assertThat(raw).contains("branchkey-pin").doesNotContain("secretData").doesNotContain("\"salt\"");
        w.assertNoPinIn("Keycloak's credential list", raw);

        realm.admin().users().get(user.id()).removeCredential(credential.getId());
        assertThat(w.status(user).get("configured").asBoolean()).isFalse();
        // and a PIN can be set again afterwards (its old index row went with the credential)
        w.generate(user);
        assertThat(w.pinCredentials(user)).hasSize(1);
    }

    /**
     * The account console's credentials still answer for a user with a PIN. (It lists a credential type only once an
     * authenticator of that category is in one of the realm's flows: the PIN login's authenticator.)
     */
    @Test
    @Order(5)
    void theAccountConsoleStillAnswersForAUserWithAPin() {
        Person user = w.person("account", w.accountA);
        w.generate(user);
        String token = BranchkeyApi.passwordToken(urls, realm.getName(), user.username(), PinWorld.PASSWORD);
        ApiResponse response = BranchkeyApi.withToken(urls, realm.getName(), token)
                .getUrl(urls.getBase() + "/realms/" + realm.getName() + "/account/credentials").expect(200);
        assertThat(response.body()).contains("\"password\"");
        w.assertNoPinIn("the account console's credentials", response.body());
    }

    @Test
    @Order(6)
    void thePolicyIsReadAndReplacedWithCheckedInput() {
        JsonNode defaults = w.admin.get("pin-policy").expect(200).json();
        assertThat(defaults.get("length").asInt()).isEqualTo(6);
        assertThat(defaults.get("usersMayChoose").asBoolean()).isTrue();
        assertThat(defaults.get("blockedPins")).isEmpty();
        assertThat(defaults.get("locationHourlyFailureBudget").asInt()).isEqualTo(100);

        JsonNode put = w.admin.put("pin-policy", Map.of("length", 4, "usersMayChoose", false,
                "blockedPins", List.of("4739", "4739", "1029"), "locationHourlyFailureBudget", 5)).expect(200).json();
        assertThat(put.get("length").asInt()).isEqualTo(4);
        assertThat(put.get("usersMayChoose").asBoolean()).isFalse();
        assertThat(BranchkeyApi.JSON.convertValue(put.get("blockedPins"), List.class)).containsExactly("1029", "4739");
        assertThat(w.admin.get("pin-policy").expect(200).json()).isEqualTo(put);

        // new PINs take the policy's length
        Person user = w.person("policy", w.accountA);
        assertThat(w.generate(user)).hasSize(4);

        invalid(w.admin.put("pin-policy", Map.of("length", 9)), "length");
        invalid(w.admin.put("pin-policy", Map.of("length", 3)), "length");
        invalid(w.admin.put("pin-policy", Map.of("blockedPins", List.of("4739", "12a4"))), "blockedPins.1");
        invalid(w.admin.put("pin-policy", Map.of("locationHourlyFailureBudget", 0)), "locationHourlyFailureBudget");
        invalid(w.admin.put("pin-policy", "{\"usersMayChoose\":\"yes\"}"), "usersMayChoose");
        invalid(w.admin.put("pin-policy", "{\"length\":6,\"colour\":\"red\"}"), "colour");
        assertErrorWithoutField(w.admin.put("pin-policy", "{\"length\":"), 400, "invalid_request");
        assertErrorWithoutField(w.admin.put("pin-policy", ""), 400, "invalid_request");
        // nothing of that changed it
        assertThat(w.admin.get("pin-policy").expect(200).json()).isEqualTo(put);

        // an empty object means the defaults
        assertThat(w.admin.put("pin-policy", "{}").expect(200).json()).isEqualTo(defaults);
    }

    @Test
    @Order(7)
    void aLocationsLoginModeIsSetOnLocationsOnly() {
        String store = w.store(w.accountA, "Mode store");
        String path = "nodes/" + store + "/pin-settings";
        assertThat(w.admin.get(path).expect(200).json().get("mode").asText()).isEqualTo("TILE_AND_PIN");
        assertThat(w.admin.put(path, Map.of("mode", "PIN_ONLY")).expect(200).json().get("mode").asText()).isEqualTo("PIN_ONLY");
        assertThat(w.admin.get(path).expect(200).json().get("mode").asText()).isEqualTo("PIN_ONLY");
        w.admin.put(path, Map.of("mode", "TILE_AND_PIN")).expect(200);

        invalid(w.admin.put(path, Map.of("mode", "SOMETIMES")), "mode");
        invalid(w.admin.put(path, "{}"), "mode");
        invalid(w.admin.put(path, "{\"mode\":1}"), "mode");
        invalid(w.admin.get("nodes/" + w.accountA + "/pin-settings"), "id");
        invalid(w.admin.put("nodes/" + w.accountA + "/pin-settings", Map.of("mode", "PIN_ONLY")), "id");
        notFound(w.admin.get("nodes/" + Tree.randomId() + "/pin-settings"), "id");

        // a location with PIN settings can be deleted, and its settings go with it
        w.admin.put(path, Map.of("mode", "PIN_ONLY")).expect(200);
        w.admin.delete("nodes/" + store).expect(204);
        notFound(w.admin.get(path), "id");
    }

    @Test
    @Order(8)
    void readersMayReadAndNotChange() {
        Person user = w.person("rights", w.accountA);
        BranchkeyApi usersViewer = BranchkeyApi.withToken(urls, realm.getName(),
                BranchkeyApi.passwordToken(urls, realm.getName(), "pin-users-viewer", ROLE_PASSWORD));
        usersViewer.get(pinPath(user)).expect(200);
        usersViewer.post(pinPath(user) + "/generate", null).expect(403);
        usersViewer.delete(pinPath(user)).expect(403);
        usersViewer.post(pinPath(user) + "/unlock", null).expect(403);
        usersViewer.get("pin-policy").expect(403);

        BranchkeyApi realmViewer = BranchkeyApi.withToken(urls, realm.getName(),
                BranchkeyApi.passwordToken(urls, realm.getName(), "pin-realm-viewer", ROLE_PASSWORD));
        realmViewer.get("pin-policy").expect(200);
        realmViewer.put("pin-policy", Map.of("length", 6)).expect(403);
        realmViewer.get("nodes/" + w.storeA1 + "/pin-settings").expect(200);
        realmViewer.put("nodes/" + w.storeA1 + "/pin-settings", Map.of("mode", "PIN_ONLY")).expect(403);
        realmViewer.post(pinPath(user) + "/generate", null).expect(403);

        BranchkeyApi.withToken(urls, realm.getName(), null).get(pinPath(user)).expect(401);
        assertThat(w.status(user).get("configured").asBoolean()).isFalse();
    }

    @Test
    @Order(9)
    void everyChangeIsAnAdminEventWithoutThePin() throws IOException {
        Person user = w.person("events", w.accountA);
        String base = "branchkey/users/" + user.id() + "/pin";
        w.generate(user);
        w.admin.post(pinPath(user) + "/unlock", null).expect(204);
        w.admin.delete(pinPath(user)).expect(204);

        AdminEventRepresentation generated = single(base + "/generate", "ACTION");
        assertThat(generated.getResourceType()).isEqualTo("BRANCHKEY_PIN");
        assertThat(BranchkeyApi.JSON.readTree(generated.getRepresentation())).isEqualTo(BranchkeyApi.JSON.readTree("{\"length\":6}"));
        assertThat(single(base + "/unlock", "ACTION").getResourceType()).isEqualTo("BRANCHKEY_PIN");
        assertThat(single(base, "DELETE").getResourceType()).isEqualTo("BRANCHKEY_PIN");

        w.admin.put("pin-policy", Map.of("length", 6)).expect(200);
        assertThat(events("branchkey/pin-policy", "UPDATE")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getResourceType()).isEqualTo("BRANCHKEY_PIN_POLICY"));
        w.admin.put("nodes/" + w.storeA2 + "/pin-settings", Map.of("mode", "TILE_AND_PIN")).expect(200);
        AdminEventRepresentation settings = single("branchkey/nodes/" + w.storeA2 + "/pin-settings", "UPDATE");
        assertThat(settings.getResourceType()).isEqualTo("BRANCHKEY_PIN_SETTINGS");
        assertThat(settings.getRepresentation()).contains("TILE_AND_PIN");

        for (AdminEventRepresentation event : events("branchkey/*", null)) {
            w.assertNoPinIn("admin event " + event.getResourcePath(), event.getRepresentation());
            w.assertNoPinIn("admin event details " + event.getResourcePath(), String.valueOf(event.getDetails()));
        }
    }

    @Test
    @Order(10)
    void deletingUsersAndRealmsWithPinsWorks() {
        Person user = w.person("gone", w.accountA, w.storeA1);
        w.generate(user);
        realm.admin().users().get(user.id()).remove();
        notFound(w.admin.get(pinPath(user)), "userId");

        String name = "bk-pin-doomed-" + PinWorld.hex();
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(name);
        rep.setEnabled(true);
        keycloak.realms().create(rep);
        try {
            BranchkeyApi other = BranchkeyApi.asAdmin(urls, keycloak, name);
            String account = new Tree(other).account(null, "Doomed account");
            String store = new Tree(other).create(Tree.locationBody(account, "Doomed store")).get("id").asText();
            other.put("nodes/" + store + "/pin-settings", Map.of("mode", "PIN_ONLY")).expect(200);
            org.keycloak.representations.idm.UserRepresentation doomed = new org.keycloak.representations.idm.UserRepresentation();
            doomed.setUsername("doomed");
            doomed.setEnabled(true);
            String doomedId;
            try (Response response = keycloak.realm(name).users().create(doomed)) {
                doomedId = org.keycloak.testframework.util.ApiUtil.getCreatedId(response);
            }
            other.put("nodes/" + store + "/users/" + doomedId, null).expect(204);
            w.remember(other.post("users/" + doomedId + "/pin/generate", null).expect(200));
        } finally {
            keycloak.realm(name).remove();
        }
        assertThat(keycloak.realms().findAll()).noneMatch(r -> r.getRealm().equals(name));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noPinOfThisClassIsInTheServerLog() {
        w.assertNoPinInServerLog();
    }

    private List<AdminEventRepresentation> events(String resourcePath, String operation) {
        return realm.admin().getAdminEvents(operation == null ? null : List.of(operation), null, null, null, null,
                        resourcePath, null, null, 0, 10_000).stream()
                .sorted(Comparator.comparingLong(AdminEventRepresentation::getTime)).toList();
    }

    private AdminEventRepresentation single(String resourcePath, String operation) {
        List<AdminEventRepresentation> events = events(resourcePath, operation);
        assertThat(events).as("%s events for %s", operation, resourcePath).hasSize(1);
        return events.get(0);
    }
}
