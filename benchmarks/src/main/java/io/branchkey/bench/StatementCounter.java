package io.branchkey.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Counts the statements each operation causes: with statement logging on, a marker, N calls, a marker; every
 * statement PostgreSQL logged in between from any connection but the benchmark's own belongs to the calls.
 */
final class StatementCounter {

    private final AdminApi api;
    private final PostgresServer postgres;
    private final PgLog log;
    private final Random random;

    StatementCounter(AdminApi api, PostgresServer postgres, Random random) {
        this.api = api;
        this.postgres = postgres;
        this.log = new PgLog(postgres.logFile());
        this.random = random;
    }

    Map<Operation, StatementProfile> count(List<Operation> operations, int calls)
            throws IOException, InterruptedException, SQLException {
        Map<Operation, StatementProfile> result = new LinkedHashMap<>();
        postgres.statementLogging(true);
        try {
            // Every pooled connection that serves these calls picks up the new logging settings on its next command.
            for (int i = 0; i < 5; i++) {
                api.ensureFreshToken();
                for (Operation op : operations) {
                    api.get(op.path().apply(random));
                }
            }
            for (Operation op : operations) {
                if (api.ensureFreshToken()) {
                    Thread.sleep(2000); // a new token writes a user session, partly in the background: let it finish
                }
                Thread.sleep(200);
                String start = postgres.mark("start:" + op.tree().realm() + ":" + op.key());
                long items = 0;
                for (int i = 0; i < calls; i++) {
                    JsonNode body = api.getJson(op.path().apply(random));
                    items += body.isArray() ? body.size() : 1;
                }
                Thread.sleep(300); // a commit after the response has been sent still belongs to the window
                String end = postgres.mark("end:" + op.tree().realm() + ":" + op.key());
                StatementProfile profile = new StatementProfile(op, calls, items, log.between(start, end));
                result.put(op, profile);
                System.out.printf("  %-12s %-18s %5.2f statements per call (%.2f ours, %.2f Keycloak, %.2f transaction),"
                                + " %.2f cursor fetches, %.2f ms in PostgreSQL%n",
                        op.tree().realm(), op.key(), profile.perCall(), profile.perCall(StatementProfile.Origin.BRANCHKEY),
                        profile.perCall(StatementProfile.Origin.KEYCLOAK), profile.perCall(StatementProfile.Origin.TRANSACTION),
                        profile.fetchesPerCall(), profile.serverMsPerCall());
            }
        } finally {
            postgres.statementLogging(false);
        }
        return result;
    }
}
