package io.branchkey.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Batches of logins of every kind at every number of client threads, in one shuffled order, so that whatever else
 * the machine or the server does spreads evenly over them. A batch of B logins at T threads is T threads doing B/T
 * logins each, back to back; its wall time runs from the first request to the last answer. Keycloak's and
 * PostgreSQL's CPU time is read before and after each batch (nothing else calls Keycloak meanwhile). Device
 * assertions are signed before the batch starts.
 */
final class PinLoginRun {

    /** Which logins, how many at once. */
    record Target(PinLogins.Kind kind, int threads) {

        String label() {
            return kind.label + ", " + threads + (threads == 1 ? " thread" : " threads");
        }
    }

    /** The batches of one target: per batch, logins, CPU nanoseconds of each server and wall-clock nanoseconds. */
    static final class Series {

        final List<Integer> logins = new ArrayList<>();
        final List<Long> keycloakNanos = new ArrayList<>();
        final List<Long> postgresNanos = new ArrayList<>();
        final List<Long> wallNanos = new ArrayList<>();
        final Latencies latencies = new Latencies();

        int totalLogins() {
            return logins.stream().mapToInt(Integer::intValue).sum();
        }

        double loginsPerSecond() {
            return totalLogins() / (wallNanos.stream().mapToLong(Long::longValue).sum() / 1e9);
        }

        double keycloakMsPerLogin() {
            return keycloakNanos.stream().mapToLong(Long::longValue).sum() / 1e6 / totalLogins();
        }

        double postgresMsPerLogin() {
            return postgresNanos.stream().mapToLong(Long::longValue).sum() / 1e6 / totalLogins();
        }
    }

    private final PinLogins logins;
    private final ProcessCpu cpu;
    private final Random random;
    private final ExecutorService pool;

    PinLoginRun(PinLogins logins, ProcessCpu cpu, Random random, int maxThreads) {
        this.logins = logins;
        this.cpu = cpu;
        this.random = random;
        this.pool = Executors.newFixedThreadPool(maxThreads);
    }

    Map<Target, Series> run(String label, List<Target> targets, int batchesPerTarget, int batchSize) throws Exception {
        Map<Target, Series> result = new LinkedHashMap<>();
        List<Target> batches = new ArrayList<>();
        for (Target target : targets) {
            result.put(target, new Series());
            for (int i = 0; i < batchesPerTarget; i++) {
                batches.add(target);
            }
        }
        Collections.shuffle(batches, random);
        long started = System.nanoTime();
        for (int b = 0; b < batches.size(); b++) {
            Target target = batches.get(b);
            batch(target, batchSize, result.get(target));
            if ((b + 1) % 20 == 0 || b + 1 == batches.size()) {
                System.out.printf("  %s: batch %d/%d, %d s%n", label, b + 1, batches.size(), (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        return result;
    }

    /**
     * Latencies of logins one at a time ({@code perKind} of each kind, in shuffled order), each for a staff member
     * picked at random; only the request is timed.
     */
    Map<PinLogins.Kind, Latencies> oneAtATime(List<PinLogins.Kind> kinds, int perKind) throws Exception {
        Map<PinLogins.Kind, Latencies> result = new LinkedHashMap<>();
        List<PinLogins.Kind> order = new ArrayList<>();
        for (PinLogins.Kind kind : kinds) {
            result.put(kind, new Latencies());
            order.addAll(Collections.nCopies(perKind, kind));
        }
        Collections.shuffle(order, random);
        for (int i = 0; i < order.size(); i++) {
            PinLogins.Prepared login = logins.prepare(order.get(i), 0, random);
            long t0 = System.nanoTime();
            logins.login(login);
            result.get(login.kind()).add(System.nanoTime() - t0);
            if ((i + 1) % 1000 == 0) {
                System.out.printf("  %d/%d logins%n", i + 1, order.size());
            }
        }
        return result;
    }

    /** Stops the client threads. */
    void shutdown() {
        pool.shutdownNow();
    }

    private void batch(Target target, int batchSize, Series series) throws Exception {
        List<List<PinLogins.Prepared>> perThread = new ArrayList<>();
        for (int t = 0; t < target.threads(); t++) {
            List<PinLogins.Prepared> mine = new ArrayList<>();
            for (int i = 0; i < batchSize / target.threads(); i++) {
                mine.add(logins.prepare(target.kind(), t, random));
            }
            perThread.add(mine);
        }
        ProcessCpu.Sample before = cpu.sample();
        long t0 = System.nanoTime();
        List<Future<long[]>> running = new ArrayList<>();
        for (List<PinLogins.Prepared> mine : perThread) {
            running.add(pool.submit(() -> {
                long[] nanos = new long[mine.size()];
                for (int i = 0; i < mine.size(); i++) {
                    long s = System.nanoTime();
                    logins.login(mine.get(i));
                    nanos[i] = System.nanoTime() - s;
                }
                return nanos;
            }));
        }
        List<long[]> done = new ArrayList<>();
        for (Future<long[]> f : running) {
            done.add(f.get());
        }
        long wall = System.nanoTime() - t0;
        ProcessCpu.Sample used = cpu.sample().minus(before);
        series.logins.add(batchSize);
        series.keycloakNanos.add(used.keycloakNanos());
        series.postgresNanos.add(used.postgresNanos());
        series.wallNanos.add(wall);
        done.forEach(nanos -> {
            for (long n : nanos) {
                series.latencies.add(n);
            }
        });
    }
}
