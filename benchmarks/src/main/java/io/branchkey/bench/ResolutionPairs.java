package io.branchkey.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The (user, location) pairs whose effective permissions are resolved, drawn from the loaded data, all
 * distinct so that a pair is never resolved before its turn. As a resolution mostly asks about a user where
 * they work, 90 % are a random location at or below one of the user's grants (a random grant's user), and
 * 10 % a random user at a random location, which mostly finds no grant at all.
 */
final class ResolutionPairs {

    record Pair(String userId, String nodeId) {
    }

    static final int REACHING_PERCENT = 90;

    private ResolutionPairs() {
    }

    static List<Pair> draw(PostgresServer postgres, String realmId, int count, long seed) throws SQLException {
        Connection db = postgres.connection();
        Random random = new Random(seed);
        Map<String, List<String>> locationsBelow = new HashMap<>();
        try (ResultSet rs = query(db, "SELECT ANCESTOR_ID, DESCENDANT_ID FROM BK_NODE_CLOSURE WHERE REALM_ID = ?"
                + " AND DESCENDANT_KIND = 'LOCATION' ORDER BY ANCESTOR_ID, DESCENDANT_ID", realmId)) {
            while (rs.next()) {
                locationsBelow.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<String> locations = locationsBelow.values().stream().flatMap(List::stream).distinct().sorted().toList();
        List<String> users = strings(db, "SELECT ID FROM USER_ENTITY WHERE REALM_ID = ? AND USERNAME LIKE 'bench-user-%' ORDER BY ID", realmId);

        int reaching = count * REACHING_PERCENT / 100;
        List<String[]> grants = new ArrayList<>();
        try (ResultSet rs = query(db, "SELECT USER_ID, NODE_ID FROM BK_GRANT WHERE REALM_ID = ? ORDER BY md5(ID || '"
                + seed + "') LIMIT " + 4L * count, realmId)) {
            while (rs.next()) {
                grants.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        Set<Pair> pairs = new LinkedHashSet<>();
        // In a small realm the grants may give fewer distinct pairs than asked on a first round: grants above a
        // location give other locations on the next.
        for (int round = 0; round < 10 && pairs.size() < reaching; round++) {
            for (int g = 0; g < grants.size() && pairs.size() < reaching; g++) {
                List<String> below = locationsBelow.get(grants.get(g)[1]);
                pairs.add(new Pair(grants.get(g)[0], below.get(random.nextInt(below.size()))));
            }
        }
        if (pairs.size() < reaching) {
            throw new IllegalStateException("only " + pairs.size() + " distinct pairs reached by grants, " + reaching + " needed");
        }
        while (pairs.size() < count) {
            pairs.add(new Pair(users.get(random.nextInt(users.size())), locations.get(random.nextInt(locations.size()))));
        }
        List<Pair> shuffled = new ArrayList<>(pairs);
        Collections.shuffle(shuffled, random);
        return shuffled;
    }

    private static ResultSet query(Connection db, String sql, String parameter) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        s.closeOnCompletion();
        s.setString(1, parameter);
        return s.executeQuery();
    }

    private static List<String> strings(Connection db, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = query(db, sql, parameter)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
