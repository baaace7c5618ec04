package io.branchkey.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of the servers under test, read from Linux's /proc: Keycloak's JVM (all its threads, also those that
 * have ended) and PostgreSQL (the postmaster, its live backends, and the backends that have ended).
 */
final class ProcessCpu {

    /** One reading of both servers' CPU time so far, in nanoseconds. */
    record Sample(long keycloakNanos, long postgresNanos) {

        Sample minus(Sample earlier) {
            return new Sample(keycloakNanos - earlier.keycloakNanos, postgresNanos - earlier.postgresNanos);
        }
    }

    private final long keycloakPid;
    private final long postmasterPid;
    private final long nanosPerTick;

    ProcessCpu(long keycloakPid, long postmasterPid) {
        this.keycloakPid = keycloakPid;
        this.postmasterPid = postmasterPid;
        this.nanosPerTick = 1_000_000_000L / clockTicksPerSecond();
    }

    /** utime + stime from /proc/&lt;pid&gt;/stat: whole process, kernel clock ticks (typically 10 ms). */
    Sample sample() throws IOException {
        long postgres = ticks(postmasterPid, true);
        for (ProcessHandle backend : ProcessHandle.of(postmasterPid).map(p -> p.children().toList()).orElse(java.util.List.of())) {
            postgres += ticks(backend.pid(), false);
        }
        return new Sample(ticks(keycloakPid, false) * nanosPerTick, postgres * nanosPerTick);
    }

    /**
     * Keycloak's CPU time to the nanosecond: the sum over its live threads of the time on CPU the scheduler
     * accounts in /proc/&lt;pid&gt;/task/&lt;tid&gt;/schedstat. Fine-grained enough for a single request, but a
     * thread that ends between two readings takes its time with it: use it over short spans only.
     */
    long keycloakThreadNanos() throws IOException {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(keycloakPid), "task"))) {
            for (Path task : tasks) {
                try {
                    sum += parseSchedstat(Files.readString(task.resolve("schedstat")));
                } catch (NoSuchFileException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return sum;
    }

    private static long ticks(long pid, boolean withEndedChildren) throws IOException {
        try {
            return parseStatTicks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")), withEndedChildren);
        } catch (NoSuchFileException ended) {
            return 0; // a backend that ended between listing and reading: its time is in the postmaster's cutime now
        }
    }

    /**
     * utime + stime (fields 14 and 15 of /proc/&lt;pid&gt;/stat), plus cutime + cstime (16, 17: children waited
     * for) if asked. The command name (field 2) is in parentheses and may contain spaces: fields are counted
     * after its closing parenthesis.
     */
    static long parseStatTicks(String stat, boolean withEndedChildren) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): field n is f[n - 3]
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withEndedChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
    }

    /** The first field of a schedstat line: nanoseconds on CPU. */
    static long parseSchedstat(String line) {
        return Long.parseLong(line.trim().split("\\s+")[0]);
    }

    static long clockTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
