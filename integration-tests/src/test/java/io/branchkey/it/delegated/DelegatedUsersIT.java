package io.branchkey.it.delegated;

import static io.branchkey.it.support.ApiAssertions.assertErrorWithoutField;
import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.delegated.DelegatedWorld.Person;
import io.branchkey.it.delegated.DelegatedWorld.Tokens;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.Tree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** Users through the delegated API: invite, read, edit, their grants, termination. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class DelegatedUsersIT {

    @InjectRealm(ref = "dlg-users", config = DelegatedWorld.Realm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static DelegatedWorld world;
    DelegatedWorld w;

    @BeforeEach
    void world() {
        world = DelegatedWorld.of(world, realm, urls, keycloak);
        w = world;
    }

    private Map<String, Object> invite(String username, String homeAccountId) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", username.toLowerCase() + "@example.org");
        body.put("firstName", "Ina");
        body.put("lastName", "Vited");
        body.put("homeAccountId", homeAccountId);
        return body;
    }

    private int userCount() {
        return realm.admin().users().count();
    }

    @Test
    void anInvitedUserMustSetAPasswordAndBelongsToTheAccount() {
        String username = "Invited-" + DelegatedWorld.hex();
        JsonNode created = w.as(w.adminA).post("users", invite(username, w.accountA)).expect(201).json();

        String id = created.get("id").asText();
        assertThat(created.get("username").asText()).isEqualTo(username.toLowerCase());
        assertThat(created.get("email").asText()).isEqualTo(username.toLowerCase() + "@example.org");
        assertThat(created.get("enabled").asBoolean()).isTrue();
        UserRepresentation user = w.keycloakUser(id);
        assertThat(user.getUsername()).isEqualTo(username.toLowerCase());
        assertThat(user.getFirstName()).isEqualTo("Ina");
        assertThat(user.getLastName()).isEqualTo("Vited");
        assertThat(user.getRequiredActions()).containsExactly("UPDATE_PASSWORD");
        assertThat(realm.admin().users().get(id).credentials()).isEmpty();
        assertThat(w.tenancy(id).get("homeAccountId").asText()).isEqualTo(w.accountA);
        // an invitation hands out no rights
        assertThat(w.grantsOf(id)).isEmpty();
        // and the manager can now see the user
        assertThat(w.as(w.adminA).get("users/" + id).expect(200).json().get("username").asText()).isEqualTo(username.toLowerCase());
    }

    @Test
    void aDuplicateUsernameOrEmailIsAConflict() {
        int before = userCount();
        BranchkeyApi manager = w.as(w.adminA);
        assertFieldError(manager.post("users", invite(w.employeeA1.username(), w.accountA)), 409, "conflict", "username");
        // usernames are case-insensitive
        assertFieldError(manager.post("users", invite(w.employeeA1.username().toUpperCase(), w.accountA)), 409, "conflict", "username");
        Map<String, Object> sameEmail = invite("fresh-" + DelegatedWorld.hex(), w.accountA);
        sameEmail.put("email", w.employeeA1.email().toUpperCase());
        assertFieldError(manager.post("users", sameEmail), 409, "conflict", "email");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void badInviteInputIsABadRequestNamingTheField() {
        int before = userCount();
        BranchkeyApi manager = w.as(w.adminA);
        String fresh = "fresh-" + DelegatedWorld.hex();

        invalid(manager.post("users", invite("has space", w.accountA)), "username");
        invalid(manager.post("users", invite("", w.accountA)), "username");
        invalid(manager.post("users", invite("x".repeat(256), w.accountA)), "username");
        Map<String, Object> badEmail = invite(fresh, w.accountA);
        badEmail.put("email", "not-an-address");
        invalid(manager.post("users", badEmail), "email");
        Map<String, Object> longName = invite(fresh, w.accountA);
        longName.put("firstName", "n".repeat(256));
        invalid(manager.post("users", longName), "firstName");
        Map<String, Object> unknownField = invite(fresh, w.accountA);
        unknownField.put("password", "secret");
        invalid(manager.post("users", unknownField), "password");
        Map<String, Object> noAccount = invite(fresh, w.accountA);
        noAccount.remove("homeAccountId");
        invalid(manager.post("users", noAccount), "homeAccountId");
        // a home account must be an ACCOUNT
        invalid(manager.post("users", invite(fresh, w.regionA1)), "homeAccountId");
        invalid(manager.post("users", "{\"username\": 42}"), "username");
        invalid(manager.post("users", "[]"), null);
        invalid(manager.post("users", ""), null);

        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void invitingIntoAnAccountOutsideReachIsNotFound() {
        int before = userCount();
        for (String account : List.of(w.accountF, w.accountB, w.partner, Tree.randomId())) {
            assertFieldError(w.as(w.adminA).post("users", invite("sneaky-" + DelegatedWorld.hex(), account)),
                    404, "not_found", "homeAccountId");
        }
        // a store manager's reach ends at their store: the account is outside it
        assertFieldError(w.as(w.storeManagerA1).post("users", invite("sneaky-" + DelegatedWorld.hex(), w.accountA)),
                404, "not_found", "homeAccountId");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void invitingNeedsUsersInviteAtTheAccount() {
        Person viewer = w.person("viewer", w.accountA);
        w.grant(viewer, w.accountA, w.template("Users viewer", List.of("users.view")));
        int before = userCount();
        assertErrorWithoutField(w.as(viewer).post("users", invite("fresh-" + DelegatedWorld.hex(), w.accountA)), 403, "forbidden");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void aManagerReadsAndEditsTheUsersOfTheirAccount() {
        Person staff = w.person("staff", w.accountA, w.storeA1);
        BranchkeyApi manager = w.as(w.adminA);

        JsonNode read = manager.get("users/" + staff.id()).expect(200).json();
        assertThat(read.get("username").asText()).isEqualTo(staff.username());
        assertThat(read.get("email").asText()).isEqualTo(staff.email());
        assertThat(read.has("credentials")).isFalse();
        // a store manager sees users of their store too
        w.as(w.storeManagerA1).get("users/" + staff.id()).expect(200);

        String newEmail = "renamed-" + DelegatedWorld.hex() + "@example.org";
        JsonNode updated = manager.put("users/" + staff.id(),
                Map.of("firstName", "Renamed", "lastName", "Person", "email", newEmail)).expect(200).json();
        assertThat(updated.get("firstName").asText()).isEqualTo("Renamed");
        UserRepresentation user = w.keycloakUser(staff.id());
        assertThat(user.getFirstName()).isEqualTo("Renamed");
        assertThat(user.getLastName()).isEqualTo("Person");
        assertThat(user.getEmail()).isEqualTo(newEmail);

        assertFieldError(manager.put("users/" + staff.id(), Map.of("email", w.employeeA2.email())), 409, "conflict", "email");
        invalid(manager.put("users/" + staff.id(), Map.of("email", "nope")), "email");
        invalid(manager.put("users/" + staff.id(), Map.of("username", "other")), "username");
        invalid(manager.put("users/" + staff.id(), "{\"enabled\":\"yes\"}"), "enabled");
        assertThat(w.keycloakUser(staff.id()).getEmail()).isEqualTo(newEmail);
    }

    @Test
    void usersOutsideReachAreNotFoundAndAMissingRightInsideIsForbidden() {
        // store A2's employee is outside a store-A1 manager's reach
        assertFieldError(w.as(w.storeManagerA1).get("users/" + w.employeeA2.id()), 404, "not_found", "userId");
        assertFieldError(w.as(w.adminA).get("users/" + w.employeeF.id()), 404, "not_found", "userId");
        assertFieldError(w.as(w.adminA).get("users/" + Tree.randomId()), 404, "not_found", "userId");
        // a colleague at the employee's own store is inside reach, but an employee has no users.* rights
        assertFieldError(w.as(w.employeeA1).get("users/" + w.storeManagerA1.id()), 403, "forbidden", "userId");
        // a store manager has users.update but not users.invite: editing is fine, inviting is not
        Person staff = w.person("staff", w.accountA, w.storeA1);
        w.as(w.storeManagerA1).put("users/" + staff.id(), Map.of("firstName", "Edited")).expect(200);
    }

    @Test
    void switchingAUserOffOrOnNeedsUsersDeactivateNotJustUsersUpdate() {
        Person staff = w.person("switched", w.accountA, w.storeA1);
        Person editor = w.person("plain-editor", w.accountA);
        w.grant(editor, w.accountA, w.template("Plain editor", List.of("users.view", "users.update")));
        assertFieldError(w.as(editor).put("users/" + staff.id(), Map.of("enabled", false)), 403, "forbidden", "userId");
        assertThat(w.keycloakUser(staff.id()).isEnabled()).isTrue();
        // the same value is no switch: an edit that repeats it is fine
        w.as(editor).put("users/" + staff.id(), Map.of("firstName", "Same", "enabled", true)).expect(200);
        w.as(w.adminA).put("users/" + staff.id(), Map.of("enabled", false)).expect(200);
        assertThat(w.keycloakUser(staff.id()).isEnabled()).isFalse();
    }

    @Test
    void aUsersGrantsAreShownOnlyWhereTheCallerSees() {
        // a user working in two tenants: homed in A, member of stores A1 and A2, and granted at store F
        Person shared = w.person("shared", w.accountA, w.storeA1, w.storeA2);
        String atA1 = w.grant(shared, w.storeA1, w.employeeGroup);
        String atA2 = w.grant(shared, w.storeA2, w.employeeGroup);
        String atF = w.grant(shared, w.storeF, w.employeeGroup);

        assertThat(w.as(w.adminA).get("users/" + shared.id() + "/access/grants").expect(200).ids()).containsExactlyInAnyOrder(atA1, atA2);
        assertThat(w.as(w.storeManagerA1).get("users/" + shared.id() + "/access/grants").expect(200).ids()).containsExactly(atA1);
        // F's manager does not know this user until they belong to something in F
        assertFieldError(w.as(w.adminF).get("users/" + shared.id() + "/access/grants"), 404, "not_found", "userId");
        w.admin.put("nodes/" + w.storeF + "/users/" + shared.id(), null).expect(204);
        List<JsonNode> seenByF = w.as(w.adminF).get("users/" + shared.id() + "/access/grants").expect(200).elements();
        assertThat(seenByF).hasSize(1);
        assertThat(seenByF.get(0).get("id").asText()).isEqualTo(atF);
        assertThat(seenByF.toString()).doesNotContain(w.storeA1, w.storeA2, atA1, atA2);
    }

    @Test
    void terminatingRevokesAllGrantsDisablesTheUserAndEndsTheirSessions() {
        Person leaver = w.person("leaver", w.accountA, w.storeA1);
        w.grant(leaver, w.storeA1, w.employeeGroup);
        w.grant(leaver, w.regionA2, w.employeeGroup);
        Tokens session = w.login(leaver);
        assertThat(w.refreshStatus(session.refresh())).isEqualTo(200);
        BranchkeyApi.delegated(urls, realm.getName(), session.access()).get("me/scopes").expect(200);

        w.as(w.adminA).post("users/" + leaver.id() + "/terminate", null).expect(204);

        assertThat(w.grantsOf(leaver.id())).isEmpty();
        assertThat(w.keycloakUser(leaver.id()).isEnabled()).isFalse();
        assertThat(realm.admin().users().get(leaver.id()).getUserSessions()).isEmpty();
        assertThat(w.refreshStatus(session.refresh())).isEqualTo(400);
        assertThat(w.passwordLoginStatus(leaver.username())).isEqualTo(400);
        assertThat(BranchkeyApi.delegated(urls, realm.getName(), session.access()).get("me/scopes").status()).isEqualTo(401);
        // the user still exists, homed where they were
        assertThat(w.tenancy(leaver.id()).get("homeAccountId").asText()).isEqualTo(w.accountA);
    }

    @Test
    void nobodyCanTerminateThemselves() {
        Person manager = w.person("self-terminator", w.accountA);
        String grant = w.grant(manager, w.accountA, w.accountAdminGroup);
        invalid(w.as(manager).post("users/" + manager.id() + "/terminate", null), "userId");
        assertThat(w.keycloakUser(manager.id()).isEnabled()).isTrue();
        assertThat(w.grantIdsOf(manager.id())).containsExactly(grant);
    }

    @Test
    void terminatingNeedsUsersTerminateWhereTheUserBelongs() {
        Person target = w.person("target", w.accountA, w.storeA2);
        String grant = w.grant(target, w.storeA2, w.employeeGroup);
        // outside a store-A1 manager's reach
        assertFieldError(w.as(w.storeManagerA1).post("users/" + target.id() + "/terminate", null), 404, "not_found", "userId");
        // inside reach of someone who may only view users
        Person viewer = w.person("viewer", w.accountA);
        w.grant(viewer, w.accountA, w.template("Users viewer", List.of("users.view")));
        assertFieldError(w.as(viewer).post("users/" + target.id() + "/terminate", null), 403, "forbidden", "userId");
        assertThat(w.keycloakUser(target.id()).isEnabled()).isTrue();
        assertThat(w.grantIdsOf(target.id())).containsExactly(grant);
    }
}
