package io.branchkey.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Counts the SQL statements of each kind of login (see {@link StatementRecorder}): a number of logins one at a time
 * in one window per kind, after a few logins of every kind that make each pooled connection pick up the logging
 * settings.
 */
final class PinStatements {

    private static final int PRIME_LOGINS = 10;

    private final PinLogins logins;
    private final StatementRecorder recorder;
    private final Random random;

    PinStatements(PinLogins logins, PostgresServer postgres, Random random) {
        this.logins = logins;
        this.recorder = new StatementRecorder(postgres);
        this.random = random;
    }

    Map<PinLogins.Kind, StatementProfile> count(List<PinLogins.Kind> kinds, int calls) throws Exception {
        Map<PinLogins.Kind, StatementProfile> result = new LinkedHashMap<>();
        recorder.logging(true);
        try {
            for (PinLogins.Kind kind : kinds) {
                for (int i = 0; i < PRIME_LOGINS; i++) {
                    logins.login(logins.prepare(kind, 0, random));
                }
            }
            for (PinLogins.Kind kind : kinds) {
                PgLog.Window window = recorder.record(kind.name(), () -> {
                    for (int i = 0; i < calls; i++) {
                        logins.login(logins.prepare(kind, 0, random));
                    }
                });
                StatementProfile p = new StatementProfile(calls, calls, window);
                result.put(kind, p);
                System.out.printf("  %-26s %5.2f statements per login (%.2f Branchkey, %.2f Keycloak, %.2f transaction),"
                                + " %.3f ms in PostgreSQL%n", kind.label, p.perCall(), p.perCall(StatementProfile.Origin.BRANCHKEY),
                        p.perCall(StatementProfile.Origin.KEYCLOAK), p.perCall(StatementProfile.Origin.TRANSACTION),
                        p.serverMsPerCall());
            }
        } finally {
            recorder.logging(false);
        }
        return result;
    }
}
