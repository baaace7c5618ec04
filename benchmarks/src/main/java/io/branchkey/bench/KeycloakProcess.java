package io.branchkey.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Keycloak in dev mode ({@code kc.sh start-dev}) on PostgreSQL, its output in a log file. */
final class KeycloakProcess implements AutoCloseable {

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private KeycloakProcess(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts Keycloak; {@code environment} adds variables to its process (e.g. a secret that must not show in ps). */
    static KeycloakProcess start(KeycloakDist dist, String jdbcUrl, Path seedDir, int httpPort, int managementPort,
                                 Path log, Map<String, String> environment) throws IOException {
        for (int port : new int[] {httpPort, managementPort}) {
            if (listening(port)) {
                throw new IllegalStateException("port " + port + " is in use: another Keycloak? Stop it or pick other "
                        + "ports with -Dbench.httpPort=... -Dbench.managementPort=...");
            }
        }
        List<String> command = new ArrayList<>(List.of(dist.home().resolve("bin/kc.sh").toString(), "start-dev",
                "--db=postgres", "--db-url=" + jdbcUrl, "--db-username=postgres", "--db-password=postgres",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--import-realm", "--spi-branchkey-tenant-tree--jpa--seed-dir=" + seedDir.toAbsolutePath()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dist.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        return new KeycloakProcess(builder.start(), "http://localhost:" + httpPort, log);
    }

    String baseUrl() {
        return baseUrl;
    }

    /**
     * The process id of Keycloak's JVM: kc.sh execs it once the build step is done, so it is kc.sh's own id then;
     * a java child of kc.sh otherwise.
     */
    long javaPid() {
        for (ProcessHandle candidate : java.util.stream.Stream.concat(java.util.stream.Stream.of(process.toHandle()),
                process.descendants()).toList()) {
            if (candidate.isAlive() && candidate.info().command().map(c -> c.endsWith("/java")).orElse(false)) {
                return candidate.pid();
            }
        }
        throw new IllegalStateException("no running java process under kc.sh (pid " + process.pid() + ")");
    }

    /** Waits until the master realm answers (the tenant seed is imported before the HTTP listener opens). */
    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout + ", see " + log);
    }

    /** Stops kc.sh and the Java process it started (only those). */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy(); // kc.sh forwards SIGTERM to Keycloak's JVM
        for (ProcessHandle child : children) {
            child.destroy();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                child.destroyForcibly();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
