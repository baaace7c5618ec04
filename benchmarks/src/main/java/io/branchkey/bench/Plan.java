package io.branchkey.bench;

import java.util.List;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of one logged execution of one of our statements, made for the call labelled (an
 * operation, say): with the values inlined (the custom plan PostgreSQL makes for these values) and as a
 * prepared statement with a generic plan.
 */
record Plan(String label, PgLog.LoggedStatement statement, String inlinedSql, List<String> customPlan,
            List<String> genericPlan) {

    /** Both plans of one logged execution (its parameters inlined, and as a generic prepared statement). */
    static Plan of(PostgresServer postgres, String label, PgLog.LoggedStatement statement) throws Exception {
        String sql = PgLog.inline(statement);
        return new Plan(label, statement, sql, postgres.explainAnalyze(sql),
                postgres.explainGenericPlan(statement.sql(), PgLog.parameterLiterals(statement)));
    }
}
