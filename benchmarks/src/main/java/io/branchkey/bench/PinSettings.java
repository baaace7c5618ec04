package io.branchkey.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The PIN-login benchmark's own numbers, as system properties (the Maven profile {@code bench} passes them on).
 *
 * @param staff          members of each of the two locations (every one with a PIN, a password and the cashier role)
 * @param batch          logins per batch (CPU time and wall time are read before and after each)
 * @param batches        timed batches per kind of login and number of client threads
 * @param warmupBatches  untimed batches of each before timing
 * @param threads        the numbers of client threads to compare at, e.g. 1 and 2
 * @param latencyLogins  logins, one at a time, timed per mode (PIN-only, tile and PIN) for the latency percentiles
 * @param countCalls     logins per kind whose SQL statements are counted
 * @param profileLogins  logins per kind profiled with Java Flight Recorder after the measurements (0: no profile)
 */
record PinSettings(int staff, int batch, int batches, int warmupBatches, List<Integer> threads, int latencyLogins,
                   int countCalls, int profileLogins) {

    static PinSettings fromSystemProperties() {
        List<Integer> threads = Arrays.stream(System.getProperty("bench.pin.threads", "1,2").split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).map(Integer::valueOf).toList();
        PinSettings s = new PinSettings(BenchSettings.intProperty("bench.pin.staff", 500),
                BenchSettings.intProperty("bench.pin.batch", 20),
                BenchSettings.intProperty("bench.pin.batches", 30),
                BenchSettings.intProperty("bench.pin.warmupBatches", 15),
                threads,
                BenchSettings.intProperty("bench.pin.latencyLogins", 2_000),
                BenchSettings.intProperty("bench.pin.countCalls", 20),
                BenchSettings.intProperty("bench.pin.profileLogins", 1_000));
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1 || s.batch % t != 0)) {
            throw new IllegalArgumentException("bench.pin.threads must be positive numbers that divide bench.pin.batch");
        }
        return s;
    }

    int maxThreads() {
        return threads.stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
