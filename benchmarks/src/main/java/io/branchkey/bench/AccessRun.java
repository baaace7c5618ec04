package io.branchkey.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Resolves pairs through the probe in batches (one HTTP request, one transaction each), the batches of all
 * realms interleaved in random order so that background noise spreads evenly over them. A pass resolves
 * every pair once: the first pass over fresh pairs is uncached, a second pass over the same pairs cached.
 */
final class AccessRun {

    private final ProbeClient probe;
    private final int batchSize;
    private final Random random;

    AccessRun(ProbeClient probe, int batchSize, Random random) {
        this.probe = probe;
        this.batchSize = batchSize;
        this.random = random;
    }

    private record Batch(String realm, List<ResolutionPairs.Pair> pairs) {
    }

    Map<String, Resolutions> pass(String label, Map<String, List<ResolutionPairs.Pair>> pairsByRealm)
            throws IOException, InterruptedException {
        Map<String, Resolutions> result = new LinkedHashMap<>();
        List<Batch> batches = new ArrayList<>();
        pairsByRealm.forEach((realm, pairs) -> {
            result.put(realm, new Resolutions());
            List<ResolutionPairs.Pair> order = new ArrayList<>(pairs);
            Collections.shuffle(order, random);
            for (int i = 0; i < order.size(); i += batchSize) {
                batches.add(new Batch(realm, order.subList(i, Math.min(order.size(), i + batchSize))));
            }
        });
        Collections.shuffle(batches, random);
        long started = System.nanoTime();
        for (int b = 0; b < batches.size(); b++) {
            Batch batch = batches.get(b);
            ProbeClient.Result answer = probe.resolve(batch.realm(), batch.pairs());
            Resolutions resolutions = result.get(batch.realm());
            for (int i = 0; i < answer.nanos().length; i++) {
                resolutions.add(answer.nanos()[i], answer.sizes()[i], i == 0);
            }
            if ((b + 1) % 50 == 0 || b + 1 == batches.size()) {
                System.out.printf("  %s: batch %d/%d, %d s%n", label, b + 1, batches.size(), (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        return result;
    }
}
