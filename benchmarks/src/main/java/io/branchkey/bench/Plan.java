package io.branchkey.bench;

import java.util.List;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of one logged execution of one of our statements: with the values inlined (the
 * custom plan PostgreSQL makes for these values) and as a prepared statement with a generic plan.
 */
record Plan(Operation operation, PgLog.LoggedStatement statement, String inlinedSql, List<String> customPlan,
            List<String> genericPlan) {
}
