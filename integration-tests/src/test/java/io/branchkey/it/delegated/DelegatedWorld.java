package io.branchkey.it.delegated;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.ManagementScope;
import io.branchkey.it.support.Tree;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.util.ApiUtil;

/**
 * The tenants, role groups and people the delegated ITs work with, built once per test class through the admin
 * API (the realm lives as long as the class). Tests that change things make their own users and nodes with the
 * helpers here, so the shared cast stays as built.
 *
 * <pre>
 * partner P
 *   account A: region A1 (store A1), region A2 (store A2)
 *   account B: region B (store B)                 sibling of A under the same partner
 * account F:   region F (store F)                 standalone, foreign to everyone else
 * </pre>
 */
final class DelegatedWorld {

    static final String PASSWORD = "Branchkey-Delegated-1";

    /** Every permission the delegated API checks (DelegatedPermissions). */
    static final List<String> DELEGATED_KEYS = List.of("users.view", "users.invite", "users.update",
            "users.deactivate", "users.update-locations", "users.bulk-assign-locations", "users.update-roles", "users.terminate", "role-groups.create",
            "role-groups.update", "role-groups.delete", "locations.create", "accounts.create", "locations.update",
            "audit.view");
    /** What a shop-floor employee does all day: no administration at all. */
    static final List<String> EMPLOYEE_KEYS = List.of("register.access", "products.view");
    /** A permission no role group of the cast contains: putting it anywhere is an escalation for everyone. */
    static final String UNHELD_KEY = "reports.view";
    static final List<String> ACCOUNT_ADMIN_KEYS = concat(DELEGATED_KEYS, EMPLOYEE_KEYS);
    static final List<String> STORE_MANAGER_KEYS = concat(List.of("users.view", "users.update", "users.deactivate",
            "users.update-locations", "users.update-roles", "users.terminate", "locations.update", "audit.view"),
            EMPLOYEE_KEYS);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Fast password hashing: the tests log in often and the hashes protect nothing. */
    public static class Realm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.passwordPolicy("hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
        }
    }

    record Person(String id, String username, String email) {
        @Override
        public String toString() {
            return username;
        }
    }

    /** One tenant as a target: its nodes, one of its users (member of the store, with a grant there) and its own role group. */
    record Tenant(String label, String account, String accountName, String region, String regionName, String store,
                  String storeName, String storeCode, Person user, String userGrant, String group, String groupName,
                  String groupKey, boolean accountIsSecret, String device, String deviceName) {

        /** Everything that identifies this tenant: none of it may reach a caller outside it. */
        List<String> secrets() {
            List<String> secrets = new ArrayList<>();
            Stream.of(accountIsSecret ? account : null, accountName, region, regionName, store, storeName, storeCode,
                    userGrant, group, groupName, groupKey, device, deviceName).filter(s -> s != null).forEach(secrets::add);
            if (user != null) {
                secrets.addAll(List.of(user.id(), user.username(), user.email()));
            }
            return secrets;
        }
    }

    final ManagedRealm realm;
    final KeycloakUrls urls;
    final BranchkeyApi admin;
    final Tree tree;
    private final Map<String, CachedToken> tokens = new HashMap<>();

    // the tree
    String partner;
    String accountA, regionA1, storeA1, regionA2, storeA2;
    String accountB, regionB, storeB;
    String accountF, regionF, storeF;
    final Map<String, String> names = new HashMap<>();
    final Map<String, String> codes = new HashMap<>();
    /** A registered device per store, by store id, and the devices' names by device id. */
    final Map<String, String> devices = new HashMap<>();

    // templates, realm-wide
    String accountAdminGroup, storeManagerGroup, employeeGroup, unheldGroup;
    // account-owned groups, each with a permission that marks it
    String groupA, groupB, groupF;

    // the cast
    Person adminA, storeManagerA1, employeeA1, employeeA2, nobodyA, adminB, employeeB, adminF, employeeF;
    final Map<String, String> grantOf = new HashMap<>();

    private DelegatedWorld(ManagedRealm realm, KeycloakUrls urls, Keycloak keycloak) {
        ManagementScope.allow(realm);
        this.realm = realm;
        this.urls = urls;
        this.admin = BranchkeyApi.asAdmin(urls, keycloak, realm.getName());
        this.tree = new Tree(admin);
    }

    /** The world of this realm: the one already built for it, or a new one. */
    static DelegatedWorld of(DelegatedWorld existing, ManagedRealm realm, KeycloakUrls urls, Keycloak keycloak) {
        if (existing != null && existing.realm.getId().equals(realm.getId())) {
            return existing;
        }
        DelegatedWorld world = new DelegatedWorld(realm, urls, keycloak);
        world.build();
        return world;
    }

    /** Only the helpers (people, logins), without the tree and cast. */
    static DelegatedWorld bare(ManagedRealm realm, KeycloakUrls urls, Keycloak keycloak) {
        return new DelegatedWorld(realm, urls, keycloak);
    }

    private void build() {
        partner = tree.partner(name("Partner P"));
        accountA = tree.account(partner, name("Account A"));
        regionA1 = tree.region(accountA, name("Region A1"));
        storeA1 = store(regionA1, "Store A1");
        regionA2 = tree.region(accountA, name("Region A2"));
        storeA2 = store(regionA2, "Store A2");
        accountB = tree.account(partner, name("Account B"));
        regionB = tree.region(accountB, name("Region B"));
        storeB = store(regionB, "Store B");
        accountF = tree.account(null, name("Account F"));
        regionF = tree.region(accountF, name("Region F"));
        storeF = store(regionF, "Store F");
        recordNames();
        for (String store : List.of(storeA1, storeA2, storeB, storeF)) {
            devices.put(store, device(store, name("Register of " + names.get(store))));
        }
        // every account makes returns need a manager's approval: rules a foreign caller must neither see nor change
        for (String account : List.of(accountA, accountB, accountF)) {
            admin.put("nodes/" + account + "/override-rules/return", Map.of("required", true)).expect(200);
        }

        accountAdminGroup = template("Account admin", ACCOUNT_ADMIN_KEYS);
        storeManagerGroup = template("Store manager", STORE_MANAGER_KEYS);
        employeeGroup = template("Employee", EMPLOYEE_KEYS);
        unheldGroup = template("Reporting", List.of(UNHELD_KEY));
        groupA = ownedGroup(accountA, "Own group A", concat(EMPLOYEE_KEYS, List.of("bi.view")));
        groupB = ownedGroup(accountB, "Own group B", concat(EMPLOYEE_KEYS, List.of("sms.access")));
        groupF = ownedGroup(accountF, "Own group F", concat(EMPLOYEE_KEYS, List.of("dashboard.access")));

        adminA = person("admin-a", accountA);
        grantOf.put(adminA.id(), grant(adminA, accountA, accountAdminGroup));
        storeManagerA1 = person("manager-a1", accountA, storeA1);
        grantOf.put(storeManagerA1.id(), grant(storeManagerA1, storeA1, storeManagerGroup));
        employeeA1 = person("employee-a1", accountA, storeA1);
        grantOf.put(employeeA1.id(), grant(employeeA1, storeA1, employeeGroup));
        employeeA2 = person("employee-a2", accountA, storeA2);
        grantOf.put(employeeA2.id(), grant(employeeA2, storeA2, employeeGroup));
        nobodyA = person("nobody-a", accountA);
        adminB = person("admin-b", accountB);
        grantOf.put(adminB.id(), grant(adminB, accountB, accountAdminGroup));
        employeeB = person("employee-b", accountB, storeB);
        grantOf.put(employeeB.id(), grant(employeeB, storeB, employeeGroup));
        adminF = person("admin-f", accountF);
        grantOf.put(adminF.id(), grant(adminF, accountF, accountAdminGroup));
        employeeF = person("employee-f", accountF, storeF);
        grantOf.put(employeeF.id(), grant(employeeF, storeF, employeeGroup));
    }

    /** Enrolls a register at the store as a realm admin would hand out the code; returns the device id. */
    private String device(String store, String deviceName) {
        String code = admin.post("devices/enrollments", Map.of("locationId", store, "type", "register", "name", deviceName))
                .expect(201).json().get("code").asText();
        String id = io.branchkey.it.support.TestDevice.generate()
                .enroll(BranchkeyApi.publicApi(urls, realm.getName()), code).expect(201).id();
        names.put(id, deviceName);
        return id;
    }

    private void recordNames() {
        for (JsonNode node : admin.get("nodes?max=1000").expect(200).elements()) {
            names.put(node.get("id").asText(), node.get("name").asText());
            if (node.hasNonNull("code")) {
                codes.put(node.get("id").asText(), node.get("code").asText());
            }
        }
    }

    // ---- tenants as targets

    Tenant tenantA() {
        return tenant("A", accountA, regionA1, storeA1, employeeA1, groupA, "bi.view");
    }

    Tenant tenantB() {
        return tenant("B", accountB, regionB, storeB, employeeB, groupB, "sms.access");
    }

    Tenant tenantF() {
        return tenant("F", accountF, regionF, storeF, employeeF, groupF, "dashboard.access");
    }

    /**
     * Region A2 inside account A: foreign to whoever only works at store A1. Its account is shared with the caller,
     * so A's id (say, as the owner of A's role groups) is no secret here.
     */
    Tenant locationA2() {
        return new Tenant("A2", accountA, null, regionA2, names.get(regionA2), storeA2, names.get(storeA2),
                codes.get(storeA2), employeeA2, grantOf.get(employeeA2.id()), null, null, null, false,
                devices.get(storeA2), names.get(devices.get(storeA2)));
    }

    private Tenant tenant(String label, String account, String region, String store, Person user, String group, String key) {
        return new Tenant(label, account, names.get(account), region, names.get(region), store, names.get(store),
                codes.get(store), user, grantOf.get(user.id()), group, groupName(group), key, true,
                devices.get(store), names.get(devices.get(store)));
    }

    private String groupName(String id) {
        return admin.get("role-groups/" + id).expect(200).json().get("name").asText();
    }

    // ---- building blocks for tests

    /** A name no other object of this run shares, so "the body contains it" means exactly this object. */
    static String name(String prefix) {
        return prefix + " " + hex();
    }

    static String hex() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    String store(String parentId, String prefix) {
        ObjectNode body = Tree.body("LOCATION", parentId, name(prefix)).put("code", "LOC-" + hex().toUpperCase());
        JsonNode created = tree.create(body);
        return created.get("id").asText();
    }

    /** A new user with a password, a home account and memberships, made by a realm admin. */
    Person person(String prefix, String homeAccount, String... memberOf) {
        String username = (prefix + "-" + hex()).toLowerCase();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.org");
        user.setFirstName("First");
        user.setLastName("Last");
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
        return new Person(id, username, username + "@example.org");
    }

    /** A realm-wide template with exactly these permissions. */
    String template(String prefix, List<String> keys) {
        return roleGroup(null, prefix, keys);
    }

    String ownedGroup(String owner, String prefix, List<String> keys) {
        return roleGroup(owner, prefix, keys);
    }

    private String roleGroup(String owner, String prefix, List<String> keys) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (owner != null) {
            body.put("ownerNodeId", owner);
        }
        body.put("name", name(prefix));
        body.put("permissions", keys);
        return admin.post("role-groups", body).expect(201).id();
    }

    /** A grant made by a realm admin; returns its id. */
    String grant(Person person, String nodeId, String roleGroupId) {
        return admin.post("grants", Map.of("userId", person.id(), "nodeId", nodeId, "roleGroupId", roleGroupId))
                .expect(201).id();
    }

    // ---- reading state as a realm admin

    List<JsonNode> grantsOf(String userId) {
        return admin.get("users/" + userId + "/access/grants").expect(200).elements();
    }

    List<String> grantIdsOf(String userId) {
        return grantsOf(userId).stream().map(g -> g.get("id").asText()).toList();
    }

    List<String> effectivePermissions(String userId, String nodeId) {
        List<String> keys = new ArrayList<>();
        admin.get("users/" + userId + "/access/permissions?nodeId=" + nodeId).expect(200).json().get("permissions")
                .forEach(k -> keys.add(k.asText()));
        return keys;
    }

    JsonNode tenancy(String userId) {
        return admin.get("users/" + userId + "/tenancy").expect(200).json();
    }

    List<String> membershipsOf(String userId) {
        List<String> ids = new ArrayList<>();
        tenancy(userId).get("memberOf").forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    UserRepresentation keycloakUser(String userId) {
        return realm.admin().users().get(userId).toRepresentation();
    }

    /** The admin view of the audit trail, e.g. {@code "nodeId=" + id}. */
    List<JsonNode> adminAudit(String query) {
        return admin.get("audit?max=1000&" + query).expect(200).elements();
    }

    // ---- callers

    /** The delegated API as this person, with a recent access token. */
    BranchkeyApi as(Person person) {
        CachedToken cached = tokens.get(person.id());
        if (cached == null || cached.fetchedAt() < System.currentTimeMillis() - 60_000) {
            cached = new CachedToken(login(person).access(), System.currentTimeMillis());
            tokens.put(person.id(), cached);
        }
        return BranchkeyApi.delegated(urls, realm.getName(), cached.token());
    }

    private record CachedToken(String token, long fetchedAt) {
    }

    record Tokens(String access, String refresh) {
    }

    /** A fresh login (its own user session) with the password grant of admin-cli. */
    Tokens login(Person person) {
        JsonNode body = tokenRequest("grant_type=password&client_id=admin-cli&scope=" + ManagementScope.NAME + "&username="
                + BranchkeyApi.encode(person.username()) + "&password=" + BranchkeyApi.encode(PASSWORD), 200);
        return new Tokens(body.get("access_token").asText(), body.get("refresh_token").asText());
    }

    /** The status of a refresh-token grant: 200 while the session lives. */
    int refreshStatus(String refreshToken) {
        return tokenStatus("grant_type=refresh_token&client_id=admin-cli&refresh_token=" + BranchkeyApi.encode(refreshToken));
    }

    int passwordLoginStatus(String username) {
        return tokenStatus("grant_type=password&client_id=admin-cli&username=" + BranchkeyApi.encode(username)
                + "&password=" + BranchkeyApi.encode(PASSWORD));
    }

    private JsonNode tokenRequest(String form, int expected) {
        HttpResponse<String> response = postForm(form);
        assertThat(response.statusCode()).as("token request: %s", response.body()).isEqualTo(expected);
        try {
            return BranchkeyApi.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int tokenStatus(String form) {
        return postForm(form).statusCode();
    }

    private HttpResponse<String> postForm(String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.getToken(realm.getName())))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- small JSON helpers

    static Map<String, Object> grantBody(String userId, String nodeId, String roleGroupId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        body.put("nodeId", nodeId);
        body.put("roleGroupId", roleGroupId);
        return body;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
