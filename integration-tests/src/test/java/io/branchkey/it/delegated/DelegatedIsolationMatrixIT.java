package io.branchkey.it.delegated;

import static io.branchkey.it.delegated.DelegatedWorld.ACCOUNT_ADMIN_KEYS;
import static io.branchkey.it.delegated.DelegatedWorld.EMPLOYEE_KEYS;
import static io.branchkey.it.delegated.DelegatedWorld.STORE_MANAGER_KEYS;
import static io.branchkey.it.delegated.DelegatedWorld.grantBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.delegated.DelegatedWorld.Person;
import io.branchkey.it.delegated.DelegatedWorld.Tenant;
import io.branchkey.admin.ApiResource;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
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

/**
 * Tenant isolation, exhaustively: every delegated endpoint, called by every kind of caller, aimed at another
 * tenant's account, location, user, grant or role group, is refused (403 or 404; 404 where the contract says the
 * object is simply out of reach), answers nothing that identifies the other tenant, and changes nothing.
 * Adding an endpoint is one line in {@link #probes()}.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class DelegatedIsolationMatrixIT {

    @InjectRealm(ref = "dlg-isolation", config = DelegatedWorld.Realm.class)
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

    /** A kind of caller: who, the node where their own grant is (null: none), what they hold there, whom they must not reach. */
    record Caller(String label, Person person, String ownNode, List<String> heldAtOwn, List<Tenant> foreign) {
    }

    /** One call aimed at a foreign tenant {@code t}, by caller {@code c}. */
    record Ctx(Caller c, Tenant t) {
        Person me() {
            return c.person();
        }

        String own() {
            return c.ownNode();
        }
    }

    /** What a refused call may answer. */
    interface Expect {
        /** Null if the response is acceptable, else why not. */
        String check(ApiResponse response);
    }

    static Expect status(Set<Integer> allowed) {
        return r -> allowed.contains(r.status()) ? null : "expected " + allowed + ", got " + r.status();
    }

    /** Out of reach: exactly like an unknown id. */
    static final Expect NOT_FOUND = status(Set.of(404));
    /** Refused one way or the other: which depends on what the caller holds on their own side of the call. */
    static final Expect REFUSED = status(Set.of(403, 404));
    /** The caller's own data (200), or refused for lack of a right there: either way nothing foreign. */
    static final Expect OWN_VIEW = status(Set.of(200, 403));

    /** Realm-wide operations: only realm admins, whoever else asks. */
    static final Expect FORBIDDEN = status(Set.of(403));

    /** A caller asking about themselves: their own trail if they may read it where they belong. */
    static final Expect REFUSED_OR_OWN = status(Set.of(200, 403, 404));

    /** A bulk call answers 200 with a result per item; every item must be refused. */
    static Expect bulk(Set<Integer> itemStatuses) {
        return r -> {
            if (r.status() != 200) {
                return "expected 200 with per-item results, got " + r.status();
            }
            for (JsonNode item : r.elements()) {
                if (!itemStatuses.contains(item.get("status").asInt())) {
                    return "item " + item.get("index") + " expected " + itemStatuses + ", got " + item.get("status");
                }
            }
            return r.elements().isEmpty() ? "no item results" : null;
        };
    }

    /** 404 if the caller holds {@code key} on their own side (so only the foreign object can be at fault), else 403 or 404. */
    static Function<Ctx, Expect> notFoundIfHolds(String key) {
        return ctx -> ctx.c().heldAtOwn().contains(key) ? NOT_FOUND : REFUSED;
    }

    /** One endpoint call in the matrix; {@code applies} leaves out calls a context has no inputs for. */
    record Probe(String name, String method, Function<Ctx, String> path, Function<Ctx, Object> body,
                 Function<Ctx, Expect> expect, Function<Ctx, Boolean> applies) {
    }

    static Probe probe(String method, String name, Function<Ctx, String> path, Function<Ctx, Object> body, Expect expect) {
        return new Probe(name, method, path, body, ctx -> expect, ctx -> true);
    }

    static Probe probe(String method, String name, Function<Ctx, String> path, Function<Ctx, Object> body,
                       Function<Ctx, Expect> expect, Function<Ctx, Boolean> applies) {
        return new Probe(name, method, path, body, expect, applies);
    }

    static boolean hasOwn(Ctx x) {
        return x.own() != null;
    }

    static boolean hasGroup(Ctx x) {
        return x.t().group() != null;
    }

    /** Every endpoint of the API (ApiResource and its sub-resources, the same on both trees), aimed at the foreign tenant. */
    List<Probe> probes() {
        return List.of(
                probe("GET", "my scopes", x -> "me/scopes", x -> null, OWN_VIEW),
                probe("GET", "my roots", x -> "nodes/roots", x -> null, OWN_VIEW),
                probe("GET", "search the realm", x -> "nodes?q=" + x.t().storeCode(), x -> null, FORBIDDEN),
                probe("GET", "foreign store by code", x -> "nodes/by-code/" + x.t().storeCode(), x -> null, NOT_FOUND),
                probe("DELETE", "delete foreign store", x -> "nodes/" + x.t().store(), x -> null, FORBIDDEN),
                probe("GET", "count foreign subtree", x -> "nodes/" + x.t().account() + "/subtree/count", x -> null, NOT_FOUND),
                probe("GET", "foreign ancestors", x -> "nodes/" + x.t().store() + "/ancestors", x -> null, NOT_FOUND),
                probe("GET", "grants at foreign store", x -> "nodes/" + x.t().store() + "/grants", x -> null, NOT_FOUND),
                probe("GET", "permission holders at foreign store", x -> "nodes/" + x.t().store() + "/permission-holders/users.view",
                        x -> null, NOT_FOUND),
                probe("GET", "foreign store", x -> "nodes/" + x.t().store(), x -> null, NOT_FOUND),
                probe("GET", "foreign account", x -> "nodes/" + x.t().account(), x -> null, NOT_FOUND),
                probe("GET", "foreign children", x -> "nodes/" + x.t().region() + "/children", x -> null, NOT_FOUND),
                probe("GET", "foreign subtree", x -> "nodes/" + x.t().account() + "/subtree", x -> null, NOT_FOUND),
                probe("GET", "own subtree", x -> "nodes/" + x.own() + "/subtree?max=1000", x -> null, x -> OWN_VIEW, DelegatedIsolationMatrixIT::hasOwn),
                probe("POST", "create below foreign region", x -> "nodes",
                        x -> Map.of("kind", "LOCATION", "parentId", x.t().region(), "name", "Intruder", "code", "LOC-" + DelegatedWorld.hex()), NOT_FOUND),
                probe("PUT", "rename foreign store", x -> "nodes/" + x.t().store(),
                        x -> Map.of("kind", "LOCATION", "name", "Hijacked", "code", x.t().storeCode()), NOT_FOUND),
                probe("POST", "move foreign region below own node", x -> "nodes/" + x.t().region() + "/move",
                        x -> Map.of("parentId", x.own() != null ? x.own() : x.t().account()), NOT_FOUND),
                probe("POST", "move own node below foreign region", x -> "nodes/" + x.own() + "/move",
                        x -> Map.of("parentId", x.t().region()), x -> REFUSED, DelegatedIsolationMatrixIT::hasOwn),
                probe("GET", "foreign store's users", x -> "nodes/" + x.t().store() + "/users", x -> null, NOT_FOUND),
                probe("GET", "foreign account's users", x -> "nodes/" + x.t().account() + "/users?subtree=true", x -> null, NOT_FOUND),
                probe("GET", "own node's users", x -> "nodes/" + x.own() + "/users?subtree=true", x -> null, x -> OWN_VIEW, DelegatedIsolationMatrixIT::hasOwn),
                probe("PUT", "join foreign store", x -> "nodes/" + x.t().store() + "/users/" + x.me().id(), x -> null, NOT_FOUND),
                probe("PUT", "pull foreign user into own node", x -> "nodes/" + x.own() + "/users/" + x.t().user().id(), x -> null,
                        notFoundIfHolds("users.update-locations"), DelegatedIsolationMatrixIT::hasOwn),
                probe("DELETE", "remove foreign user from their store", x -> "nodes/" + x.t().store() + "/users/" + x.t().user().id(),
                        x -> null, NOT_FOUND),
                probe("POST", "invite into foreign account", x -> "users",
                        x -> Map.of("username", "intruder-" + DelegatedWorld.hex(), "homeAccountId", x.t().account()), NOT_FOUND),
                probe("GET", "foreign user", x -> "users/" + x.t().user().id(), x -> null, NOT_FOUND),
                probe("PUT", "edit foreign user", x -> "users/" + x.t().user().id(), x -> Map.of("firstName", "Hijacked"), NOT_FOUND),
                probe("PUT", "disable foreign user", x -> "users/" + x.t().user().id(), x -> Map.of("enabled", false), NOT_FOUND),
                probe("GET", "foreign user's grants", x -> "users/" + x.t().user().id() + "/access/grants", x -> null, NOT_FOUND),
                probe("GET", "foreign user's permissions", x -> "users/" + x.t().user().id() + "/access/permissions?nodeId="
                        + x.t().store(), x -> null, NOT_FOUND),
                probe("GET", "where foreign user holds a permission", x -> "users/" + x.t().user().id()
                        + "/access/permissions/register.access/nodes", x -> null, NOT_FOUND),
                probe("GET", "foreign user's tenancy", x -> "users/" + x.t().user().id() + "/tenancy", x -> null, NOT_FOUND),
                probe("PUT", "move foreign user's home account", x -> "users/" + x.t().user().id() + "/home-account",
                        x -> Map.of("nodeId", x.t().account()), NOT_FOUND),
                probe("DELETE", "clear foreign user's home account", x -> "users/" + x.t().user().id() + "/home-account",
                        x -> null, NOT_FOUND),
                probe("POST", "terminate foreign user", x -> "users/" + x.t().user().id() + "/terminate", x -> null, NOT_FOUND),
                probe("POST", "grant to foreign user at foreign store", x -> "grants",
                        x -> grantBody(x.t().user().id(), x.t().store(), w.employeeGroup), NOT_FOUND),
                probe("POST", "grant myself a role at foreign store", x -> "grants",
                        x -> grantBody(x.me().id(), x.t().store(), w.accountAdminGroup), NOT_FOUND),
                probe("POST", "grant foreign user a role at own node", x -> "grants",
                        x -> grantBody(x.t().user().id(), x.own(), w.employeeGroup), notFoundIfHolds("users.update-roles"),
                        DelegatedIsolationMatrixIT::hasOwn),
                probe("POST", "grant foreign role group at own node", x -> "grants",
                        x -> grantBody(x.me().id(), x.own(), x.t().group()), notFoundIfHolds("users.update-roles"),
                        x -> hasOwn(x) && hasGroup(x)),
                probe("GET", "foreign grant", x -> "grants/" + x.t().userGrant(), x -> null, NOT_FOUND),
                probe("DELETE", "revoke foreign grant", x -> "grants/" + x.t().userGrant(), x -> null, NOT_FOUND),
                probe("POST", "bulk: grant and revoke in foreign tenant", x -> "grants/bulk",
                        x -> Map.of("grant", List.of(grantBody(x.t().user().id(), x.t().store(), w.employeeGroup)),
                                "revoke", List.of(x.t().userGrant())), x -> bulk(Set.of(404)), x -> true),
                probe("POST", "bulk: foreign user and group at own node", x -> "grants/bulk",
                        x -> Map.of("grant", x.t().group() == null
                                ? List.of(grantBody(x.t().user().id(), x.own(), w.employeeGroup))
                                : List.of(grantBody(x.t().user().id(), x.own(), w.employeeGroup), grantBody(x.me().id(), x.own(), x.t().group()))),
                        x -> bulk(Set.of(403, 404)), DelegatedIsolationMatrixIT::hasOwn),
                probe("POST", "bulk memberships into foreign store", x -> "grants/bulk-memberships",
                        x -> Map.of("userIds", List.of(x.t().user().id(), x.me().id()), "nodeIds", List.of(x.t().store())),
                        x -> bulk(Set.of(404)), x -> true),
                probe("POST", "bulk memberships: remove foreign user", x -> "grants/bulk-memberships",
                        x -> Map.of("userIds", List.of(x.t().user().id()), "nodeIds", List.of(x.t().store()), "remove", true),
                        x -> bulk(Set.of(404)), x -> true),
                probe("POST", "bulk memberships: foreign user into own node", x -> "grants/bulk-memberships",
                        x -> Map.of("userIds", List.of(x.t().user().id()), "nodeIds", List.of(x.own())),
                        x -> bulk(Set.of(403, 404)), DelegatedIsolationMatrixIT::hasOwn),
                probe("GET", "role groups at foreign store", x -> "role-groups?visibleAt=" + x.t().store(), x -> null, NOT_FOUND),
                probe("GET", "role groups of foreign account", x -> "role-groups?ownerNodeId=" + x.t().account(), x -> null, NOT_FOUND),
                probe("GET", "role groups at own node", x -> "role-groups?visibleAt=" + x.own(), x -> null, x -> OWN_VIEW, DelegatedIsolationMatrixIT::hasOwn),
                probe("GET", "foreign role group", x -> "role-groups/" + x.t().group(), x -> null, x -> NOT_FOUND,
                        DelegatedIsolationMatrixIT::hasGroup),
                probe("POST", "load templates", x -> "role-groups/templates/klicktrack", x -> null, FORBIDDEN),
                probe("POST", "create role group in foreign account", x -> "role-groups",
                        x -> Map.of("ownerNodeId", x.t().account(), "name", "Intruders", "permissions", EMPLOYEE_KEYS), NOT_FOUND),
                probe("PUT", "edit foreign role group", x -> "role-groups/" + x.t().group(),
                        x -> Map.of("name", "Hijacked", "permissions", EMPLOYEE_KEYS), x -> NOT_FOUND, DelegatedIsolationMatrixIT::hasGroup),
                probe("DELETE", "delete foreign role group", x -> "role-groups/" + x.t().group(), x -> null, x -> NOT_FOUND,
                        DelegatedIsolationMatrixIT::hasGroup),
                probe("GET", "foreign store's devices", x -> "devices?locationId=" + x.t().store(), x -> null, NOT_FOUND),
                probe("GET", "device types", x -> "devices/types", x -> null, OWN_VIEW),
                probe("PUT", "change a device type", x -> "devices/types/register",
                        x -> Map.of("displayName", "Hijacked", "loginPermission", "register.access"), FORBIDDEN),
                probe("GET", "the catalog", x -> "catalog", x -> null, OWN_VIEW),
                probe("POST", "add a permission", x -> "catalog/permissions",
                        x -> Map.of("key", "intruder.x" + DelegatedWorld.hex(), "name", "x", "section", "x"), FORBIDDEN),
                probe("PUT", "change a permission", x -> "catalog/permissions/register.access",
                        x -> Map.of("name", "Hijacked", "section", "x"), FORBIDDEN),
                probe("POST", "retire a permission", x -> "catalog/permissions/register.access/retire", x -> null, FORBIDDEN),
                probe("GET", "the PIN policy", x -> "pin-policy", x -> null, FORBIDDEN),
                probe("PUT", "change the PIN policy", x -> "pin-policy", x -> Map.of("length", 4), FORBIDDEN),
                probe("POST", "seed the realm", x -> "seed", x -> Map.of("version", 1), FORBIDDEN),
                probe("POST", "enrollment code for foreign store", x -> "devices/enrollments",
                        x -> Map.of("locationId", x.t().store(), "type", "register"), NOT_FOUND),
                probe("GET", "foreign device", x -> "devices/" + x.t().device(), x -> null, NOT_FOUND),
                probe("PUT", "rename foreign device", x -> "devices/" + x.t().device(), x -> Map.of("name", "Hijacked"), NOT_FOUND),
                probe("POST", "disable foreign device", x -> "devices/" + x.t().device() + "/disable", x -> null, NOT_FOUND),
                probe("POST", "enable foreign device", x -> "devices/" + x.t().device() + "/enable", x -> null, NOT_FOUND),
                probe("DELETE", "delete foreign device", x -> "devices/" + x.t().device(), x -> null, NOT_FOUND),
                probe("GET", "foreign device's PIN lockout", x -> "devices/" + x.t().device() + "/pin-lockout", x -> null, NOT_FOUND),
                probe("POST", "unlock foreign device", x -> "devices/" + x.t().device() + "/unlock", x -> null, NOT_FOUND),
                probe("GET", "foreign store's override rules", x -> "nodes/" + x.t().store() + "/override-rules", x -> null, NOT_FOUND),
                probe("GET", "foreign store's override policy", x -> "nodes/" + x.t().store() + "/override-policy", x -> null, NOT_FOUND),
                probe("PUT", "lift foreign store's return approval", x -> "nodes/" + x.t().store() + "/override-rules/return",
                        x -> Map.of("required", false), NOT_FOUND),
                probe("DELETE", "remove foreign account's return rule", x -> "nodes/" + x.t().account() + "/override-rules/return",
                        x -> null, NOT_FOUND),
                probe("GET", "foreign user's PIN status", x -> "users/" + x.t().user().id() + "/pin", x -> null, NOT_FOUND),
                probe("POST", "generate foreign user's PIN", x -> "users/" + x.t().user().id() + "/pin/generate", x -> null, NOT_FOUND),
                probe("DELETE", "reset foreign user's PIN", x -> "users/" + x.t().user().id() + "/pin", x -> null, NOT_FOUND),
                probe("POST", "unlock foreign user's PIN", x -> "users/" + x.t().user().id() + "/pin/unlock", x -> null, NOT_FOUND),
                probe("GET", "foreign store's PIN settings", x -> "nodes/" + x.t().store() + "/pin-settings", x -> null, NOT_FOUND),
                probe("PUT", "foreign store to PIN-only", x -> "nodes/" + x.t().store() + "/pin-settings",
                        x -> Map.of("mode", "PIN_ONLY"), NOT_FOUND),
                probe("GET", "foreign node's audit", x -> "audit?nodeId=" + x.t().store(), x -> null, NOT_FOUND),
                probe("GET", "foreign account's audit", x -> "audit?nodeId=" + x.t().account(), x -> null, NOT_FOUND),
                probe("GET", "foreign user's audit", x -> "audit?userId=" + x.t().user().id(), x -> null, NOT_FOUND),
                probe("GET", "own node's audit", x -> "audit?max=1000&nodeId=" + x.own(), x -> null, x -> OWN_VIEW, DelegatedIsolationMatrixIT::hasOwn),
                probe("GET", "my own audit", x -> "audit?max=1000&userId=" + x.me().id(), x -> null, REFUSED_OR_OWN));
    }

    List<Caller> callers() {
        return List.of(
                new Caller("account manager of A", w.adminA, w.regionA1, ACCOUNT_ADMIN_KEYS, List.of(w.tenantB(), w.tenantF())),
                new Caller("store manager of store A1", w.storeManagerA1, w.storeA1, STORE_MANAGER_KEYS,
                        List.of(w.tenantB(), w.tenantF(), w.locationA2())),
                new Caller("employee of store A1", w.employeeA1, w.storeA1, EMPLOYEE_KEYS,
                        List.of(w.tenantB(), w.tenantF(), w.locationA2())),
                new Caller("account manager of foreign account F", w.adminF, w.regionF, ACCOUNT_ADMIN_KEYS,
                        List.of(w.tenantA(), w.tenantB())),
                new Caller("employee of foreign store F", w.employeeF, w.storeF, EMPLOYEE_KEYS,
                        List.of(w.tenantA(), w.tenantB())),
                new Caller("user of A without grants", w.nobodyA, null, List.of(), List.of(w.tenantA(), w.tenantB(), w.tenantF())));
    }

    /** Everything a refused call could have changed, as a realm admin sees it. */
    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("nodes", w.admin.get("nodes?max=1000").expect(200).json());
        state.put("templates", w.admin.get("role-groups").expect(200).json());
        for (String store : List.of(w.storeA1, w.storeA2, w.storeB, w.storeF)) {
            state.put("devices of " + w.names.get(store), w.admin.get("devices?locationId=" + store).expect(200).json());
            state.put("override policy of " + w.names.get(store),
                    w.admin.get("nodes/" + store + "/override-policy").expect(200).json());
        }
        for (String owner : List.of(w.accountA, w.accountB, w.accountF)) {
            state.put("groups of " + w.names.get(owner), w.admin.get("role-groups?ownerNodeId=" + owner).expect(200).json());
        }
        List<String> users = new ArrayList<>();
        for (UserRepresentation user : realm.admin().users().list(0, 1000)) {
            users.add(user.getId() + " " + user.getUsername() + " " + user.getEmail() + " " + user.getFirstName() + " "
                    + user.getLastName() + " " + user.isEnabled() + " " + user.getRequiredActions());
            state.put("PIN of " + user.getUsername(), w.admin.get("users/" + user.getId() + "/pin").expect(200).json());
            state.put("grants of " + user.getUsername(), w.admin.get("users/" + user.getId() + "/access/grants").expect(200).json());
            state.put("tenancy of " + user.getUsername(), w.tenancy(user.getId()));
        }
        users.sort(null);
        state.put("users", users);
        for (String store : List.of(w.storeA1, w.storeA2, w.storeB, w.storeF)) {
            state.put("PIN settings of " + w.names.get(store), w.admin.get("nodes/" + store + "/pin-settings").expect(200).json());
        }
        return state;
    }

    @Test
    void noCallerReachesIntoAnotherTenant() {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Caller caller : callers()) {
            BranchkeyApi api = w.as(caller.person());
            for (Tenant target : caller.foreign()) {
                Map<String, Object> before = state();
                for (Probe probe : probes()) {
                    Ctx ctx = new Ctx(caller, target);
                    if (!probe.applies().apply(ctx)) {
                        continue;
                    }
                    String path = probe.path().apply(ctx);
                    Object body = probe.body().apply(ctx);
                    ApiResponse response = api.send(probe.method(), path, body);
                    calls++;
                    String where = caller.label() + " -> tenant " + target.label() + ": " + probe.name() + " (" + probe.method()
                            + " " + path + ")";
                    String wrong = probe.expect().apply(ctx).check(response);
                    if (wrong != null) {
                        failures.add(where + ": " + wrong + "; body " + abbreviate(response.body()));
                    }
                    String sent = path + " " + (body == null ? "" : BranchkeyApi.toJson(body));
                    // The catalog is public (as /branchkey/catalog is): it names every permission, a tenant's marker too.
                    List<String> secrets = probe.name().equals("the catalog")
                            ? target.secrets().stream().filter(secret -> !secret.equals(target.groupKey())).toList()
                            : target.secrets();
                    for (String secret : secrets) {
                        // the caller may see back what they sent themselves, nothing else of the tenant's
                        if (!sent.contains(secret) && response.body() != null && response.body().contains(secret)) {
                            failures.add(where + ": answer contains '" + secret + "' of tenant " + target.label()
                                    + ": " + abbreviate(response.body()));
                        }
                    }
                }
                Map<String, Object> after = state();
                if (!after.equals(before)) {
                    List<String> changed = before.keySet().stream().filter(k -> !before.get(k).equals(after.get(k))).toList();
                    List<String> added = after.keySet().stream().filter(k -> !before.containsKey(k)).toList();
                    failures.add(caller.label() + " -> tenant " + target.label() + ": refused calls changed " + changed
                            + (added.isEmpty() ? "" : " and added " + added));
                }
            }
            // the caller's own view stays intact: proof the refusals above were not a broken token
            api.get("me/scopes").expect(200);
        }
        assertThat(calls).as("calls made").isGreaterThan(400);
        assertThat(failures).as("%d isolation failures", failures.size()).isEmpty();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    @Test
    void theMatrixCoversEveryDelegatedEndpoint() {
        Set<String> endpoints = new TreeSet<>();
        collectEndpoints(ApiResource.class, "", endpoints);
        assertThat(endpoints).as("endpoints found in the JAX-RS resources").hasSizeGreaterThan(20);

        Caller sample = callers().get(0);
        Ctx ctx = new Ctx(sample, sample.foreign().get(0));
        Set<String> covered = new TreeSet<>();
        for (Probe probe : probes()) {
            String path = probe.path().apply(ctx).replaceAll("\\?.*", "")
                    .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{}")
                    .replaceAll("override-rules/[a-z-]+$", "override-rules/{}")
                    .replaceAll("^nodes/by-code/.*", "nodes/by-code/{}")
                    .replaceAll("permission-holders/[a-z.-]+$", "permission-holders/{}")
                    .replaceAll("permissions/[a-z.-]+/nodes$", "permissions/{}/nodes")
                    .replaceAll("^catalog/permissions/[a-z.-]+", "catalog/permissions/{}")
                    .replaceAll("^role-groups/templates/[a-z]+$", "role-groups/templates/{}")
                    .replaceAll("^devices/types/[a-z-]+$", "devices/types/{}");
            covered.add(probe.method() + " " + path);
        }
        assertThat(covered).as("probed endpoints").containsExactlyInAnyOrderElementsOf(endpoints);
    }

    /** Every (HTTP method, path template) below a JAX-RS resource class, following sub-resource locators. */
    private static void collectEndpoints(Class<?> resource, String prefix, Set<String> into) {
        for (Method method : resource.getMethods()) {
            Path path = method.getAnnotation(Path.class);
            String full = join(prefix, path == null ? "" : path.value());
            String http = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                    : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
            if (http != null) {
                into.add(http + " " + full.replaceAll("\\{[^}]+}", "{}"));
            } else if (path != null) {
                collectEndpoints(method.getReturnType(), full, into);
            }
        }
    }

    private static String join(String prefix, String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return prefix.isEmpty() ? trimmed : trimmed.isEmpty() ? prefix : prefix + "/" + trimmed;
    }
}
