package io.branchkey.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fills an access-benchmark realm whose tree is already there: the catalog and the role-group templates through
 * the admin API (as an administrator would), then users and grants in bulk with set-based SQL straight into
 * Keycloak's PostgreSQL (a million grants through the API would take hours). Deterministic: the same shape
 * always gives the same rows.
 * <p>
 * Who holds what: each user belongs to one account and has a home region and location in it, and a persona
 * that decides at which levels their grants are made:
 * <ul>
 *   <li>75 % location staff: every grant at a location;</li>
 *   <li>18 % regional staff: 60 % at locations, 40 % at regions;</li>
 *   <li>6 % account staff: 50 % locations, 30 % regions, 20 % their account;</li>
 *   <li>1 % partner staff: 40 % locations, 30 % regions, 20 % accounts, 10 % the partner.</li>
 * </ul>
 * Location grants fall on ten neighbouring stores of the home region, region grants on the home region or the
 * next one. 10 % of the grants have a time window: 4 % ended, 3 % start in the future, 3 % are in force and end.
 * The role group of each grant is one of those typical for its level ({@link AccessShape#ROLE_GROUPS_BY_LEVEL}).
 * <p>
 * The bulk load bypasses the access epoch; that is harmless because nothing has been resolved yet when it runs.
 */
final class AccessData {

    /** A day in milliseconds as a bigint literal: int arithmetic would overflow. */
    private static final String DAY = "86400000::bigint";

    /** What the realm holds after loading, counted back from the database. */
    record Loaded(String realmId, long users, Map<String, Long> grantsByLevel, long windowed, long notInForce,
                  long roleGroupsGranted, long roleGroupsInRealm, long seconds) {

        long grants() {
            return grantsByLevel.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final AdminApi api;
    private final Connection db;

    AccessData(AdminApi api, PostgresServer postgres) {
        this.api = api;
        this.db = postgres.connection();
    }

    Loaded load(AccessShape shape, long now) throws Exception {
        long t0 = System.nanoTime();
        String realm = shape.realm();
        api.ensureFreshToken();
        api.get(realm + "/branchkey/catalog"); // the realm's catalog is created on first use
        Map<String, String> groupIds = new HashMap<>();
        for (String system : AccessShape.TEMPLATE_SYSTEMS) {
            api.ensureFreshToken();
            for (JsonNode group : AdminApi.JSON.readTree(api.post(realm + "/branchkey/role-groups/templates/" + system, ""))) {
                groupIds.put(group.path("name").asText(), group.path("id").asText());
            }
        }
        String realmId = queryString("SELECT ID FROM REALM WHERE NAME = ?", realm);
        String partnerId = queryString("SELECT ID FROM BK_NODE WHERE REALM_ID = ? AND KIND = 'PARTNER'", realmId);
        indexTree(realmId, groupIds);
        System.out.printf("  %s: inserting %,d users and %,d grants%n", realm, shape.users(), shape.grants());
        insertUsers(shape, realmId, now);
        insertGrants(shape, realmId, partnerId, now);
        execute("DROP TABLE bench_account, bench_region, bench_location, bench_role_group, bench_user");
        Loaded loaded = count(realmId, now, (System.nanoTime() - t0) / 1_000_000_000L);
        if (loaded.grants() != shape.grants() || loaded.users() != shape.users()) {
            throw new IllegalStateException("loading " + realm + " gave " + loaded);
        }
        return loaded;
    }

    /** Numbers the tree's nodes (account a, region r of it, location l of that) by code, and the role groups by level. */
    private void indexTree(String realmId, Map<String, String> groupIds) throws SQLException {
        execute("CREATE TEMP TABLE bench_account (a int PRIMARY KEY, id varchar(36))");
        execute("CREATE TEMP TABLE bench_region (a int, r int, id varchar(36), PRIMARY KEY (a, r))");
        execute("CREATE TEMP TABLE bench_location (a int, r int, l int, id varchar(36), PRIMARY KEY (a, r, l))");
        execute("CREATE TEMP TABLE bench_role_group (level varchar(16), k int, n int, id varchar(36))");
        update("INSERT INTO bench_account SELECT (row_number() OVER (ORDER BY CODE) - 1)::int, ID FROM BK_NODE"
                + " WHERE REALM_ID = ? AND KIND = 'ACCOUNT'", realmId);
        update("INSERT INTO bench_region SELECT ac.a, (row_number() OVER (PARTITION BY n.PARENT_ID ORDER BY n.CODE) - 1)::int, n.ID"
                + " FROM BK_NODE n JOIN bench_account ac ON ac.id = n.PARENT_ID WHERE n.REALM_ID = ? AND n.KIND = 'REGION'", realmId);
        update("INSERT INTO bench_location SELECT rg.a, rg.r, (row_number() OVER (PARTITION BY n.PARENT_ID ORDER BY n.CODE) - 1)::int, n.ID"
                + " FROM BK_NODE n JOIN bench_region rg ON rg.id = n.PARENT_ID WHERE n.REALM_ID = ? AND n.KIND = 'LOCATION'", realmId);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_role_group VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, List<String>> level : AccessShape.ROLE_GROUPS_BY_LEVEL.entrySet()) {
                List<String> names = level.getValue();
                for (int k = 0; k < names.size(); k++) {
                    String id = groupIds.get(names.get(k));
                    if (id == null) {
                        throw new IllegalStateException("no template role group named " + names.get(k) + " in " + groupIds.keySet());
                    }
                    insert.setString(1, level.getKey());
                    insert.setInt(2, k);
                    insert.setInt(3, names.size());
                    insert.setString(4, id);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        execute("ANALYZE bench_account, bench_region, bench_location, bench_role_group");
    }

    /** Keycloak's USER_ENTITY rows, as Keycloak itself writes them for a user with an email address. */
    private void insertUsers(AccessShape shape, String realmId, long now) throws SQLException {
        TreeShape tree = shape.tree();
        execute("CREATE TEMP TABLE bench_user (u int PRIMARY KEY, id varchar(36), persona int, a int, r int, l int)");
        update("INSERT INTO bench_user SELECT u, md5(? || ':user:' || u)::uuid::text, " + hash("u", 3) + " % 100, u % "
                + tree.accounts() + ", " + hash("u", 1) + " % " + tree.regionsPerAccount() + ", " + hash("u", 2) + " % "
                + tree.locationsPerRegion() + " FROM generate_series(0, " + (shape.users() - 1) + ") u", shape.realm());
        execute("ANALYZE bench_user");
        update("INSERT INTO USER_ENTITY (ID, USERNAME, EMAIL, EMAIL_CONSTRAINT, EMAIL_VERIFIED, ENABLED, FIRST_NAME, LAST_NAME,"
                + " REALM_ID, CREATED_TIMESTAMP, NOT_BEFORE)"
                + " SELECT id, 'bench-user-' || lpad(u::text, 6, '0'), 'bench-user-' || lpad(u::text, 6, '0') || '@example.com',"
                + " 'bench-user-' || lpad(u::text, 6, '0') || '@example.com', true, true, 'Bench', 'User ' || u, ?, ?, 0"
                + " FROM bench_user", realmId, now);
    }

    private void insertGrants(AccessShape shape, String realmId, String partnerId, long now) throws SQLException {
        TreeShape tree = shape.tree();
        int perUser = shape.grantsPerUser();
        String level = "CASE WHEN persona < 75 THEN 'LOCATION'"
                + " WHEN persona < 93 THEN CASE WHEN k < 60 THEN 'LOCATION' ELSE 'REGION' END"
                + " WHEN persona < 99 THEN CASE WHEN k < 50 THEN 'LOCATION' WHEN k < 80 THEN 'REGION' ELSE 'ACCOUNT' END"
                + " ELSE CASE WHEN k < 40 THEN 'LOCATION' WHEN k < 70 THEN 'REGION' WHEN k < 90 THEN 'ACCOUNT' ELSE 'PARTNER' END END";
        String grants = "SELECT i, id AS user_id, a, r, l, " + level + " AS level, " + hash("i", 5) + " AS spread, "
                + hash("i", 6) + " AS pick, " + hash("i", 7) + " % 100 AS w"
                + " FROM (SELECT bu.*, bu.u * " + perUser + " + j AS i, " + hash("bu.u * " + perUser + " + j", 4) + " % 100 AS k"
                + " FROM bench_user bu CROSS JOIN generate_series(0, " + (perUser - 1) + ") j) g";
        // ? 1 realm name, 2 realm id, 3 partner id, 4-9 now, 10 now
        update("INSERT INTO BK_GRANT (ID, REALM_ID, USER_ID, NODE_ID, ROLE_GROUP_ID, STARTS_AT, ENDS_AT, GRANTED_BY, GRANTED_AT)"
                + " SELECT md5(? || ':grant:' || x.i)::uuid::text, ?, x.user_id,"
                + " CASE x.level WHEN 'LOCATION' THEN loc.id WHEN 'REGION' THEN reg.id WHEN 'ACCOUNT' THEN acc.id ELSE ? END,"
                + " rg.id,"
                + " CASE WHEN x.w < 4 THEN ?::bigint - 90 * " + DAY + " WHEN x.w < 7 THEN ?::bigint + (7 + x.i % 30) * " + DAY
                + " WHEN x.w < 10 THEN ?::bigint - 30 * " + DAY + " END,"
                + " CASE WHEN x.w < 4 THEN ?::bigint - (1 + x.i % 60) * " + DAY + " WHEN x.w < 7 THEN ?::bigint + (37 + x.i % 30) * " + DAY
                + " WHEN x.w < 10 THEN ?::bigint + (30 + x.i % 60) * " + DAY + " END,"
                + " 'bkbench', ?::bigint - (x.i % 365) * " + DAY
                + " FROM (" + grants + ") x"
                + " LEFT JOIN bench_location loc ON x.level = 'LOCATION' AND loc.a = x.a AND loc.r = x.r"
                + "   AND loc.l = (x.l + x.spread % 10) % " + tree.locationsPerRegion()
                + " LEFT JOIN bench_region reg ON x.level = 'REGION' AND reg.a = x.a AND reg.r = (x.r + x.spread % 2) % " + tree.regionsPerAccount()
                + " LEFT JOIN bench_account acc ON x.level = 'ACCOUNT' AND acc.a = x.a"
                + " JOIN bench_role_group rg ON rg.level = x.level AND rg.k = x.pick % rg.n",
                shape.realm(), realmId, partnerId, now, now, now, now, now, now, now);
    }

    private Loaded count(String realmId, long now, long seconds) throws SQLException {
        Map<String, Long> byLevel = new LinkedHashMap<>();
        List.of("PARTNER", "ACCOUNT", "REGION", "LOCATION").forEach(level -> byLevel.put(level, 0L));
        long windowed = 0;
        long notInForce = 0;
        try (PreparedStatement s = db.prepareStatement("SELECT n.KIND, count(*),"
                + " count(*) FILTER (WHERE g.STARTS_AT IS NOT NULL OR g.ENDS_AT IS NOT NULL),"
                + " count(*) FILTER (WHERE g.STARTS_AT > ? OR g.ENDS_AT <= ?)"
                + " FROM BK_GRANT g JOIN BK_NODE n ON n.ID = g.NODE_ID WHERE g.REALM_ID = ? GROUP BY n.KIND")) {
            s.setLong(1, now);
            s.setLong(2, now);
            s.setString(3, realmId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byLevel.put(rs.getString(1), rs.getLong(2));
                    windowed += rs.getLong(3);
                    notInForce += rs.getLong(4);
                }
            }
        }
        long users = Long.parseLong(queryString("SELECT count(*) FROM USER_ENTITY WHERE REALM_ID = ? AND USERNAME LIKE 'bench-user-%'", realmId));
        long granted = Long.parseLong(queryString("SELECT count(DISTINCT ROLE_GROUP_ID) FROM BK_GRANT WHERE REALM_ID = ?", realmId));
        long inRealm = Long.parseLong(queryString("SELECT count(*) FROM BK_ROLE_GROUP WHERE REALM_ID = ?", realmId));
        return new Loaded(realmId, users, byLevel, windowed, notInForce, granted, inRealm, seconds);
    }

    /** A deterministic, well-mixed non-negative int of an integer expression; seeds give independent draws. */
    private static String hash(String expression, int seed) {
        return "(hashint8extended((" + expression + ")::bigint, " + seed + ") & 2147483647)";
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    private String queryString(String sql, String parameter) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for " + sql + " with " + parameter);
                }
                return rs.getString(1);
            }
        }
    }
}
