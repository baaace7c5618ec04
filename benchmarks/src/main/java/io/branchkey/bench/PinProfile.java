package io.branchkey.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Keycloak's CPU time goes in one kind of login, from a Java Flight Recorder recording (see {@link JfrProfile}):
 * each execution sample goes into one bucket by its whole stack, and is also counted by its leaf method (self time).
 */
record PinProfile(int logins, long samples, Map<String, Long> byBucket, Map<String, Long> byLeaf, Map<String, Long> byOurMethod) {

    static final String HASHING = "password hashing (Argon2 / PBKDF2)";
    static final String OURS_SQL = "Branchkey code: its SQL (Hibernate, JDBC, pool, transactions)";
    static final String OURS_MEMORY = "Branchkey code: in memory (assertion check, PIN HMAC, lockout rules, mappers)";
    static final String DATABASE = "Keycloak: database (users, sessions, transactions)";
    static final String ENCODING = "Keycloak: token encoding and signing";
    static final String OTHER = "Keycloak: everything else (HTTP, grant, sessions in memory, other mappers)";
    static final List<String> BUCKETS = List.of(HASHING, OURS_SQL, OURS_MEMORY, DATABASE, ENCODING, OTHER);

    double msPerLogin(String bucket) {
        return byBucket.getOrDefault(bucket, 0L) * JfrProfile.PERIOD_MS / logins;
    }

    double msPerLogin() {
        return samples * JfrProfile.PERIOD_MS / logins;
    }

    static PinProfile parse(Path file, int logins) throws IOException {
        Map<String, Long> byBucket = new LinkedHashMap<>();
        BUCKETS.forEach(b -> byBucket.put(b, 0L));
        Map<String, Long> byLeaf = new LinkedHashMap<>();
        Map<String, Long> byOurMethod = new LinkedHashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            byBucket.merge(bucket(frames), 1L, Long::sum);
            if (!frames.isEmpty()) {
                byLeaf.merge(frames.get(0), 1L, Long::sum);
            }
            frames.stream().filter(f -> f.startsWith("io.branchkey.")).findFirst()
                    .ifPresent(m -> byOurMethod.merge(m.substring("io.branchkey.".length()), 1L, Long::sum));
        }
        return new PinProfile(logins, samples, byBucket, byLeaf, byOurMethod);
    }

    /** The bucket of a stack, leaf first: hashing wherever it is called from, then our code, then Keycloak's. */
    static String bucket(List<String> frames) {
        if (frames.stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("argon2")
                || f.toLowerCase(java.util.Locale.ROOT).contains("pbkdf2"))) {
            return HASHING;
        }
        int ours = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).startsWith("io.branchkey.")) {
                ours = i; // the outermost of our frames
            }
        }
        if (ours >= 0) {
            return frames.subList(0, ours).stream().anyMatch(JfrProfile::database) ? OURS_SQL : OURS_MEMORY;
        }
        if (frames.stream().anyMatch(f -> JfrProfile.database(f) || f.startsWith("org.keycloak.connections.jpa."))) {
            return DATABASE;
        }
        if (frames.stream().anyMatch(f -> f.startsWith("org.keycloak.jose.") || f.startsWith("org.keycloak.crypto.")
                || f.startsWith("org.keycloak.protocol.oidc.TokenManager.encode"))) {
            return ENCODING;
        }
        return OTHER;
    }

    /** The {@code n} entries with most samples, most first. */
    static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).toList();
    }
}
