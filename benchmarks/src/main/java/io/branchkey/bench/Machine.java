package io.branchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Facts about the machine and the checkout, for the report. */
final class Machine {

    private Machine() {
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The 1-minute load average, or -1 if unknown. */
    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Waits (at most maxWait) until the 1-minute load average is at most half the cores, so that other work on
     * the machine does not skew the numbers; returns the load average it starts with.
     */
    static String awaitQuietMachine(java.time.Duration maxWait) throws InterruptedException {
        double limit = Runtime.getRuntime().availableProcessors() / 2.0;
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (load1() > limit && System.nanoTime() < deadline) {
            System.out.printf("Load average %s is above %.1f: waiting for a quieter machine (at most %d min)%n",
                    loadAverage(), limit, maxWait.toMinutes());
            Thread.sleep(30_000);
        }
        return loadAverage();
    }

    static String cpu() {
        try {
            String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
            return Runtime.getRuntime().availableProcessors() + " cores, " + model;
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors() + " cores";
        }
    }

    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB RAM").orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    static String os() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
    }

    static String java() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /**
     * The command line Maven was started with (its launcher script exports it as MAVEN_CMD_LINE_ARGS to the
     * processes it starts), so a result records exactly what produced it; the fallback if unknown.
     */
    static String mavenCommand(String fallback) {
        String args = System.getenv("MAVEN_CMD_LINE_ARGS");
        return args == null || args.isBlank() ? fallback : "mvn " + args.trim().replaceAll("\\s+", " ");
    }

    /** The commit, and whether providers/ (the code under test) differs from it. */
    static String providersRevision(Path root) {
        String commit = git(root, "rev-parse", "--short", "HEAD");
        String changes = git(root, "status", "--porcelain", "--", "providers");
        return commit + (changes.isBlank() ? " (providers/ unchanged from it)" : " (providers/ has uncommitted changes)");
    }

    private static String git(Path root, String... args) {
        try {
            String[] command = new String[args.length + 3];
            command[0] = "git";
            command[1] = "-C";
            command[2] = root.toString();
            System.arraycopy(args, 0, command, 3, args.length);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
