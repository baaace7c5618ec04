package io.branchkey.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SQL statements PostgreSQL ran for a number of calls of one operation.
 *
 * @param items what the calls returned altogether (nodes, say; an object counts as one)
 */
record StatementProfile(int calls, long items, PgLog.Window window) {

    enum Origin { BRANCHKEY, KEYCLOAK, TRANSACTION }

    private static final Pattern OURS = Pattern.compile("(?i)\\bbk_");
    private static final Pattern TRANSACTION = Pattern.compile(
            "(?i)^(begin|commit|rollback|start transaction|savepoint|release|set |show |select 1$).*", Pattern.DOTALL);

    static Origin origin(String sql) {
        if (TRANSACTION.matcher(sql).matches()) {
            return Origin.TRANSACTION;
        }
        return OURS.matcher(sql).find() ? Origin.BRANCHKEY : Origin.KEYCLOAK;
    }

    /** Statements per call; fetches from a statement's open cursor are not statements of their own. */
    double perCall() {
        return statements().count() / (double) calls;
    }

    double perCall(Origin origin) {
        return statements().filter(s -> origin(s.sql()) == origin).count() / (double) calls;
    }

    /** Extra round trips reading further rows of a cursor (JDBC fetch size), per call. */
    double fetchesPerCall() {
        return window.statements().stream().filter(PgLog.LoggedStatement::fetch).count() / (double) calls;
    }

    private java.util.stream.Stream<PgLog.LoggedStatement> statements() {
        return window.statements().stream().filter(s -> !s.fetch());
    }

    double itemsPerCall() {
        return items / (double) calls;
    }

    double serverMsPerCall() {
        return window.serverMs() / calls;
    }

    /** Distinct statement texts (bind parameters stay $n) with how often each ran, in order of first appearance. */
    Map<String, Long> distinct() {
        Map<String, Long> counts = new LinkedHashMap<>();
        statements().forEach(s -> counts.merge(s.sql(), 1L, Long::sum));
        return counts;
    }

    /** The execution of median duration of each of our statements: a typical one. */
    List<PgLog.LoggedStatement> medianOfOurs() {
        Map<String, List<PgLog.LoggedStatement>> bySql = new LinkedHashMap<>();
        statements().filter(s -> origin(s.sql()) == Origin.BRANCHKEY)
                .forEach(s -> bySql.computeIfAbsent(s.sql(), k -> new java.util.ArrayList<>()).add(s));
        return bySql.values().stream().map(all -> all.stream()
                .sorted(Comparator.comparingDouble(PgLog.LoggedStatement::executeMs)).toList().get(all.size() / 2)).toList();
    }

    /** The slowest execution of each of our statements: the one worth an EXPLAIN ANALYZE. */
    List<PgLog.LoggedStatement> slowestOfOurs() {
        Map<String, PgLog.LoggedStatement> slowest = new LinkedHashMap<>();
        for (PgLog.LoggedStatement s : statements().toList()) {
            if (origin(s.sql()) == Origin.BRANCHKEY) {
                slowest.merge(s.sql(), s, (a, b) -> b.executeMs() > a.executeMs() ? b : a);
            }
        }
        return slowest.values().stream().sorted(Comparator.comparingDouble(PgLog.LoggedStatement::executeMs).reversed()).toList();
    }
}
