package io.branchkey.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the SQL statements of refresh-token grants (see {@link StatementRecorder}): in the steady state (claims
 * cached) for both back-office clients, a number of refreshes in one window; and the first refresh with mappers
 * after a change of the realm's access epoch (claims computed afresh), one window each, after the client without
 * mappers has absorbed Keycloak's own reload of the changed realm.
 */
final class RefreshStatements {

    /** @param uncached null for the client without mappers */
    record Counted(StatementProfile cached, StatementProfile uncached) {
    }

    private static final int PRIME_REFRESHES = 10;

    private final RefreshSessions sessions;
    private final ClaimsData data;
    private final StatementRecorder recorder;

    RefreshStatements(RefreshSessions sessions, ClaimsData data, PostgresServer postgres) {
        this.sessions = sessions;
        this.data = data;
        this.recorder = new StatementRecorder(postgres);
    }

    Map<RefreshSessions.Target, Counted> count(List<RefreshSessions.Target> targets, int calls, int uncachedSamples)
            throws Exception {
        Map<RefreshSessions.Target, Counted> result = new LinkedHashMap<>();
        recorder.logging(true);
        try {
            // Every pooled connection picks up the new logging settings on its next command.
            for (RefreshSessions.Target target : targets) {
                for (int i = 0; i < PRIME_REFRESHES; i++) {
                    sessions.refresh(target);
                }
            }
            // All steady-state windows first: each uncached sample changes the realm, and Keycloak reloads it afterwards.
            Map<RefreshSessions.Target, StatementProfile> cached = new LinkedHashMap<>();
            for (RefreshSessions.Target target : targets) {
                PgLog.Window window = recorder.record(target.label() + ":cached", () -> {
                    for (int i = 0; i < calls; i++) {
                        sessions.refresh(target);
                    }
                });
                cached.put(target, new StatementProfile(calls, calls, window));
                print(target, "cached", cached.get(target));
            }
            for (RefreshSessions.Target target : targets) {
                StatementProfile uncached = target.mappers() ? uncached(target, uncachedSamples) : null;
                if (uncached != null) {
                    print(target, "uncached", uncached);
                }
                result.put(target, new Counted(cached.get(target), uncached));
            }
        } finally {
            recorder.logging(false);
        }
        return result;
    }

    private StatementProfile uncached(RefreshSessions.Target with, int samples) throws Exception {
        RefreshSessions.Target without = new RefreshSessions.Target(with.realm(), false);
        String partnerNode = data.partnerNodeId(with.realm());
        List<PgLog.Window> windows = new ArrayList<>();
        String open = null;
        try {
            for (int i = 0; i < samples; i++) {
                if (open == null) {
                    open = data.bumpGrant(with.realm(), partnerNode);
                } else {
                    data.revoke(with.realm(), open);
                    open = null;
                }
                sessions.refresh(without);
                windows.add(recorder.record(with.label() + ":uncached:" + i, () -> sessions.refresh(with)));
            }
        } finally {
            if (open != null) {
                data.revoke(with.realm(), open);
            }
        }
        sessions.refresh(without); // the reload after the last change stays out of the next window too
        return new StatementProfile(samples, samples, PgLog.Window.concat(windows));
    }

    private static void print(RefreshSessions.Target target, String mode, StatementProfile p) {
        System.out.printf("  %-40s %-8s %5.2f statements per refresh (%.2f Branchkey, %.2f Keycloak, %.2f transaction),"
                        + " %.2f cursor fetches, %.3f ms in PostgreSQL%n", target.label(), mode, p.perCall(),
                p.perCall(StatementProfile.Origin.BRANCHKEY), p.perCall(StatementProfile.Origin.KEYCLOAK),
                p.perCall(StatementProfile.Origin.TRANSACTION), p.fetchesPerCall(), p.serverMsPerCall());
    }
}
