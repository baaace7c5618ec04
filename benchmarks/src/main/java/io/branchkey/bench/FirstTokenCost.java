package io.branchkey.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost of the first token after a change, for context: the claims are cached per (user, scope) until the
 * realm's access epoch changes. Each sample changes the epoch (a grant to, or its revocation from, a bystander
 * user), lets the client without mappers absorb Keycloak's own reload of the changed realm, and then times one
 * refresh each: without mappers, with mappers (claims computed afresh), with mappers again (claims cached).
 * Time is measured client side (wall clock) and as Keycloak's CPU time summed over its threads.
 */
final class FirstTokenCost {

    /** Wall-clock and CPU nanoseconds of each kind of refresh in one realm. */
    record Costs(Latencies withoutWall, Latencies withoutCpu, Latencies uncachedWall, Latencies uncachedCpu,
                 Latencies cachedWall, Latencies cachedCpu) {
    }

    private final RefreshSessions sessions;
    private final ClaimsData data;
    private final ProcessCpu cpu;

    FirstTokenCost(RefreshSessions sessions, ClaimsData data, ProcessCpu cpu) {
        this.sessions = sessions;
        this.data = data;
        this.cpu = cpu;
    }

    Map<String, Costs> measure(List<ClaimsRealm> realms, int samples) throws Exception {
        Map<String, Costs> result = new LinkedHashMap<>();
        for (ClaimsRealm realm : realms) {
            Costs costs = new Costs(new Latencies(), new Latencies(), new Latencies(), new Latencies(), new Latencies(), new Latencies());
            RefreshSessions.Target with = new RefreshSessions.Target(realm, true);
            RefreshSessions.Target without = new RefreshSessions.Target(realm, false);
            String partnerNode = data.partnerNodeId(realm);
            String open = null;
            try {
                for (int i = 0; i < samples; i++) {
                    if (open == null) {
                        open = data.bumpGrant(realm, partnerNode);
                    } else {
                        data.revoke(realm, open);
                        open = null;
                    }
                    sessions.refresh(without); // Keycloak reloads the changed realm here
                    time(without, costs.withoutWall(), costs.withoutCpu());
                    time(with, costs.uncachedWall(), costs.uncachedCpu());
                    time(with, costs.cachedWall(), costs.cachedCpu());
                }
            } finally {
                if (open != null) {
                    data.revoke(realm, open);
                }
            }
            System.out.printf("  %s: first token after a change, median %.2f ms CPU with mappers (%.2f cached, %.2f without)%n",
                    realm.realm(), costs.uncachedCpu().percentileMs(50), costs.cachedCpu().percentileMs(50),
                    costs.withoutCpu().percentileMs(50));
            result.put(realm.realm(), costs);
        }
        return result;
    }

    private void time(RefreshSessions.Target target, Latencies wall, Latencies cpuTime) throws IOException, InterruptedException {
        long c0 = cpu.keycloakThreadNanos();
        long t0 = System.nanoTime();
        sessions.refresh(target);
        long t1 = System.nanoTime();
        long c1 = cpu.keycloakThreadNanos();
        wall.add(t1 - t0);
        cpuTime.add(Math.max(0, c1 - c0));
    }
}
