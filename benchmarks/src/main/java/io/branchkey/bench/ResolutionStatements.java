package io.branchkey.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the SQL statements of single resolutions: one probe request (one transaction) per resolution, first
 * for pairs never resolved before (uncached), then for the same pairs again (cached).
 */
final class ResolutionStatements {

    record Counted(StatementProfile uncached, StatementProfile cached) {
    }

    private final ProbeClient probe;
    private final StatementRecorder recorder;

    ResolutionStatements(ProbeClient probe, PostgresServer postgres) {
        this.probe = probe;
        this.recorder = new StatementRecorder(postgres);
    }

    /**
     * @param prime  pairs resolved with logging on but not counted: Keycloak's pooled connections pick up the
     *               new logging settings on their next command
     */
    Map<String, Counted> count(Map<String, List<ResolutionPairs.Pair>> prime, Map<String, List<ResolutionPairs.Pair>> counted)
            throws Exception {
        Map<String, Counted> result = new LinkedHashMap<>();
        recorder.logging(true);
        try {
            for (Map.Entry<String, List<ResolutionPairs.Pair>> e : prime.entrySet()) {
                for (ResolutionPairs.Pair pair : e.getValue()) {
                    probe.resolve(e.getKey(), List.of(pair));
                }
            }
            for (Map.Entry<String, List<ResolutionPairs.Pair>> e : counted.entrySet()) {
                StatementProfile uncached = profile(e.getKey(), "uncached", e.getValue());
                StatementProfile cached = profile(e.getKey(), "cached", e.getValue());
                result.put(e.getKey(), new Counted(uncached, cached));
            }
        } finally {
            recorder.logging(false);
        }
        return result;
    }

    private StatementProfile profile(String realm, String mode, List<ResolutionPairs.Pair> pairs) throws Exception {
        long[] permissions = {0};
        PgLog.Window window = recorder.record(realm + ":" + mode, () -> {
            for (ResolutionPairs.Pair pair : pairs) {
                permissions[0] += probe.resolve(realm, List.of(pair)).sizes()[0];
            }
        });
        StatementProfile profile = new StatementProfile(pairs.size(), permissions[0], window);
        System.out.printf("  %-12s %-8s %5.2f statements per resolution (%.2f ours, %.2f Keycloak, %.2f transaction),"
                        + " %.2f cursor fetches, %.3f ms in PostgreSQL%n", realm, mode, profile.perCall(),
                profile.perCall(StatementProfile.Origin.BRANCHKEY), profile.perCall(StatementProfile.Origin.KEYCLOAK),
                profile.perCall(StatementProfile.Origin.TRANSACTION), profile.fetchesPerCall(), profile.serverMsPerCall());
        return profile;
    }
}
