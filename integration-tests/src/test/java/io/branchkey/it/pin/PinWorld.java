package io.branchkey.it.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.ManagementScope;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.ServerLog;
import io.branchkey.it.support.Tree;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.util.ApiUtil;

/**
 * What the PIN ITs share: people with passwords, role groups, grants and PIN calls, made through the admin API, and
 * every PIN the server handed out, so that a test can prove none of them turns up where it must not.
 *
 * <pre>
 * account A: store A1, store A2        account F: store F (foreign)
 * </pre>
 */
final class PinWorld {

    static final String PASSWORD = "Branchkey-Pin-1";
    static final String SET_PIN = "branchkey-set-pin";

    /** Fast password hashing. */
    public static class Realm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.passwordPolicy("hashAlgorithm(pbkdf2-sha256) and hashIterations(1)")
                    .adminEventsEnabled(true).adminEventsDetailsEnabled(true);
        }
    }

    record Person(String id, String username) {
        @Override
        public String toString() {
            return username;
        }
    }

    final ManagedRealm realm;
    final KeycloakUrls urls;
    final BranchkeyApi admin;
    final Tree tree;
    /** Every PIN the server returned or showed during the run of a test class. */
    final List<String> pinsSeen = new ArrayList<>();

    String accountA, storeA1, storeA2, accountF, storeF;

    PinWorld(ManagedRealm realm, KeycloakUrls urls, Keycloak keycloak) {
        ManagementScope.allow(realm);
        this.realm = realm;
        this.urls = urls;
        this.admin = BranchkeyApi.asAdmin(urls, keycloak, realm.getName());
        this.tree = new Tree(admin);
        RealmRepresentation rep = realm.admin().toRepresentation();
        // Keycloak's own login theme: the set-PIN page ships with the provider jar and renders in any theme
        if (!"keycloak.v2".equals(rep.getLoginTheme())) {
            rep.setLoginTheme("keycloak.v2");
            realm.admin().update(rep);
        }
    }

    PinWorld withTree() {
        accountA = tree.account(null, name("Pin account A"));
        storeA1 = store(accountA, "Pin store A1");
        storeA2 = store(accountA, "Pin store A2");
        accountF = tree.account(null, name("Pin account F"));
        storeF = store(accountF, "Pin store F");
        return this;
    }

    static String name(String prefix) {
        return prefix + " " + hex();
    }

    static String hex() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    String store(String parentId, String prefix) {
        return tree.create(Tree.locationBody(parentId, name(prefix))).get("id").asText();
    }

    /** A user with a password, a home account (may be null) and memberships. */
    Person person(String prefix, String homeAccount, String... memberOf) {
        String username = (prefix + "-" + hex()).toLowerCase();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.org");
        user.setFirstName("First");
        user.setLastName(prefix);
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (Response response = realm.admin().users().create(user)) {
            assertThat(response.getStatus()).as("create user %s", username).isEqualTo(201);
            id = ApiUtil.getCreatedId(response);
        }
        if (homeAccount != null) {
            admin.put("users/" + id + "/home-account", Map.of("nodeId", homeAccount)).expect(200);
        }
        for (String node : memberOf) {
            admin.put("nodes/" + node + "/users/" + id, null).expect(204);
        }
        return new Person(id, username);
    }

    /** A realm-wide role group with exactly these permissions; returns its id. */
    String template(String prefix, String... keys) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name(prefix));
        body.put("permissions", List.of(keys));
        return admin.post("role-groups", body).expect(201).id();
    }

    void grant(Person person, String nodeId, String roleGroupId) {
        admin.post("grants", Map.of("userId", person.id(), "nodeId", nodeId, "roleGroupId", roleGroupId)).expect(201);
    }

    /** The delegated API as this person (a fresh password-grant token). */
    BranchkeyApi as(Person person) {
        return BranchkeyApi.delegated(urls, realm.getName(),
                BranchkeyApi.managementToken(urls, realm.getName(), person.username(), PASSWORD));
    }

    /** Generates a PIN as a realm admin; remembers it. */
    String generate(Person person) {
        return remember(admin.post("users/" + person.id() + "/pin/generate", null).expect(200));
    }

    /** The PIN of a 200 answer to …/pin/generate, checked for the no-store header; remembered. */
    String remember(ApiResponse response) {
        assertThat(response.header("Cache-Control")).as("Cache-Control of %s", response.describe()).contains("no-store");
        String pin = response.json().get("pin").asText();
        assertThat(pin).matches("[0-9]{4,8}");
        pinsSeen.add(pin);
        return pin;
    }

    JsonNode status(Person person) {
        return admin.get("users/" + person.id() + "/pin").expect(200).json();
    }

    List<String> requiredActions(Person person) {
        List<String> actions = realm.admin().users().get(person.id()).toRepresentation().getRequiredActions();
        return actions == null ? List.of() : actions;
    }

    List<CredentialRepresentation> pinCredentials(Person person) {
        return realm.admin().users().get(person.id()).credentials().stream()
                .filter(c -> "branchkey-pin".equals(c.getType())).toList();
    }

    /** Asserts that the text contains none of the PINs seen, as a whole number (not inside a longer run of digits). */
    void assertNoPinIn(String what, String text) {
        for (String pin : pinsSeen) {
            assertThat(Pattern.compile("(?<![0-9A-Za-z])" + pin + "(?![0-9A-Za-z])").matcher(text == null ? "" : text).find())
                    .as("PIN %s in %s", pin, what).isFalse();
        }
    }

    /** No PIN handed out in this class appears in the server's log (when the log file is there to read). */
    void assertNoPinInServerLog() {
        assertThat(pinsSeen).as("PINs seen by this test class").isNotEmpty();
        ServerLog.read().ifPresent(log -> assertNoPinIn("the server log", log));
    }
}
