package io.branchkey.it.generative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.ManagementScope;
import io.branchkey.it.support.TestDevice;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.util.ApiUtil;

/**
 * A random but reproducible world for one seed, in a realm of its own: a partner with two accounts and a standalone
 * account, regions and stores, random role groups, 30 people with random homes, memberships and grants (some with
 * windows), two of them Keycloak administrators, registers at some stores and PINs for some people. Everything that
 * later operations pick from is kept in creation order, so the same seed makes the same choices.
 */
final class GenerativeWorld {

    static final String PASSWORD = "Branchkey-Generative-1";
    static final int PEOPLE = 30;
    /** The permissions the role groups are drawn from: every right the administration checks, and some plain ones. */
    static final List<String> POOL = List.of("users.view", "users.invite", "users.update", "users.deactivate",
            "users.update-locations", "users.bulk-assign-locations", "users.update-roles", "users.terminate",
            "role-groups.create", "role-groups.update", "role-groups.delete", "locations.create", "locations.update",
            "accounts.create", "devices.view", "devices.register", "devices.manage", "overrides.manage-policy",
            "pins.reset", "audit.view", "register.access", "products.view", "reports.view", "bi.view");

    /** The administrative rights of the pool. */
    static final List<String> ADMIN_RIGHTS = POOL.stream()
            .filter(k -> !List.of("register.access", "products.view", "reports.view", "bi.view").contains(k)).toList();
    /** What a store manager holds at their store. */
    static final List<String> STORE_MANAGER = List.of("users.view", "users.update", "users.deactivate",
            "users.update-locations", "users.bulk-assign-locations", "users.update-roles", "users.terminate",
            "locations.create", "locations.update", "devices.view", "devices.register", "devices.manage",
            "overrides.manage-policy", "pins.reset", "audit.view", "register.access", "products.view");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final long seed;
    final Random random;
    final String realmName;
    final RealmResource realm;
    final BranchkeyApi admin;
    final KeycloakUrls urls;
    final Keycloak keycloak;
    /** Time zero of the world: every window is an offset from it, so reruns compare the same way. */
    final long t0 = System.currentTimeMillis();
    PermissionCatalog catalog;

    final List<String> nodes = new ArrayList<>();
    /** ACCOUNT nodes: homes of people. */
    final List<String> accounts = new ArrayList<>();
    /** ACCOUNT and PARTNER nodes: owners of role groups, with role managers of their own. */
    final List<String> owners = new ArrayList<>();
    final List<String> locations = new ArrayList<>();
    final List<String> groups = new ArrayList<>();
    final List<String> grants = new ArrayList<>();
    final List<String> devices = new ArrayList<>();
    final List<String> people = new ArrayList<>();
    final List<String> users = new ArrayList<>();
    final Map<String, String> usernames = new HashMap<>();
    final Set<String> keycloakAdmins = new LinkedHashSet<>();
    final List<String> deviceTypes = new ArrayList<>(List.of("register"));
    private final Map<String, String> parents = new HashMap<>();
    String partner;
    private int counter;

    GenerativeWorld(long seed, Keycloak keycloak, KeycloakUrls urls) {
        this.seed = seed;
        this.random = new Random(seed);
        this.keycloak = keycloak;
        this.urls = urls;
        this.realmName = "gen-" + seed;
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(realmName);
        rep.setEnabled(true);
        rep.setPasswordPolicy("hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
        rep.setAccessTokenLifespan(3600);
        if (keycloak.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realmName))) {
            keycloak.realm(realmName).remove();
        }
        keycloak.realms().create(rep);
        this.realm = keycloak.realm(realmName);
        ManagementScope.allow(realm, "admin-cli");
        this.admin = BranchkeyApi.asAdmin(urls, keycloak, realmName);
    }

    void build() {
        catalog = catalog(admin.get("catalog").expect(200).json());
        partner = node("PARTNER", null);
        String a = node("ACCOUNT", partner);
        String b = node("ACCOUNT", partner);
        String c = node("ACCOUNT", null);
        for (String account : List.of(a, b, c)) {
            for (int r = 0; r < 2; r++) {
                String region = node("REGION", account);
                for (int s = 0; s < 1 + random.nextInt(2); s++) {
                    node("LOCATION", region);
                }
            }
        }
        String roleManager = group(null, List.of("users.view", "users.update-roles"));
        String everything = group(null, POOL);
        String storeManager = group(null, STORE_MANAGER);
        String employee = group(null, List.of("register.access", "products.view"));
        for (int i = 0; i < 5; i++) {
            group(null, randomKeys(2 + random.nextInt(10)));
        }
        for (String owner : owners) {
            group(owner, randomKeys(2 + random.nextInt(6)).stream()
                    .filter(k -> !k.equals("accounts.create") || owner.equals(partner)).toList());
        }
        String kiosk = "kiosk";
        admin.put("devices/types/" + kiosk, Map.of("displayName", "Kiosk", "loginPermission", "register.access",
                "roleGroupId", groups.get(1 + random.nextInt(8)))).expect(200);
        deviceTypes.add(kiosk);

        // the staff of each account: an account admin, two store managers, employees; a partner admin above them
        for (int i = 0; i < PEOPLE; i++) {
            String account = accounts.get(i % accounts.size());
            String id = person("p" + i, account);
            List<String> stores = locationsBelow(account);
            String store = stores.get(random.nextInt(stores.size()));
            admin.put("nodes/" + store + "/users/" + id, null).expect(204);
            int rank = i / accounts.size();
            if (rank == 0) {
                grantAsAdmin(id, account, everything, null);
            } else if (rank <= 2) {
                grantAsAdmin(id, store, storeManager, randomWindow());
            } else {
                grantAsAdmin(id, store, employee, randomWindow());
            }
            if (random.nextInt(3) == 0) {
                grantAsAdmin(id, pick(nodes), pick(groups), randomWindow());
            }
        }
        grantAsAdmin(people.get(PEOPLE - 1), partner, everything, null);
        // every account and the partner start with a role manager
        for (String owner : owners) {
            grantAsAdmin(pick(people), owner, roleManager, null);
        }
        for (int i = 0; i < 2; i++) {
            keycloakAdmin(people.get(random.nextInt(PEOPLE)));
        }
        for (int i = 0; i < 4; i++) {
            device(pick(locations));
        }
        for (int i = 0; i < 6; i++) {
            admin.post("users/" + pick(people) + "/pin/generate", null).expect(200);
        }
    }

    void remove() {
        realm.remove();
    }

    // ---- choices

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    List<String> randomKeys(int count) {
        List<String> keys = new ArrayList<>(POOL);
        java.util.Collections.shuffle(keys, random);
        return List.copyOf(keys.subList(0, Math.min(count, keys.size())));
    }

    /** No window (most grants), or one that ends or starts days from time zero. */
    Map<String, Object> randomWindow() {
        Map<String, Object> window = new LinkedHashMap<>();
        int kind = random.nextInt(10);
        long day = Duration.ofDays(1).toMillis();
        if (kind == 7 || kind == 9) {
            window.put("startsAt", t0 + (2 + random.nextInt(5)) * day);
        }
        if (kind >= 8) {
            window.put("endsAt", t0 + (10 + random.nextInt(20)) * day);
        }
        return window;
    }

    String nextName(String prefix) {
        return prefix + "-" + seed + "-" + (++counter);
    }

    /** The locations below a node, in creation order. */
    private List<String> locationsBelow(String node) {
        return locations.stream().filter(l -> {
            for (String at = l; at != null; at = parents.get(at)) {
                if (at.equals(node)) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    // ---- building blocks (as a realm admin)

    String node(String kind, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        if (parent != null) {
            body.put("parentId", parent);
        }
        String name = nextName(kind.toLowerCase());
        body.put("name", name);
        if (kind.equals("LOCATION")) {
            body.put("code", name.toUpperCase());
        }
        String id = admin.post("nodes", body).expect(201).id();
        nodes.add(id);
        parents.put(id, parent);
        if (kind.equals("ACCOUNT")) {
            accounts.add(id);
        }
        if (kind.equals("ACCOUNT") || kind.equals("PARTNER")) {
            owners.add(id);
        }
        if (kind.equals("LOCATION")) {
            locations.add(id);
        }
        return id;
    }

    String group(String owner, List<String> keys) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (owner != null) {
            body.put("ownerNodeId", owner);
        }
        body.put("name", nextName("group"));
        body.put("permissions", keys);
        String id = admin.post("role-groups", body).expect(201).id();
        groups.add(id);
        return id;
    }

    void grantAsAdmin(String user, String node, String group, Map<String, Object> window) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("userId", user, "nodeId", node, "roleGroupId", group));
        if (window != null) {
            body.putAll(window);
        }
        var response = admin.post("grants", body);
        // an account's own group cannot be granted outside it: such draws are simply skipped
        if (response.status() == 201) {
            grants.add(response.id());
        } else {
            assertThat(response.status()).as("admin grant %s", response.body()).isEqualTo(404);
        }
    }

    String person(String prefix, String home) {
        String username = nextName(prefix);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.org");
        user.setEmailVerified(true);
        user.setFirstName("First");
        user.setLastName("Last");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (Response response = realm.users().create(user)) {
            assertThat(response.getStatus()).isEqualTo(201);
            id = ApiUtil.getCreatedId(response);
        }
        admin.put("users/" + id + "/home-account", Map.of("nodeId", home)).expect(200);
        people.add(id);
        users.add(id);
        usernames.put(id, username);
        return id;
    }

    private void keycloakAdmin(String userId) {
        ClientRepresentation management = realm.clients().findByClientId("realm-management").get(0);
        RoleRepresentation viewUsers = realm.clients().get(management.getId()).roles().get("view-users").toRepresentation();
        realm.users().get(userId).roles().clientLevel(management.getId()).add(List.of(viewUsers));
        keycloakAdmins.add(userId);
    }

    private void device(String location) {
        String code = admin.post("devices/enrollments", Map.of("locationId", location, "type", pick(deviceTypes)))
                .expect(201).json().get("code").asText();
        devices.add(TestDevice.generate().enroll(BranchkeyApi.publicApi(urls, realmName), code).expect(201).id());
    }

    // ---- reading

    RealmSnapshot snapshot() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.getBase() + "/admin/realms/" + realmName + "/branchkey-test-state"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + keycloak.tokenManager().getAccessTokenString()).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("state probe: %s", response.body()).isEqualTo(200);
            return new RealmSnapshot(BranchkeyApi.JSON.readTree(response.body()), catalog, System.currentTimeMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static PermissionCatalog catalog(JsonNode json) {
        List<Permission> permissions = new ArrayList<>();
        for (JsonNode p : json.get("permissions")) {
            permissions.add(BranchkeyApi.JSON.convertValue(p, Permission.class));
        }
        return PermissionCatalog.of(json.get("version").asLong(), permissions);
    }
}
