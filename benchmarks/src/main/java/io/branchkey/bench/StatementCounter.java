package io.branchkey.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Counts the statements each operation of the tenant-tree benchmark causes, N calls at a time (see
 * {@link StatementRecorder}).
 */
final class StatementCounter {

    private final AdminApi api;
    private final StatementRecorder recorder;
    private final Random random;

    StatementCounter(AdminApi api, PostgresServer postgres, Random random) {
        this.api = api;
        this.recorder = new StatementRecorder(postgres);
        this.random = random;
    }

    Map<Operation, StatementProfile> count(List<Operation> operations, int calls) throws Exception {
        Map<Operation, StatementProfile> result = new LinkedHashMap<>();
        recorder.logging(true);
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
                long[] items = {0};
                PgLog.Window window = recorder.record(op.tree().realm() + ":" + op.key(), () -> {
                    for (int i = 0; i < calls; i++) {
                        JsonNode body = api.getJson(op.path().apply(random));
                        items[0] += body.isArray() ? body.size() : 1;
                    }
                });
                StatementProfile profile = new StatementProfile(calls, items[0], window);
                result.put(op, profile);
                System.out.printf("  %-12s %-18s %5.2f statements per call (%.2f ours, %.2f Keycloak, %.2f transaction),"
                                + " %.2f cursor fetches, %.2f ms in PostgreSQL%n",
                        op.tree().realm(), op.key(), profile.perCall(), profile.perCall(StatementProfile.Origin.BRANCHKEY),
                        profile.perCall(StatementProfile.Origin.KEYCLOAK), profile.perCall(StatementProfile.Origin.TRANSACTION),
                        profile.fetchesPerCall(), profile.serverMsPerCall());
            }
        } finally {
            recorder.logging(false);
        }
        return result;
    }
}
