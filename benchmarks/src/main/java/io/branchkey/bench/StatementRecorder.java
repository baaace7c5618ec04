package io.branchkey.bench;

import java.sql.SQLException;

/**
 * Records the SQL statements that other connections (Keycloak's) run while an action runs: with statement
 * logging on, a marker, the action, a marker; everything PostgreSQL logged in between belongs to the action.
 */
final class StatementRecorder {

    /** Something that makes Keycloak run statements, such as a number of API calls. */
    interface Action {
        void run() throws Exception;
    }

    private final PostgresServer postgres;
    private final PgLog log;

    StatementRecorder(PostgresServer postgres) {
        this.postgres = postgres;
        this.log = new PgLog(postgres.logFile());
    }

    /** Statement logging on (log_statement=all, log_min_duration_statement=0) or off. */
    void logging(boolean on) throws SQLException, InterruptedException {
        postgres.statementLogging(on);
    }

    /** The statements of the action, which must not overlap with other work of Keycloak's. */
    PgLog.Window record(String label, Action action) throws Exception {
        Thread.sleep(200); // background work of earlier calls ends outside the window
        String start = postgres.mark("start:" + label);
        action.run();
        Thread.sleep(300); // a commit after the response has been sent still belongs to the window
        String end = postgres.mark("end:" + label);
        return log.between(start, end);
    }
}
