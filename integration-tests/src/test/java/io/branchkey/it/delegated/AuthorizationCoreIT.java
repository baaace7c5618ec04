package io.branchkey.it.delegated;

import static io.branchkey.it.delegated.DelegatedWorld.EMPLOYEE_KEYS;
import static io.branchkey.it.delegated.DelegatedWorld.grantBody;
import static io.branchkey.it.support.ApiAssertions.assertError;
import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.delegated.DelegatedWorld.Person;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.ManagementScope;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The escalation paths of issue 13, each tried the way it got through before the authorization core: every test
 * here failed on the earlier delegated API, and every refusal leaves nothing changed.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class AuthorizationCoreIT {

    @InjectRealm(ref = "dlg-core", config = DelegatedWorld.Realm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    /** The realm sends mail to this server (the framework sets the realm's SMTP to it). */
    @InjectMailServer
    MailServer mail;

    static DelegatedWorld world;
    DelegatedWorld w;

    @BeforeEach
    void world() {
        world = DelegatedWorld.of(world, realm, urls, keycloak);
        w = world;
    }

    /** A member of store A1 holding the account-admin bundle there: more than store A1's manager holds. */
    private Person powerfulColleague() {
        Person colleague = w.person("colleague", w.accountA, w.storeA1);
        w.grant(colleague, w.storeA1, w.accountAdminGroup);
        return colleague;
    }

    // ---- 1. acting on users more powerful than oneself

    @Test
    void aManagerCannotChangeTheEmailOfSomeoneWhoHoldsMoreThanThey() {
        Person colleague = powerfulColleague();
        ApiResponse refused = w.as(w.storeManagerA1).put("users/" + colleague.id(), Map.of("email", "attacker@example.org"));
        assertFieldError(refused, 403, "forbidden", "userId");
        UserRepresentation after = w.keycloakUser(colleague.id());
        assertThat(after.getEmail()).isEqualTo(colleague.email());
        assertThat(after.isEmailVerified()).isTrue();
        assertThat(w.adminAudit("userId=" + colleague.id())).anyMatch(e -> "REFUSED".equals(e.path("outcome").asText()));
    }

    @Test
    void aChangedEmailIsUnverifiedUntilItsOwnerProvesIt() throws MessagingException {
        Person employee = w.person("employee", w.accountA, w.storeA1);
        w.grant(employee, w.storeA1, w.employeeGroup);
        String email = "new-" + DelegatedWorld.hex() + "@example.org";
        w.as(w.storeManagerA1).put("users/" + employee.id(), Map.of("email", email)).expect(200);
        UserRepresentation after = w.keycloakUser(employee.id());
        assertThat(after.getEmail()).isEqualTo(email);
        assertThat(after.isEmailVerified()).isFalse();
        assertThat(after.getRequiredActions()).contains("VERIFY_EMAIL");
        // the realm can send mail: the link to verify it went to the new address
        assertThat(mail.waitForIncomingEmail(10_000, 1)).as("a verification mail arrives").isTrue();
        MimeMessage message = mail.getLastReceivedMessage();
        assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString)).contains(email);
        assertThat(GreenMailUtil.getBody(message)).contains("/login-actions/action-token?key=");
    }

    @Test
    void terminateRefusesSomeoneStillEmployedOutsideTheCallersReachAndChangesNothing() {
        Person shared = w.person("shared", w.accountA, w.storeA1, w.storeB);
        String atA1 = w.grant(shared, w.storeA1, w.employeeGroup);
        String atB = w.grant(shared, w.storeB, w.employeeGroup);
        JsonNode refused = assertFieldError(w.as(w.storeManagerA1).post("users/" + shared.id() + "/terminate", null),
                409, "conflict", "userId");
        assertThat(refused.get("message").asText()).contains("1 grant(s) outside your reach");
        assertThat(w.grantIdsOf(shared.id())).containsExactlyInAnyOrder(atA1, atB);
        assertThat(w.keycloakUser(shared.id()).isEnabled()).isTrue();
        // a realm admin can
        w.admin.post("users/" + shared.id() + "/terminate", null).expect(204);
        assertThat(w.grantIdsOf(shared.id())).isEmpty();
        assertThat(w.keycloakUser(shared.id()).isEnabled()).isFalse();
    }

    @Test
    void noDelegatedCallerDisablesAPartnerAdmin() {
        Person partnerAdmin = w.person("partner-admin", w.accountA, w.storeA1);
        String grant = w.grant(partnerAdmin, w.partner, w.accountAdminGroup);
        assertFieldError(w.as(w.adminA).put("users/" + partnerAdmin.id(), Map.of("enabled", false)), 403, "forbidden", "userId");
        assertFieldError(w.as(w.adminA).put("users/" + partnerAdmin.id(), Map.of("firstName", "Hijacked")), 403, "forbidden", "userId");
        UserRepresentation after = w.keycloakUser(partnerAdmin.id());
        assertThat(after.isEnabled()).isTrue();
        assertThat(after.getFirstName()).isEqualTo("First");
        // the shared partner gets no lasting role manager from this test
        w.admin.delete("grants/" + grant).expect(204);
    }

    @Test
    void aUserARealmAdminDisabledStaysDisabledForManagers() {
        Person employee = w.person("employee", w.accountA, w.storeA1);
        w.grant(employee, w.storeA1, w.employeeGroup);
        UserRepresentation rep = w.keycloakUser(employee.id());
        rep.setEnabled(false);
        realm.admin().users().get(employee.id()).update(rep);
        assertFieldError(w.as(w.adminA).put("users/" + employee.id(), Map.of("enabled", true)), 403, "forbidden", "enabled");
        assertThat(w.keycloakUser(employee.id()).isEnabled()).isFalse();

        // one whom a manager disabled, a manager may enable again
        Person other = w.person("other", w.accountA, w.storeA1);
        w.grant(other, w.storeA1, w.employeeGroup);
        w.as(w.adminA).put("users/" + other.id(), Map.of("enabled", false)).expect(200);
        w.as(w.storeManagerA1).put("users/" + other.id(), Map.of("enabled", true)).expect(200);
        assertThat(w.keycloakUser(other.id()).isEnabled()).isTrue();
    }

    @Test
    void keycloakAdministratorsAreOutOfBoundsForEveryDelegatedCaller() {
        Person admin = w.person("kc-admin", w.accountA, w.storeA1);
        w.grant(admin, w.storeA1, w.employeeGroup);
        ClientRepresentation management = realm.admin().clients().findByClientId("realm-management").get(0);
        RoleRepresentation viewUsers = realm.admin().clients().get(management.getId()).roles().get("view-users").toRepresentation();
        realm.admin().users().get(admin.id()).roles().clientLevel(management.getId()).add(List.of(viewUsers));

        BranchkeyApi manager = w.as(w.adminA);
        assertFieldError(manager.put("users/" + admin.id(), Map.of("lastName", "Changed")), 403, "forbidden", "userId");
        assertFieldError(manager.post("users/" + admin.id() + "/pin/generate", null), 403, "forbidden", "userId");
        assertFieldError(manager.post("grants", grantBody(admin.id(), w.storeA1, w.employeeGroup)), 403, "forbidden", "userId");
        assertThat(w.grantsOf(admin.id())).hasSize(1);
        assertThat(w.keycloakUser(admin.id()).getLastName()).isEqualTo("Last");
    }

    // ---- 2. revoking is subject to no-escalation

    @Test
    void aManagerCannotRevokeAGrantOfMoreThanTheyHold() {
        Person colleague = w.person("colleague", w.accountA, w.storeA1);
        String grant = w.grant(colleague, w.storeA1, w.accountAdminGroup);
        assertError(w.as(w.storeManagerA1).delete("grants/" + grant), 403, "forbidden");
        assertThat(w.grantIdsOf(colleague.id())).containsExactly(grant);
        // an employee's grant, which the store manager holds all of, they may revoke
        Person employee = w.person("employee", w.accountA, w.storeA1);
        String small = w.grant(employee, w.storeA1, w.employeeGroup);
        w.as(w.storeManagerA1).delete("grants/" + small).expect(204);
        assertThat(w.grantsOf(employee.id())).isEmpty();
    }

    // ---- 3. moves (each test in regions of its own: a move is judged by every grant on the way)

    @Test
    void aMoveOutOfTheAccountIsForRealmAdminsOnly() {
        String from = w.tree.region(w.accountA, DelegatedWorld.name("From"));
        String to = w.tree.region(w.accountA, DelegatedWorld.name("To"));
        String elsewhere = w.tree.region(w.accountB, DelegatedWorld.name("Elsewhere"));
        String store = w.store(from, "Movable");
        Person mover = w.person("mover", w.accountA);
        String movers = w.template("Movers", List.of("locations.update", "users.view"));
        w.grant(mover, from, movers);
        w.grant(mover, elsewhere, movers);
        assertError(w.as(mover).post("nodes/" + store + "/move", Map.of("parentId", elsewhere)), 403, "forbidden");
        assertThat(w.admin.get("nodes/" + store).expect(200).json().get("parentId").asText()).isEqualTo(from);

        // inside the account, with the right at the old and the new parent, a move is fine
        w.grant(mover, to, movers);
        w.as(mover).post("nodes/" + store + "/move", Map.of("parentId", to)).expect(200);
        assertThat(w.admin.get("nodes/" + store).expect(200).json().get("parentId").asText()).isEqualTo(to);
    }

    @Test
    void aMoveNeedsTheRightWhereTheNodeIsNow() {
        String from = w.tree.region(w.accountA, DelegatedWorld.name("From"));
        String to = w.tree.region(w.accountA, DelegatedWorld.name("To"));
        String store = w.store(from, "Stays");
        Person mover = w.person("mover", w.accountA);
        String movers = w.template("Store movers", List.of("locations.update"));
        w.grant(mover, store, movers);
        w.grant(mover, to, movers);
        assertError(w.as(mover).post("nodes/" + store + "/move", Map.of("parentId", to)), 403, "forbidden");
        assertThat(w.admin.get("nodes/" + store).expect(200).json().get("parentId").asText()).isEqualTo(from);
    }

    @Test
    void aMoveCannotCarryPermissionsTheMoverLacks() {
        String from = w.tree.region(w.accountA, DelegatedWorld.name("From"));
        String to = w.tree.region(w.accountA, DelegatedWorld.name("To"));
        String store = w.store(from, "Shifted");
        Person mover = w.person("mover", w.accountA);
        String movers = w.template("Plain movers", List.of("locations.update"));
        w.grant(mover, from, movers);
        w.grant(mover, to, movers);
        // someone holds, at the new parent, a permission the mover does not: the move would hand it on to the store
        Person reporter = w.person("reporter", w.accountA);
        w.grant(reporter, to, w.unheldGroup);
        assertError(w.as(mover).post("nodes/" + store + "/move", Map.of("parentId", to)), 403, "forbidden");
        assertThat(w.admin.get("nodes/" + store).expect(200).json().get("parentId").asText()).isEqualTo(from);
        assertThat(w.effectivePermissions(reporter.id(), store)).isEmpty();
    }

    // ---- 4. grant windows

    @Test
    void aGrantNeverOutlastsTheGrantersOwnAndNobodyGrantsThemselves() {
        long friday = System.currentTimeMillis() + Duration.ofDays(3).toMillis();
        Person temp = w.person("temp-manager", w.accountA, w.storeA1);
        w.admin.post("grants", Map.of("userId", temp.id(), "nodeId", w.storeA1, "roleGroupId", w.storeManagerGroup,
                "endsAt", friday)).expect(201);
        Person hire = w.person("hire", w.accountA, w.storeA1);

        assertFieldError(w.as(temp).post("grants", grantBody(hire.id(), w.storeA1, w.employeeGroup)), 403, "forbidden", "endsAt");
        Map<String, Object> tooLong = new LinkedHashMap<>(grantBody(hire.id(), w.storeA1, w.employeeGroup));
        tooLong.put("endsAt", friday + 1);
        assertFieldError(w.as(temp).post("grants", tooLong), 403, "forbidden", "endsAt");
        assertThat(w.grantsOf(hire.id())).isEmpty();

        Map<String, Object> untilFriday = new LinkedHashMap<>(grantBody(hire.id(), w.storeA1, w.employeeGroup));
        untilFriday.put("endsAt", friday);
        w.as(temp).post("grants", untilFriday).expect(201);

        Map<String, Object> self = new LinkedHashMap<>(grantBody(temp.id(), w.storeA1, w.storeManagerGroup));
        self.put("endsAt", friday);
        assertFieldError(w.as(temp).post("grants", self), 403, "forbidden", "userId");
        assertThat(w.grantsOf(temp.id())).hasSize(1);
    }

    // ---- 5. device enrollment

    @Test
    void enrollingADeviceIsGrantingItsTypesRoleGroup() {
        String kioskGroup = w.template("Kiosk device", List.of("register.access", DelegatedWorld.UNHELD_KEY));
        String type = "kiosk-" + DelegatedWorld.hex().substring(0, 6);
        w.admin.put("devices/types/" + type, Map.of("displayName", "Kiosk", "loginPermission", "register.access",
                "roleGroupId", kioskGroup)).expect(200);
        Person registrar = w.person("registrar", w.accountA, w.storeA1);
        w.grant(registrar, w.storeA1, w.template("Registrar", List.of("devices.register", "register.access")));
        assertError(w.as(registrar).post("devices/enrollments", Map.of("locationId", w.storeA1, "type", type)), 403, "forbidden");
        // a type whose role group the registrar holds all of is fine
        String cashierType = "till-" + DelegatedWorld.hex().substring(0, 6);
        w.admin.put("devices/types/" + cashierType, Map.of("displayName", "Till", "loginPermission", "register.access",
                "roleGroupId", w.template("Till device", List.of("register.access")))).expect(200);
        w.as(registrar).post("devices/enrollments", Map.of("locationId", w.storeA1, "type", cashierType)).expect(201);
        assertThat(w.adminAudit("userId=" + registrar.id())).extracting(e -> e.path("action").asText() + " " + e.path("outcome").asText())
                .contains("DEVICE_ENROLLMENT_CREATE REFUSED", "DEVICE_ENROLLMENT_CREATE SUCCESS");
    }

    // ---- 6. last-admin protection

    /** A new account with exactly two role managers, each holding the same bundle there. */
    private record TwoManagers(String account, Person first, String firstGrant, Person second, String secondGrant) {
    }

    private TwoManagers twoManagers(String groupId) {
        String account = w.tree.account(null, DelegatedWorld.name("Two managers"));
        Person first = w.person("first", account);
        Person second = w.person("second", account);
        return new TwoManagers(account, first, w.grant(first, account, groupId), second, w.grant(second, account, groupId));
    }

    @Test
    void twoConcurrentRevokesNeverRemoveTheLastTwoRoleManagers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                TwoManagers t = twoManagers(w.accountAdminGroup);
                BranchkeyApi first = w.as(t.first());
                BranchkeyApi second = w.as(t.second());
                Callable<Integer> firstRevokes = () -> first.delete("grants/" + t.secondGrant()).status();
                Callable<Integer> secondRevokes = () -> second.delete("grants/" + t.firstGrant()).status();
                Future<Integer> a = pool.submit(firstRevokes);
                Future<Integer> b = pool.submit(secondRevokes);
                List<Integer> statuses = new ArrayList<>(List.of(a.get(), b.get()));
                statuses.sort(null);
                assertThat(statuses).as("round %d", round).containsExactly(204, 409);
                assertThat(w.admin.get("nodes/" + t.account() + "/permission-holders/users.update-roles").expect(200).elements())
                        .as("role managers left in round %d", round).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRoleGroupEditCannotStripTheLastRoleManager() {
        String account = w.tree.account(null, DelegatedWorld.name("Own group account"));
        List<String> keys = List.of("users.view", "users.update-roles", "role-groups.update");
        String group = w.ownedGroup(account, "Managers", keys);
        Person only = w.person("only", account);
        w.grant(only, account, group);
        ApiResponse refused = w.as(only).put("role-groups/" + group, Map.of("name", "Managers", "permissions",
                List.of("users.view", "role-groups.update")));
        assertError(refused, 409, "conflict");
        assertThat(DelegatedWorld.strings(w.admin.get("role-groups/" + group).expect(200).json().get("permissions")))
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    // ---- 7. role groups hold only what their owner's level can make effective and their author holds

    @Test
    void anAccountGroupCannotHoldAPartnerLevelPermissionNorOneItsAuthorLacks() {
        int before = w.admin.get("role-groups?ownerNodeId=" + w.accountA).expect(200).elements().size();
        JsonNode partnerLevel = assertFieldError(w.as(w.adminA).post("role-groups", Map.of("ownerNodeId", w.accountA,
                "name", DelegatedWorld.name("Creators"), "permissions", List.of("accounts.create"))), 400, "invalid_request", "permissions");
        assertThat(partnerLevel.get("message").asText()).contains("accounts.create");
        assertError(w.as(w.adminA).post("role-groups", Map.of("ownerNodeId", w.accountA,
                "name", DelegatedWorld.name("Reporters"), "permissions", List.of(DelegatedWorld.UNHELD_KEY))), 403, "forbidden");
        assertThat(w.admin.get("role-groups?ownerNodeId=" + w.accountA).expect(200).elements()).hasSize(before);
    }

    // ---- 8. bulk assignment needs its own right

    @Test
    void bulkAssignmentNeedsBulkAssignUserLocationsAtTheNode() {
        Person assigner = w.person("assigner", w.accountA);
        w.grant(assigner, w.accountA, w.template("Assigner", List.of("users.view", "users.update-locations")));
        Person employee = w.person("employee", w.accountA);
        List<JsonNode> items = w.as(assigner).post("grants/bulk-memberships",
                Map.of("userIds", List.of(employee.id()), "nodeIds", List.of(w.storeA2))).expect(200).elements();
        assertThat(items.get(0).get("status").asInt()).isEqualTo(403);
        assertThat(w.membershipsOf(employee.id())).doesNotContain(w.storeA2);
        // the single assignment needs only the per-pair right
        w.as(assigner).put("nodes/" + w.storeA2 + "/users/" + employee.id(), null).expect(204);

        Person bulk = w.person("bulk", w.accountA);
        w.grant(bulk, w.accountA, w.template("Bulk assigner", List.of("users.view", "users.bulk-assign-locations")));
        Person another = w.person("another", w.accountA);
        assertThat(w.as(bulk).post("grants/bulk-memberships", Map.of("userIds", List.of(another.id()),
                "nodeIds", List.of(w.storeA2))).expect(200).elements().get(0).get("status").asInt()).isEqualTo(204);
        assertThat(w.membershipsOf(another.id())).contains(w.storeA2);
    }

    // ---- 9. deactivation ends sessions

    @Test
    void deactivationEndsTheUsersSessionsAtOnce() {
        Person employee = w.person("employee", w.accountA, w.storeA1);
        w.grant(employee, w.storeA1, w.employeeGroup);
        DelegatedWorld.Tokens session = w.login(employee);
        assertThat(realm.admin().users().get(employee.id()).getUserSessions()).isNotEmpty();
        w.as(w.adminA).put("users/" + employee.id(), Map.of("enabled", false)).expect(200);
        assertThat(realm.admin().users().get(employee.id()).getUserSessions()).isEmpty();
        assertThat(w.refreshStatus(session.refresh())).isEqualTo(400);
    }

    // ---- 10. only management tokens manage

    @Test
    void theDelegatedApiTakesOnlyManagementTokens() {
        String plain = BranchkeyApi.passwordToken(urls, realm.getName(), w.adminA.username(), DelegatedWorld.PASSWORD, null);
        ApiResponse refused = BranchkeyApi.delegated(urls, realm.getName(), plain).get("nodes/" + w.accountA);
        JsonNode error = assertError(refused, 403, "forbidden");
        assertThat(error.get("message").asText()).contains(ManagementScope.NAME);
        // the same user with a management token
        String management = BranchkeyApi.managementToken(urls, realm.getName(), w.adminA.username(), DelegatedWorld.PASSWORD);
        BranchkeyApi.delegated(urls, realm.getName(), management).get("nodes/" + w.accountA).expect(200);
        // and not once its signature has characters appended
        assertThat(BranchkeyApi.delegated(urls, realm.getName(), management + "AAAA").get("nodes/" + w.accountA).status())
                .isEqualTo(401);
    }

    // ---- found in review of the core

    @Test
    void aRoleGroupEditCannotOutlastTheEditorsOwnGrant() {
        String account = w.tree.account(w.partner, DelegatedWorld.name("Window account"));
        String store = w.store(account, "Window store");
        String group = w.ownedGroup(account, "Tills", List.of("register.access"));
        Person holder = w.person("holder", account, store);
        w.grant(holder, store, group);
        Person editor = w.person("editor", account);
        String editors = w.template("Group editors", List.of("users.view", "role-groups.update", "register.access", "products.view"));
        w.admin.post("grants", Map.of("userId", editor.id(), "nodeId", account, "roleGroupId", editors,
                "endsAt", System.currentTimeMillis() + Duration.ofDays(3).toMillis())).expect(201);
        Map<String, Object> widened = Map.of("name", "Tills", "permissions", List.of("register.access", "products.view"));
        assertError(w.as(editor).put("role-groups/" + group, widened), 403, "forbidden");
        assertThat(w.effectivePermissions(holder.id(), store)).containsExactly("register.access");
        // an editor who holds it without end may
        Person lasting = w.person("lasting", account);
        w.grant(lasting, account, editors);
        w.as(lasting).put("role-groups/" + group, widened).expect(200);
        assertThat(w.effectivePermissions(holder.id(), store)).containsExactlyInAnyOrder("register.access", "products.view");
    }

    @Test
    void aRoleGroupEditCannotTakeFromSomeoneMorePowerful() {
        String partner = w.tree.partner(DelegatedWorld.name("Holder partner"));
        String account = w.tree.account(partner, DelegatedWorld.name("Holder account"));
        String group = w.ownedGroup(account, "Shared", List.of("register.access"));
        Person partnerAdmin = w.person("partner-admin", account);
        w.grant(partnerAdmin, partner, w.accountAdminGroup);
        w.grant(partnerAdmin, account, group);
        Person manager = w.person("manager", account);
        w.grant(manager, account, w.accountAdminGroup);
        assertFieldError(w.as(manager).put("role-groups/" + group, Map.of("name", "Shared", "permissions", List.of())),
                403, "forbidden", "userId");
        assertThat(DelegatedWorld.strings(w.admin.get("role-groups/" + group).expect(200).json().get("permissions")))
                .containsExactly("register.access");
    }

    @Test
    void theLastRoleManagerWithoutEndStays() {
        String account = w.tree.account(null, DelegatedWorld.name("Lasting account"));
        Person alice = w.person("alice", account);
        String alicesGrant = w.grant(alice, account, w.accountAdminGroup);
        Person bob = w.person("bob", account);
        w.admin.post("grants", Map.of("userId", bob.id(), "nodeId", account, "roleGroupId", w.accountAdminGroup,
                "endsAt", System.currentTimeMillis() + Duration.ofDays(3).toMillis())).expect(201);
        // Bob holds as much as Alice now, but only until his grant ends: after that, nobody would manage A's roles
        JsonNode refused = assertError(w.as(bob).delete("grants/" + alicesGrant), 409, "conflict");
        assertThat(refused.get("message").asText()).contains("once the grants that end run out");
        assertThat(w.grantIdsOf(alice.id())).containsExactly(alicesGrant);
    }

    @Test
    void grantsAboveTheCallersReachCountForDominance() {
        String partner = w.tree.partner(DelegatedWorld.name("Above partner"));
        String account = w.tree.account(partner, DelegatedWorld.name("Above account"));
        Person partnerAdmin = w.person("partner-admin", account);
        w.grant(partnerAdmin, partner, w.accountAdminGroup);
        Person manager = w.person("manager", account);
        w.grant(manager, account, w.accountAdminGroup);
        String store = w.store(account, "Above store");
        // the partner admin's only grant is above the manager's reach, yet holds more than the manager inside it
        assertFieldError(w.as(manager).put("nodes/" + store + "/users/" + partnerAdmin.id(), null), 403, "forbidden", "userId");
        assertFieldError(w.as(manager).delete("users/" + partnerAdmin.id() + "/home-account"), 403, "forbidden", "userId");
        assertThat(w.tenancy(partnerAdmin.id()).get("homeAccountId").asText()).isEqualTo(account);
        assertThat(w.membershipsOf(partnerAdmin.id())).doesNotContain(store);
    }

    @Test
    void enablingADeviceIsGrantingAsEnrollingIs() {
        String kioskGroup = w.template("Reporting kiosk", List.of("register.access", DelegatedWorld.UNHELD_KEY));
        String type = "rk-" + DelegatedWorld.hex().substring(0, 6);
        w.admin.put("devices/types/" + type, Map.of("displayName", "Reporting kiosk", "loginPermission", "register.access",
                "roleGroupId", kioskGroup)).expect(200);
        String code = w.admin.post("devices/enrollments", Map.of("locationId", w.storeA1, "type", type)).expect(201)
                .json().get("code").asText();
        String device = io.branchkey.it.support.TestDevice.generate()
                .enroll(BranchkeyApi.publicApi(urls, realm.getName()), code).expect(201).id();
        w.admin.post("devices/" + device + "/disable", null).expect(200);
        Person keeper = w.person("keeper", w.accountA, w.storeA1);
        w.grant(keeper, w.storeA1, w.template("Device keeper", List.of("devices.manage", "register.access")));
        assertError(w.as(keeper).post("devices/" + device + "/enable", null), 403, "forbidden");
        assertThat(w.admin.get("devices/" + device).expect(200).json().get("status").asText()).isEqualTo("DISABLED");
    }

    @Test
    void aRealmAdminWithOnlyManageUsersCannotGrant() {
        Person usersAdmin = w.person("users-admin", w.accountA);
        ClientRepresentation management = realm.admin().clients().findByClientId("realm-management").get(0);
        var roles = realm.admin().clients().get(management.getId()).roles();
        realm.admin().users().get(usersAdmin.id()).roles().clientLevel(management.getId())
                .add(List.of(roles.get("manage-users").toRepresentation(), roles.get("view-users").toRepresentation()));
        BranchkeyApi asUsersAdmin = BranchkeyApi.withToken(urls, realm.getName(),
                BranchkeyApi.passwordToken(urls, realm.getName(), usersAdmin.username(), DelegatedWorld.PASSWORD));
        Person hire = w.person("hire", w.accountA, w.storeA1);
        // memberships are user management; a grant can carry rights over the tree and devices
        asUsersAdmin.put("nodes/" + w.storeA2 + "/users/" + hire.id(), null).expect(204);
        asUsersAdmin.post("grants", grantBody(hire.id(), w.storeA1, w.accountAdminGroup)).expect(403);
        assertThat(w.grantsOf(hire.id())).isEmpty();
    }
}
