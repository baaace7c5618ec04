package io.branchkey.it.delegated;

import static io.branchkey.it.delegated.DelegatedWorld.EMPLOYEE_KEYS;
import static io.branchkey.it.delegated.DelegatedWorld.grantBody;
import static io.branchkey.it.support.ApiAssertions.assertErrorWithoutField;
import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.delegated.DelegatedWorld.Person;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.Tree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/** Grants, revocations and memberships by delegated callers: reach, no escalation, last-admin protection. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class DelegatedGrantsIT {

    @InjectRealm(ref = "dlg-grants", config = DelegatedWorld.Realm.class)
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

    @Test
    void aManagerGrantsARoleGroupInsideTheirReach() {
        Person hire = w.person("hire", w.accountA, w.storeA1);
        JsonNode grant = w.as(w.adminA).post("grants", grantBody(hire.id(), w.storeA1, w.employeeGroup)).expect(201).json();

        assertThat(grant.get("userId").asText()).isEqualTo(hire.id());
        assertThat(grant.get("nodeId").asText()).isEqualTo(w.storeA1);
        assertThat(grant.get("roleGroupId").asText()).isEqualTo(w.employeeGroup);
        assertThat(grant.get("grantedBy").asText()).isEqualTo(w.adminA.id());
        assertThat(w.grantIdsOf(hire.id())).containsExactly(grant.get("id").asText());
        assertThat(w.effectivePermissions(hire.id(), w.storeA1)).containsExactlyInAnyOrderElementsOf(EMPLOYEE_KEYS);
        // a store manager may hand out what they hold at their store
        Person second = w.person("second", w.accountA, w.storeA1);
        w.as(w.storeManagerA1).post("grants", grantBody(second.id(), w.storeA1, w.employeeGroup)).expect(201);
        assertThat(w.grantsOf(second.id())).hasSize(1);
    }

    @Test
    void grantingNeedsUsersUpdateRolesAtTheNode() {
        Person viewer = w.person("viewer", w.accountA);
        w.grant(viewer, w.accountA, w.template("Users viewer", List.of("users.view")));
        Person hire = w.person("hire", w.accountA, w.storeA1);
        assertErrorWithoutField(w.as(viewer).post("grants", grantBody(hire.id(), w.storeA1, w.employeeGroup)), 403, "forbidden");
        assertThat(w.grantsOf(hire.id())).isEmpty();
    }

    @Test
    void handingOutAPermissionTheCallerLacksIsRefusedAuditedAndWritesNothing() {
        Person hire = w.person("hire", w.accountA, w.storeA1);
        // the account-admin bundle holds users.invite, role-groups.*, ... which a store manager lacks
        ApiResponse refused = w.as(w.storeManagerA1).post("grants", grantBody(hire.id(), w.storeA1, w.accountAdminGroup));
        JsonNode error = assertErrorWithoutField(refused, 403, "forbidden");
        assertThat(error.get("message").asText()).contains("users.invite");
        // nor can an account admin hand out what nobody in the account holds
        assertErrorWithoutField(w.as(w.adminA).post("grants", grantBody(hire.id(), w.storeA1, w.unheldGroup)), 403, "forbidden");
        assertThat(w.grantsOf(hire.id())).isEmpty();

        List<JsonNode> audit = w.adminAudit("userId=" + hire.id());
        assertThat(audit).hasSize(2);
        assertThat(audit).allSatisfy(entry -> {
            assertThat(entry.get("outcome").asText()).isEqualTo("REFUSED");
            assertThat(entry.get("action").asText()).isEqualTo("GRANT_CREATE");
            assertThat(entry.get("nodeId").asText()).isEqualTo(w.storeA1);
            assertThat(entry.get("targetUserId").asText()).isEqualTo(hire.id());
        });
        assertThat(audit.stream().map(e -> e.get("actorId").asText()))
                .containsExactlyInAnyOrder(w.storeManagerA1.id(), w.adminA.id());
        assertThat(audit.stream().filter(e -> e.get("actorId").asText().equals(w.adminA.id())).findFirst().orElseThrow()
                .get("details").asText()).contains(DelegatedWorld.UNHELD_KEY);
        // the account admin, who holds audit.view, sees the refused attempts in the delegated trail too
        List<JsonNode> delegatedView = w.as(w.adminA).get("audit?userId=" + hire.id()).expect(200).elements();
        assertThat(delegatedView).extracting(e -> e.get("outcome").asText()).containsExactly("REFUSED", "REFUSED");
    }

    @Test
    void aPermissionHeldAtOneStoreCannotBeHandedOutAtAnother() {
        // roles may be managed in all of account A, but the register is only this caller's at store A1
        Person caller = w.person("split", w.accountA);
        w.grant(caller, w.accountA, w.template("Roles manager", List.of("users.view", "users.update-roles")));
        w.grant(caller, w.storeA1, w.employeeGroup);
        Person hire = w.person("hire", w.accountA, w.storeA1, w.storeA2);

        w.as(caller).post("grants", grantBody(hire.id(), w.storeA1, w.employeeGroup)).expect(201);
        assertErrorWithoutField(w.as(caller).post("grants", grantBody(hire.id(), w.storeA2, w.employeeGroup)), 403, "forbidden");
        assertThat(w.grantsOf(hire.id())).extracting(g -> g.get("nodeId").asText()).containsExactly(w.storeA1);
    }

    @Test
    void anotherAccountsRoleGroupIsNotFoundAtYourNodes() {
        Person hire = w.person("hire", w.accountA, w.storeA1);
        for (String foreignGroup : List.of(w.groupB, w.groupF, Tree.randomId())) {
            ApiResponse response = w.as(w.adminA).post("grants", grantBody(hire.id(), w.storeA1, foreignGroup));
            assertFieldError(response, 404, "not_found", "roleGroupId");
            // not even the foreign group's permissions show through
            assertThat(response.body()).doesNotContain("sms.access", "dashboard.access");
        }
        assertThat(w.grantsOf(hire.id())).isEmpty();
        // the account's own group is grantable inside it, by someone holding what it contains
        assertErrorWithoutField(w.as(w.adminA).post("grants", grantBody(hire.id(), w.storeA1, w.groupA)), 403, "forbidden");
        Person owner = w.person("owner", w.accountA);
        w.grant(owner, w.accountA, w.accountAdminGroup);
        w.grant(owner, w.accountA, w.groupA);
        w.as(owner).post("grants", grantBody(hire.id(), w.storeA1, w.groupA)).expect(201);
    }

    @Test
    void badGrantInputIsABadRequestNamingTheField() {
        Person hire = w.person("hire", w.accountA, w.storeA1);
        BranchkeyApi manager = w.as(w.adminA);
        for (String field : List.of("userId", "nodeId", "roleGroupId")) {
            Map<String, Object> body = grantBody(hire.id(), w.storeA1, w.employeeGroup);
            body.remove(field);
            invalid(manager.post("grants", body), field);
        }
        Map<String, Object> window = grantBody(hire.id(), w.storeA1, w.employeeGroup);
        window.put("startsAt", 2_000_000_000_000L);
        window.put("endsAt", 1_000_000_000_000L);
        invalid(manager.post("grants", window), "endsAt");
        Map<String, Object> typo = grantBody(hire.id(), w.storeA1, w.employeeGroup);
        typo.put("endAt", 1L);
        invalid(manager.post("grants", typo), "endAt");
        invalid(manager.post("grants", "{\"userId\":\"" + hire.id() + "\",\"nodeId\":\"" + w.storeA1
                + "\",\"roleGroupId\":\"" + w.employeeGroup + "\",\"startsAt\":\"tomorrow\"}"), "startsAt");
        assertThat(w.grantsOf(hire.id())).isEmpty();
    }

    @Test
    void revokingNeedsUsersUpdateRolesAtTheGrantsNode() {
        Person staff = w.person("staff", w.accountA, w.storeA1, w.storeA2);
        String atA1 = w.grant(staff, w.storeA1, w.employeeGroup);
        String atA2 = w.grant(staff, w.storeA2, w.employeeGroup);

        // an employee at store A1 sees the store, but may not manage roles there
        assertErrorWithoutField(w.as(w.employeeA1).delete("grants/" + atA1), 403, "forbidden");
        // store A2 is outside the store-A1 manager's reach: as unknown as a made-up id, and the answer names no node
        ApiResponse outside = w.as(w.storeManagerA1).delete("grants/" + atA2);
        assertFieldError(outside, 404, "not_found", "grantId");
        assertThat(outside.body()).doesNotContain(w.storeA2, w.regionA2);
        assertFieldError(w.as(w.storeManagerA1).delete("grants/" + Tree.randomId()), 404, "not_found", "grantId");
        assertThat(w.grantIdsOf(staff.id())).containsExactlyInAnyOrder(atA1, atA2);

        w.as(w.storeManagerA1).delete("grants/" + atA1).expect(204);
        assertThat(w.grantIdsOf(staff.id())).containsExactly(atA2);
        assertFieldError(w.as(w.storeManagerA1).delete("grants/" + atA1), 404, "not_found", "grantId");
    }

    /** A standalone account with one store, and its first role manager. */
    private record SmallAccount(String account, String store, Person manager, String managerGrant) {
    }

    private SmallAccount smallAccount() {
        String account = w.tree.account(null, DelegatedWorld.name("Small account"));
        String store = w.store(account, "Small store");
        Person manager = w.person("only-manager", account);
        return new SmallAccount(account, store, manager, w.grant(manager, account, w.accountAdminGroup));
    }

    @Test
    void theLastRoleManagerOfAnAccountCannotLoseThatRightByRevocation() {
        SmallAccount small = smallAccount();
        JsonNode refused = assertErrorWithoutField(w.as(small.manager()).delete("grants/" + small.managerGrant()), 409, "conflict");
        assertThat(refused.get("message").asText()).contains("realm admin");
        assertThat(w.grantIdsOf(small.manager().id())).containsExactly(small.managerGrant());

        // with a second role manager, either may go, but not the last one standing
        Person second = w.person("second-manager", small.account());
        String secondGrant = w.grant(second, small.account(), w.accountAdminGroup);
        w.as(second).delete("grants/" + small.managerGrant()).expect(204);
        assertThat(w.grantsOf(small.manager().id())).isEmpty();
        assertErrorWithoutField(w.as(second).delete("grants/" + secondGrant), 409, "conflict");
        assertThat(w.grantIdsOf(second.id())).containsExactly(secondGrant);
    }

    @Test
    void aRoleManagerAboveTheAccountCountsForIt() {
        String partner = w.tree.partner(DelegatedWorld.name("Small partner"));
        String account = w.tree.account(partner, DelegatedWorld.name("Partnered account"));
        Person manager = w.person("account-manager", account);
        String grant = w.grant(manager, account, w.accountAdminGroup);
        assertErrorWithoutField(w.as(manager).delete("grants/" + grant), 409, "conflict");

        Person partnerManager = w.person("partner-manager", account);
        w.grant(partnerManager, partner, w.accountAdminGroup);
        w.as(manager).delete("grants/" + grant).expect(204);
        assertThat(w.grantsOf(manager.id())).isEmpty();
    }

    @Test
    void theLastRoleManagerOfAnAccountCannotBeTerminated() {
        SmallAccount small = smallAccount();
        Person terminator = w.person("terminator", small.account());
        w.grant(terminator, small.account(), w.template("Terminator", List.of("users.view", "users.terminate")));

        // a terminator who holds less than the manager cannot act on them at all
        assertFieldError(w.as(terminator).post("users/" + small.manager().id() + "/terminate", null), 403, "forbidden", "userId");
        assertThat(w.keycloakUser(small.manager().id()).isEnabled()).isTrue();
        assertThat(w.grantIdsOf(small.manager().id())).containsExactly(small.managerGrant());

        // one who holds as much can, and the account keeps them as its role manager
        Person second = w.person("second-manager", small.account());
        w.grant(second, small.account(), w.accountAdminGroup);
        w.as(second).post("users/" + small.manager().id() + "/terminate", null).expect(204);
        assertThat(w.keycloakUser(small.manager().id()).isEnabled()).isFalse();
        assertThat(w.grantsOf(small.manager().id())).isEmpty();
    }

    @Test
    void aDisabledRoleManagerDoesNotCountAsOne() {
        SmallAccount small = smallAccount();
        Person second = w.person("second-manager", small.account());
        w.grant(second, small.account(), w.accountAdminGroup);
        // disabling the other manager is fine while this one is left
        w.as(small.manager()).put("users/" + second.id(), Map.of("enabled", false)).expect(200);
        // but now this one is the last who can actually manage roles
        assertErrorWithoutField(w.as(small.manager()).delete("grants/" + small.managerGrant()), 409, "conflict");
        assertThat(w.grantIdsOf(small.manager().id())).containsExactly(small.managerGrant());
    }

    @Test
    void theLastRoleManagerCannotBeDisabled() {
        SmallAccount small = smallAccount();
        Person editor = w.person("editor", small.account());
        w.grant(editor, small.account(), w.template("User editor", List.of("users.update", "users.deactivate")));
        // the editor holds less than the manager: not even a name can change; the manager may not switch themselves off
        assertFieldError(w.as(editor).put("users/" + small.manager().id(), Map.of("enabled", false)), 403, "forbidden", "userId");
        assertErrorWithoutField(w.as(small.manager()).put("users/" + small.manager().id(), Map.of("enabled", false)), 409, "conflict");
        assertThat(w.keycloakUser(small.manager().id()).isEnabled()).isTrue();
        // other edits of the same user are untouched by the rule
        w.as(small.manager()).put("users/" + small.manager().id(), Map.of("firstName", "Still", "enabled", true)).expect(200);
        assertThat(w.keycloakUser(small.manager().id()).getFirstName()).isEqualTo("Still");
    }

    @Test
    void aRealmAdminCanRemoveTheLastRoleManager() {
        SmallAccount small = smallAccount();
        assertErrorWithoutField(w.as(small.manager()).delete("grants/" + small.managerGrant()), 409, "conflict");
        w.admin.delete("grants/" + small.managerGrant()).expect(204);
        assertThat(w.grantsOf(small.manager().id())).isEmpty();
        assertThat(w.admin.get("nodes/" + small.account() + "/permission-holders/users.update-roles").expect(200)
                .elements()).isEmpty();
    }

    @Test
    void aMembershipIsCheckedAtTheNodeAndWhereTheUserBelongs() {
        // placing staff in region A1 is this caller's job; in region A2 they merely work
        Person placer = w.person("placer", w.accountA);
        w.grant(placer, w.regionA1, w.template("Staff placer", List.of("users.update-locations")));
        w.grant(placer, w.regionA2, w.employeeGroup);
        String newStore = w.store(w.regionA1, "New store");
        Person inA1 = w.person("in-a1", null, w.storeA1);
        Person inA2 = w.person("in-a2", null, w.storeA2);
        BranchkeyApi api = w.as(placer);

        // target node in reach without the right
        assertErrorWithoutField(api.put("nodes/" + w.storeA2 + "/users/" + inA1.id(), null), 403, "forbidden");
        // user in reach, but where they belong the caller may not place staff
        assertFieldError(api.put("nodes/" + newStore + "/users/" + inA2.id(), null), 403, "forbidden", "userId");
        // outside reach
        assertFieldError(api.put("nodes/" + w.storeF + "/users/" + inA1.id(), null), 404, "not_found", "id");
        assertFieldError(api.put("nodes/" + newStore + "/users/" + w.employeeF.id(), null), 404, "not_found", "userId");
        assertThat(w.membershipsOf(inA1.id())).containsExactly(w.storeA1);
        assertThat(w.membershipsOf(inA2.id())).containsExactly(w.storeA2);

        api.put("nodes/" + newStore + "/users/" + inA1.id(), null).expect(204);
        assertThat(w.membershipsOf(inA1.id())).containsExactlyInAnyOrder(w.storeA1, newStore);
        assertThat(w.as(w.adminA).get("nodes/" + newStore + "/users").expect(200).ids()).containsExactly(inA1.id());

        api.delete("nodes/" + newStore + "/users/" + inA1.id()).expect(204);
        assertThat(w.membershipsOf(inA1.id())).containsExactly(w.storeA1);
        assertFieldError(api.delete("nodes/" + newStore + "/users/" + inA1.id()), 404, "not_found", "userId");
    }
}
