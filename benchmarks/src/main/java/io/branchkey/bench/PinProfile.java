package io.branchkey.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Keycloak's CPU time goes in one kind of login, from a Java Flight Recorder recording (see {@link JfrProfile}):
 * each execution sample goes into one bucket by what its stack is doing (see {@link #bucket}), and is also counted by
 * its leaf method (self time) and by the Branchkey method nearest the leaf.
 */
record PinProfile(int logins, long samples, Map<String, Long> byBucket, Map<String, Long> byLeaf, Map<String, Long> byOurMethod) {

    static final String HASHING = "password hashing (Argon2, PBKDF2)";
    static final String DEVICE = "device proof: assertion parsing, signature check, replay record, device lookup (Branchkey)";
    static final String PIN = "PIN check: lockout rows, credential or blind-index lookup, HMAC (Branchkey)";
    static final String MAPPERS = "Branchkey's claim mappers";
    static final String ENCODING = "token encoding and signing (Keycloak)";
    static final String DATABASE = "other database work (users, sessions, transactions)";
    static final String OTHER = "everything else (HTTP, grant handling, sessions in memory)";
    static final List<String> BUCKETS = List.of(HASHING, DEVICE, PIN, MAPPERS, ENCODING, DATABASE, OTHER);

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

    /** The bucket of a stack: the first of {@link #BUCKETS} whose code is anywhere on it. */
    static String bucket(List<String> frames) {
        if (frames.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).contains("argon2") || f.toLowerCase(Locale.ROOT).contains("pbkdf2"))) {
            return HASHING;
        }
        if (frames.stream().anyMatch(f -> f.startsWith("io.branchkey.device.") && !f.startsWith("io.branchkey.device.grant."))) {
            return DEVICE;
        }
        if (frames.stream().anyMatch(f -> f.startsWith("io.branchkey.pin.") && !f.startsWith("io.branchkey.pin.login."))) {
            return PIN;
        }
        if (frames.stream().anyMatch(f -> f.startsWith("io.branchkey.oidc."))) {
            return MAPPERS;
        }
        if (frames.stream().anyMatch(f -> f.startsWith("org.keycloak.jose.") || f.startsWith("org.keycloak.crypto.")
                || f.startsWith("org.keycloak.protocol.oidc.TokenManager.encode"))) {
            return ENCODING;
        }
        if (frames.stream().anyMatch(f -> JfrProfile.database(f) || f.startsWith("org.keycloak.connections.jpa."))) {
            return DATABASE;
        }
        return OTHER;
    }

    /** The {@code n} entries with most samples, most first. */
    static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n).toList();
    }
}
