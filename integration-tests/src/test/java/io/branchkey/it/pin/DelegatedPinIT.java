package io.branchkey.it.pin;

import static io.branchkey.it.support.ApiAssertions.assertError;
import static io.branchkey.it.support.ApiAssertions.invalid;
import static io.branchkey.it.support.ApiAssertions.notFound;
import static io.branchkey.it.support.ApiAssertions.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.pin.PinWorld.Person;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Managers and PINs (docs/pin.md, "APIs"): pins.reset where the user belongs lets a manager generate, reset and
 * unlock; without it inside their reach they get 403, outside it 404. Generating also needs every permission the
 * user holds. Every change is in the audit trail, never with the PIN.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DelegatedPinIT {

    public static class DelegatedRealm extends PinWorld.Realm {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return super.configure(realm).name("bk-pin-delegated");
        }
    }

    @InjectRealm(ref = "pin-delegated", config = DelegatedRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static PinWorld world;
    static Person managerA, viewerA1, employeeA1, employeeA2, bossA, adminF, employeeF;
    PinWorld w;

    @BeforeEach
    void world() {
        if (world == null || !world.realm.getId().equals(realm.getId())) {
            PinWorld built = new PinWorld(realm, urls, keycloak).withTree();
            String pinManager = built.template("PIN manager", "pins.reset", "users.view", "locations.update", "register.access");
            String viewer = built.template("Viewer", "users.view", "register.access");
            String employee = built.template("Employee", "register.access");
            String boss = built.template("Boss", "pins.reset", "users.view", "locations.update", "reports.view", "register.access");
            managerA = built.person("manager-a", built.accountA);
            built.grant(managerA, built.accountA, pinManager);
            viewerA1 = built.person("viewer-a1", built.accountA, built.storeA1);
            built.grant(viewerA1, built.storeA1, viewer);
            employeeA1 = built.person("employee-a1", built.accountA, built.storeA1);
            built.grant(employeeA1, built.storeA1, employee);
            employeeA2 = built.person("employee-a2", built.accountA, built.storeA2);
            built.grant(employeeA2, built.storeA2, employee);
            bossA = built.person("boss-a", built.accountA, built.storeA1);
            built.grant(bossA, built.accountA, boss);
            adminF = built.person("admin-f", built.accountF);
            built.grant(adminF, built.accountF, pinManager);
            employeeF = built.person("employee-f", built.accountF, built.storeF);
            built.grant(employeeF, built.storeF, employee);
            world = built;
        }
        w = world;
    }

    private static String pin(Person person) {
        return "users/" + person.id() + "/pin";
    }

    @Test
    @Order(1)
    void aManagerGeneratesAPinOnceAndItIsAudited() {
        BranchkeyApi manager = w.as(managerA);
        ApiResponse generated = manager.post(pin(employeeA1) + "/generate", null).expect(200);
        String value = w.remember(generated);
        assertThat(value).hasSize(6);

        JsonNode status = manager.get(pin(employeeA1)).expect(200).json();
        assertThat(status.get("configured").asBoolean()).isTrue();
        w.assertNoPinIn("the delegated status", status.toString());
        assertThat(w.status(employeeA1).get("configured").asBoolean()).isTrue();

        List<JsonNode> audit = auditOf(employeeA1, "PIN_GENERATE");
        assertThat(audit).hasSize(1);
        JsonNode entry = audit.get(0);
        assertThat(entry.get("actorId").asText()).isEqualTo(managerA.id());
        assertThat(entry.get("nodeId").asText()).isEqualTo(w.accountA);
        assertThat(entry.get("outcome").asText()).isEqualTo("SUCCESS");
        assertThat(entry.get("details").asText()).isEqualTo("length 6");

        assertThat(w.remember(manager.post(pin(employeeA2) + "/generate", Map.of("length", 8)).expect(200))).hasSize(8);
        invalid(manager.post(pin(employeeA2) + "/generate", Map.of("length", 12)), "length");
    }

    @Test
    @Order(2)
    void withoutPinsResetInsideTheirReachItIsForbidden() {
        BranchkeyApi viewer = w.as(viewerA1);
        assertError(viewer.post(pin(employeeA1) + "/generate", null), 403, "forbidden");
        assertError(viewer.delete(pin(employeeA1)), 403, "forbidden");
        assertError(viewer.post(pin(employeeA1) + "/unlock", null), 403, "forbidden");
        viewer.get(pin(employeeA1)).expect(200);
        // an employee without any administrative right
        assertError(w.as(employeeA1).post(pin(employeeA1) + "/generate", null), 403, "forbidden");
    }

    @Test
    @Order(3)
    void outsideTheirReachUsersDoNotExist() {
        BranchkeyApi foreignAdmin = w.as(adminF);
        for (ApiResponse response : List.of(
                foreignAdmin.post(pin(employeeA1) + "/generate", null),
                foreignAdmin.delete(pin(employeeA1)),
                foreignAdmin.post(pin(employeeA1) + "/unlock", null),
                foreignAdmin.get(pin(employeeA1)),
                w.as(managerA).post(pin(employeeF) + "/generate", null),
                w.as(managerA).delete(pin(employeeF)),
                w.as(viewerA1).get(pin(employeeA2)))) {
            notFound(response, "userId");
            assertThat(response.body()).doesNotContain(employeeA1.username()).doesNotContain(employeeF.username());
        }
        notFound(w.as(managerA).post("users/" + io.branchkey.it.support.Tree.randomId() + "/pin/generate", null), "userId");
        BranchkeyApi.delegated(urls, realm.getName(), null).post(pin(employeeA1) + "/generate", null).expect(401);
        assertThat(w.status(employeeF).get("configured").asBoolean()).isFalse();
    }

    @Test
    @Order(4)
    void generatingThePinOfSomeoneMorePowerfulIsAnEscalation() {
        BranchkeyApi manager = w.as(managerA);
        // the boss's token first: once reset, the boss has a pending required action, which Keycloak's password
        // grant refuses ("Account is not fully set up") until the boss signs in with a browser
        BranchkeyApi boss = w.as(bossA);
        assertError(manager.post(pin(bossA) + "/generate", null), 403, "forbidden");
        assertThat(w.status(bossA).get("configured").asBoolean()).isFalse();
        List<JsonNode> refused = w.admin.get("audit?max=1000&userId=" + bossA.id()).expect(200).elements().stream()
                .filter(e -> e.get("action").asText().equals("PIN_GENERATE")).toList();
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).get("outcome").asText()).isEqualTo("REFUSED");
        // nor a reset or an unlock: each acts on the whole of the boss, who holds more than the manager
        assertFieldError(manager.delete(pin(bossA)), 403, "forbidden", "userId");
        assertFieldError(manager.post(pin(bossA) + "/unlock", null), 403, "forbidden", "userId");
        assertThat(w.requiredActions(bossA)).doesNotContain(PinWorld.SET_PIN);
        // the boss may reset and generate their own, or the manager's
        boss.delete(pin(bossA)).expect(204);
        assertThat(w.requiredActions(bossA)).contains(PinWorld.SET_PIN);
        w.remember(boss.post(pin(bossA) + "/generate", null).expect(200));
        assertThat(w.requiredActions(bossA)).doesNotContain(PinWorld.SET_PIN);
        w.remember(boss.post(pin(managerA) + "/generate", null).expect(200));
    }

    @Test
    @Order(5)
    void resetAndUnlockAreAudited() {
        BranchkeyApi manager = w.as(managerA);
        Person user = w.person("reset-me", w.accountA, w.storeA2);
        notFound(manager.post(pin(user) + "/unlock", null), "userId");
        w.remember(manager.post(pin(user) + "/generate", null).expect(200));
        manager.post(pin(user) + "/unlock", null).expect(204);
        manager.delete(pin(user)).expect(204);
        assertThat(w.status(user).get("configured").asBoolean()).isFalse();
        assertThat(w.requiredActions(user)).contains(PinWorld.SET_PIN);
        assertThat(auditOf(user, "PIN_UNLOCK")).hasSize(1);
        assertThat(auditOf(user, "PIN_RESET")).hasSize(1)
                .allSatisfy(e -> assertThat(e.get("actorId").asText()).isEqualTo(managerA.id()));
    }

    @Test
    @Order(6)
    void managersSetTheLoginModeOfTheirLocations() {
        BranchkeyApi manager = w.as(managerA);
        String path = "nodes/" + w.storeA2 + "/pin-settings";
        assertThat(manager.get(path).expect(200).json().get("mode").asText()).isEqualTo("TILE_AND_PIN");
        assertThat(manager.put(path, Map.of("mode", "PIN_ONLY")).expect(200).json().get("mode").asText()).isEqualTo("PIN_ONLY");
        assertThat(w.admin.get(path).expect(200).json().get("mode").asText()).isEqualTo("PIN_ONLY");
        List<JsonNode> audit = w.admin.get("audit?max=1000&nodeId=" + w.storeA2).expect(200).elements().stream()
                .filter(e -> e.get("action").asText().equals("PIN_SETTINGS_UPDATE")).toList();
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("details").asText()).isEqualTo("mode PIN_ONLY");
        manager.put(path, Map.of("mode", "TILE_AND_PIN")).expect(200);

        invalid(manager.put("nodes/" + w.accountA + "/pin-settings", Map.of("mode", "PIN_ONLY")), "id");
        invalid(manager.put(path, Map.of("mode", "NEVER")), "mode");
        // seeing a store is enough to read its mode; changing it needs locations.update
        w.as(viewerA1).get("nodes/" + w.storeA1 + "/pin-settings").expect(200);
        assertError(w.as(viewerA1).put("nodes/" + w.storeA1 + "/pin-settings", Map.of("mode", "PIN_ONLY")), 403, "forbidden");
        notFound(w.as(adminF).get(path), "id");
        notFound(w.as(adminF).put(path, Map.of("mode", "PIN_ONLY")), "id");
        assertThat(w.admin.get(path).expect(200).json().get("mode").asText()).isEqualTo("TILE_AND_PIN");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noPinIsInTheAuditTrailOrTheServerLog() {
        w.assertNoPinIn("the audit trail", w.admin.get("audit?max=1000").expect(200).body());
        w.assertNoPinInServerLog();
    }

    private List<JsonNode> auditOf(Person target, String action) {
        return w.admin.get("audit?max=1000&userId=" + target.id()).expect(200).elements().stream()
                .filter(e -> e.get("action").asText().equals(action) && e.path("targetUserId").asText("").equals(target.id()))
                .toList();
    }
}
