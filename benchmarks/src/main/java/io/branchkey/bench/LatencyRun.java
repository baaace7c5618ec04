package io.branchkey.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times every operation of every realm: rounds of one call each, in a new random order per round, so background
 * noise spreads evenly over the operations. One call at a time over one keep-alive connection; the time is the
 * whole HTTP round trip including reading the body. Tokens are renewed between rounds, never inside a timing.
 */
final class LatencyRun {

    private final AdminApi api;
    private final Random random;

    LatencyRun(AdminApi api, Random random) {
        this.api = api;
        this.random = random;
    }

    Map<Operation, Latencies> run(List<Operation> operations, int warmupRounds, int rounds) throws IOException, InterruptedException {
        Map<Operation, Latencies> result = new LinkedHashMap<>();
        operations.forEach(op -> result.put(op, new Latencies()));
        List<Operation> order = new ArrayList<>(operations);
        long started = System.nanoTime();
        int total = warmupRounds + rounds;
        for (int round = 0; round < total; round++) {
            boolean timed = round >= warmupRounds;
            api.ensureFreshToken();
            Collections.shuffle(order, random);
            for (Operation op : order) {
                String path = op.path().apply(random);
                long t0 = System.nanoTime();
                api.get(path);
                long elapsed = System.nanoTime() - t0;
                if (timed) {
                    result.get(op).add(elapsed);
                }
            }
            if ((round + 1) % 250 == 0 || round + 1 == total) {
                System.out.printf("  round %d/%d (%d warm-up), %d s%n", round + 1, total, warmupRounds,
                        (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        return result;
    }
}
