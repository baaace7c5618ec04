package io.branchkey.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Keycloak's CPU time goes, from Java Flight Recorder's execution samples (every 10 ms per running Java
 * thread; GC and JIT threads are not sampled): a recording is started in the running server with jcmd, some work
 * is done, and each sample is put into one bucket by its stack.
 */
final class JfrProfile {

    static final double PERIOD_MS = 10;
    static final String MAPPER_SQL = "Branchkey mappers: their SQL (Hibernate, JDBC, connection pool)";
    static final String MAPPER_MEMORY = "Branchkey mappers: in memory (cached access, claim objects, JSON size check)";
    static final String DATABASE = "Keycloak: database outside the mappers (transaction begin/commit, sessions)";
    static final String ENCODING = "Keycloak: token encoding and signing";
    static final String OTHER = "Keycloak: everything else (HTTP, refresh-token check, sessions, other mappers)";
    static final List<String> BUCKETS = List.of(MAPPER_SQL, MAPPER_MEMORY, DATABASE, ENCODING, OTHER);

    /** Work to profile. */
    interface Action {
        void run() throws Exception;
    }

    /**
     * The samples of one recording: per bucket, and per Branchkey method nearest to the leaf (where our own code
     * was, or called out from).
     */
    record Profile(int refreshes, long samples, long truncated, Map<String, Long> byBucket, Map<String, Long> byOurMethod) {

        double msPerRefresh(String bucket) {
            return byBucket.getOrDefault(bucket, 0L) * PERIOD_MS / refreshes;
        }

        double msPerRefresh() {
            return samples * PERIOD_MS / refreshes;
        }
    }

    private final long pid;
    private final Path dir;
    private boolean configured;

    JfrProfile(long pid, Path dir) {
        this.pid = pid;
        this.dir = dir;
    }

    Profile record(String name, int refreshes, Action action) throws Exception {
        return parse(recording(name, action), refreshes);
    }

    /** Records while the action runs; returns the recording file (in the run directory). */
    Path recording(String name, Action action) throws Exception {
        if (!configured) {
            jcmd("JFR.configure", "stackdepth=512"); // Keycloak's request stacks are deeper than the default 64 frames
            configured = true;
        }
        jcmd("JFR.start", "name=" + name, "settings=profile");
        action.run();
        Path file = dir.resolve(name + ".jfr").toAbsolutePath();
        jcmd("JFR.stop", "name=" + name, "filename=" + file);
        return file;
    }

    static Profile parse(Path file, int refreshes) throws IOException {
        Map<String, Long> byBucket = new LinkedHashMap<>();
        BUCKETS.forEach(b -> byBucket.put(b, 0L));
        Map<String, Long> byMethod = new LinkedHashMap<>();
        long samples = 0;
        long truncated = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            truncated += event.getStackTrace().isTruncated() ? 1 : 0;
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            byBucket.merge(bucket(frames), 1L, Long::sum);
            frames.stream().filter(f -> f.startsWith("io.branchkey.")).findFirst()
                    .ifPresent(m -> byMethod.merge(m.substring("io.branchkey.".length()), 1L, Long::sum));
        }
        return new Profile(refreshes, samples, truncated, byBucket, byMethod);
    }

    /** The bucket of a stack, leaf first. */
    static String bucket(List<String> frames) {
        int ours = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).startsWith("io.branchkey.")) {
                ours = i; // the outermost (nearest the root) of our frames
            }
        }
        if (ours >= 0) {
            return frames.subList(0, ours).stream().anyMatch(JfrProfile::database) ? MAPPER_SQL : MAPPER_MEMORY;
        }
        if (frames.stream().anyMatch(f -> database(f) || f.startsWith("org.keycloak.connections.jpa."))) {
            return DATABASE;
        }
        if (frames.stream().anyMatch(f -> f.startsWith("org.keycloak.jose.") || f.startsWith("org.keycloak.crypto.")
                || f.startsWith("org.keycloak.protocol.oidc.TokenManager.encode"))) {
            return ENCODING;
        }
        return OTHER;
    }

    static boolean database(String frame) {
        return frame.startsWith("org.hibernate.") || frame.startsWith("org.postgresql.") || frame.startsWith("io.agroal.")
                || frame.startsWith("com.arjuna.") || frame.startsWith("io.quarkus.narayana.");
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid)));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.contains("Could not") || out.contains("Exception")) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + out.trim());
        }
    }
}
