package io.branchkey.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Refresh-token grants of all sessions, in batches whose order is shuffled across realms and clients, so that
 * whatever else the machine or the server does spreads evenly over them. Keycloak's and PostgreSQL's CPU time
 * is read before and after each batch (nothing else calls Keycloak meanwhile).
 */
final class RefreshCpuRun {

    /** The batches of one session: per batch, refreshes, CPU nanoseconds of each server, and wall-clock nanoseconds. */
    static final class Series {

        final List<Integer> refreshes = new ArrayList<>();
        final List<Long> keycloakNanos = new ArrayList<>();
        final List<Long> postgresNanos = new ArrayList<>();
        final List<Long> wallNanos = new ArrayList<>();

        int totalRefreshes() {
            return refreshes.stream().mapToInt(Integer::intValue).sum();
        }

        double keycloakMsPerRefresh() {
            return keycloakNanos.stream().mapToLong(Long::longValue).sum() / 1e6 / totalRefreshes();
        }

        double postgresMsPerRefresh() {
            return postgresNanos.stream().mapToLong(Long::longValue).sum() / 1e6 / totalRefreshes();
        }

        double wallMsPerRefresh() {
            return wallNanos.stream().mapToLong(Long::longValue).sum() / 1e6 / totalRefreshes();
        }
    }

    private final RefreshSessions sessions;
    private final ProcessCpu cpu;
    private final Random random;

    RefreshCpuRun(RefreshSessions sessions, ProcessCpu cpu, Random random) {
        this.sessions = sessions;
        this.cpu = cpu;
        this.random = random;
    }

    /** {@code perTarget} refreshes of every session in batches of {@code batchSize}. */
    Map<RefreshSessions.Target, Series> run(String label, int perTarget, int batchSize) throws IOException, InterruptedException {
        Map<RefreshSessions.Target, Series> result = new LinkedHashMap<>();
        List<RefreshSessions.Target> batches = new ArrayList<>();
        for (RefreshSessions.Target target : sessions.targets()) {
            result.put(target, new Series());
            for (int i = 0; i < perTarget / batchSize; i++) {
                batches.add(target);
            }
        }
        Collections.shuffle(batches, random);
        long started = System.nanoTime();
        for (int b = 0; b < batches.size(); b++) {
            RefreshSessions.Target target = batches.get(b);
            ProcessCpu.Sample before = cpu.sample();
            long t0 = System.nanoTime();
            for (int i = 0; i < batchSize; i++) {
                sessions.refresh(target);
            }
            long wall = System.nanoTime() - t0;
            ProcessCpu.Sample used = cpu.sample().minus(before);
            Series series = result.get(target);
            series.refreshes.add(batchSize);
            series.keycloakNanos.add(used.keycloakNanos());
            series.postgresNanos.add(used.postgresNanos());
            series.wallNanos.add(wall);
            if ((b + 1) % 20 == 0 || b + 1 == batches.size()) {
                System.out.printf("  %s: batch %d/%d, %d s%n", label, b + 1, batches.size(), (System.nanoTime() - started) / 1_000_000_000L);
            }
        }
        return result;
    }
}
