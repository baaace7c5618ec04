package io.branchkey.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills a claims-benchmark realm whose tree is already there, through the admin API as an administrator would
 * (a few hundred calls at most): the catalog and the KlickTrack and Deliverect templates, three users, their grants,
 * the clients. The tree's ids and handles are read back with SQL. Deterministic: the same shape always picks the
 * same nodes.
 * <ul>
 *   <li>{@value #PARTNER_USER}: {@value #ACCOUNT_GROUP} at every account, {@value #EXCEPTION_GROUP} at 5 % of
 *   the locations (chosen at random with a fixed seed), no home account;</li>
 *   <li>{@value #CASHIER_USER}: {@value #CASHIER_GROUP} at one location, home account its account;</li>
 *   <li>{@value #BUMP_USER}: granted and revoked at the partner node to change the realm's access epoch (which
 *   makes every cached claim stale), for the uncached measurements.</li>
 * </ul>
 */
final class ClaimsData {

    static final List<String> TEMPLATE_SYSTEMS = List.of("klicktrack", "deliverect");
    static final String ACCOUNT_GROUP = "Deliverect Account Manager";
    /** Adds a permission the account group lacks, so each exception differs from its account and is an anchor. */
    static final String EXCEPTION_GROUP = "Deliverect Channel Links";
    static final String CASHIER_GROUP = "KlickTrack Cashier";
    static final String PARTNER_USER = "partner-staff";
    static final String CASHIER_USER = "register-cashier";
    static final String BUMP_USER = "epoch-bumper";

    private final AdminApi api;
    private final Connection db;
    private final String password;
    private final Map<String, Integer> groupSizes = new java.util.TreeMap<>();

    /** @param password the password all three users get (made up per run, never printed) */
    ClaimsData(AdminApi api, PostgresServer postgres, String password) {
        this.api = api;
        this.db = postgres.connection();
        this.password = password;
    }

    ClaimsRealm load(ClaimsShape shape) throws Exception {
        String realm = shape.realm();
        api.ensureFreshToken();
        api.get(realm + "/branchkey/catalog"); // the realm's catalog is created on first use
        Map<String, String> groups = new HashMap<>();
        for (String system : TEMPLATE_SYSTEMS) {
            for (JsonNode group : AdminApi.JSON.readTree(api.post(realm + "/branchkey/role-groups/templates/" + system, ""))) {
                groups.put(group.path("name").asText(), group.path("id").asText());
                if (List.of(ACCOUNT_GROUP, EXCEPTION_GROUP, CASHIER_GROUP).contains(group.path("name").asText())) {
                    groupSizes.put(group.path("name").asText(), group.path("permissions").size());
                }
            }
        }
        String realmId = realmId(realm);
        List<ClaimsRealm.Node> accounts = nodes(realmId, "ACCOUNT");
        List<ClaimsRealm.Node> locations = nodes(realmId, "LOCATION");
        if (accounts.size() != shape.accounts() || locations.size() != shape.locations()) {
            throw new IllegalStateException(realm + ": " + accounts.size() + " accounts, " + locations.size() + " locations");
        }
        List<ClaimsRealm.Node> shuffled = new ArrayList<>(locations);
        Collections.shuffle(shuffled, new Random(realm.hashCode()));
        List<ClaimsRealm.Node> exceptions = shuffled.subList(0, shape.exceptions()).stream()
                .sorted(Comparator.comparing(ClaimsRealm.Node::code)).toList();
        ClaimsRealm.Node scopeAccount = accounts.stream()
                .max(Comparator.comparingLong((ClaimsRealm.Node a) -> exceptions.stream().filter(l -> l.accountId().equals(a.id())).count())
                        .thenComparing(ClaimsRealm.Node::code, Comparator.reverseOrder()))
                .orElseThrow();
        ClaimsRealm.Node scopeLocation = exceptions.stream().filter(l -> l.accountId().equals(scopeAccount.id()))
                .max(Comparator.comparingLong(ClaimsRealm.Node::handle)).orElseThrow();
        ClaimsRealm.Node cashierLocation = locations.stream().filter(ClaimsRealm.Node::active)
                .max(Comparator.comparingLong(ClaimsRealm.Node::handle)).orElseThrow();

        ClaimsRealm.Users users = new ClaimsRealm.Users(user(realm, PARTNER_USER, "Pat", "Partner"),
                user(realm, CASHIER_USER, "Casey", "Cashier"), user(realm, BUMP_USER, "Eddie", "Epoch"));
        for (ClaimsRealm.Node account : accounts) {
            grant(realm, users.partnerId(), account.id(), require(groups, ACCOUNT_GROUP));
        }
        for (ClaimsRealm.Node location : exceptions) {
            grant(realm, users.partnerId(), location.id(), require(groups, EXCEPTION_GROUP));
        }
        grant(realm, users.cashierId(), cashierLocation.id(), require(groups, CASHIER_GROUP));
        api.put(realm + "/branchkey/users/" + users.cashierId() + "/home-account",
                AdminApi.JSON.createObjectNode().put("nodeId", cashierLocation.accountId()).toString());
        ClaimsClients.Created clients = new ClaimsClients(api).create(realm);
        return new ClaimsRealm(shape, realmId, accounts, locations, exceptions, scopeAccount, scopeLocation,
                cashierLocation, users, clients, require(groups, CASHIER_GROUP));
    }

    /** Permissions per role group the benchmark grants, by name (as the templates created them). */
    Map<String, Integer> groupSizes() {
        return groupSizes;
    }

    /** A grant for the bump user at the realm's partner node; returns its id (revoke it with {@link #revoke}). */
    String bumpGrant(ClaimsRealm realm, String partnerNodeId) throws IOException, InterruptedException {
        api.ensureFreshToken();
        return grant(realm.realm(), realm.users().bumpId(), partnerNodeId, realm.bumpGroupId());
    }

    void revoke(ClaimsRealm realm, String grantId) throws IOException, InterruptedException {
        api.ensureFreshToken();
        api.delete(realm.realm() + "/branchkey/grants/" + grantId);
    }

    String partnerNodeId(ClaimsRealm realm) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT ID FROM BK_NODE WHERE REALM_ID = ? AND KIND = 'PARTNER'")) {
            s.setString(1, realm.realmId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private String user(String realm, String username, String first, String last) throws IOException, InterruptedException {
        ObjectNode user = AdminApi.JSON.createObjectNode();
        user.put("username", username).put("email", username + "@example.com").put("emailVerified", true)
                .put("firstName", first).put("lastName", last).put("enabled", true);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        api.ensureFreshToken();
        return api.create(realm + "/users", user.toString());
    }

    private String grant(String realm, String userId, String nodeId, String groupId) throws IOException, InterruptedException {
        ObjectNode grant = AdminApi.JSON.createObjectNode().put("userId", userId).put("nodeId", nodeId).put("roleGroupId", groupId);
        api.ensureFreshToken();
        return AdminApi.JSON.readTree(api.post(realm + "/branchkey/grants", grant.toString())).path("id").asText();
    }

    private static String require(Map<String, String> groups, String name) {
        String id = groups.get(name);
        if (id == null) {
            throw new IllegalStateException("no template role group named " + name + " in " + groups.keySet());
        }
        return id;
    }

    private String realmId(String realm) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("SELECT ID FROM REALM WHERE NAME = ?")) {
            s.setString(1, realm);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no realm " + realm);
                }
                return rs.getString(1);
            }
        }
    }

    /** The realm's nodes of a kind, by code; a location's account is its region's parent. */
    private List<ClaimsRealm.Node> nodes(String realmId, String kind) throws SQLException {
        List<ClaimsRealm.Node> nodes = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT n.ID, n.CODE, n.HANDLE, r.PARENT_ID, n.STATUS FROM BK_NODE n"
                + " LEFT JOIN BK_NODE r ON r.ID = n.PARENT_ID WHERE n.REALM_ID = ? AND n.KIND = ? ORDER BY n.CODE")) {
            s.setString(1, realmId);
            s.setString(2, kind);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    nodes.add(new ClaimsRealm.Node(rs.getString(1), rs.getString(2), rs.getLong(3),
                            "LOCATION".equals(kind) ? rs.getString(4) : null, "ACTIVE".equals(rs.getString(5))));
                }
            }
        }
        return nodes;
    }
}
