package io.branchkey.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * What every benchmark runs against: a fresh PostgreSQL 17 and Keycloak (dev mode) with the freshly built jars,
 * the given realms imported (empty) and tenant seed files in {@code seedDir} imported at startup.
 */
final class BenchStack implements AutoCloseable {

    private final BenchSettings settings;
    private final PostgresServer postgres;
    private final KeycloakProcess keycloak;
    private final AdminApi api;
    private final long startSeconds;
    private final boolean jarsWereNew;
    private final String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));

    private BenchStack(BenchSettings settings, PostgresServer postgres, KeycloakProcess keycloak, long startSeconds,
                       boolean jarsWereNew) {
        this.settings = settings;
        this.postgres = postgres;
        this.keycloak = keycloak;
        this.api = new AdminApi(keycloak.baseUrl());
        this.startSeconds = startSeconds;
        this.jarsWereNew = jarsWereNew;
    }

    /**
     * @param environment extra environment variables of the Keycloak process
     */
    static BenchStack start(BenchSettings settings, Path runDir, List<Path> providerJars, List<String> realms,
                            Path seedDir, Map<String, String> environment) throws Exception {
        System.out.println("Keycloak " + settings.keycloakVersion() + " from " + settings.distZip() + ", providers " + providerJars);
        KeycloakDist dist = KeycloakDist.unpacked(settings.distZip(), settings.keycloakVersion(), settings.workDir());
        boolean jarsWereNew = dist.installProviders(providerJars);
        dist.importRealms(realms);
        PostgresServer postgres = PostgresServer.start(runDir);
        try {
            System.out.println(postgres.version() + " at " + postgres.jdbcUrl() + ", log " + postgres.logFile());
            long t0 = System.nanoTime();
            Path kcLog = runDir.resolve("keycloak.log");
            System.out.println("Starting Keycloak (log: " + kcLog + ")");
            KeycloakProcess keycloak = KeycloakProcess.start(dist, postgres.jdbcUrl(), seedDir, settings.httpPort(),
                    settings.managementPort(), kcLog, environment);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(keycloak)));
            try {
                keycloak.awaitReady(Duration.ofMinutes(20));
            } catch (Exception e) {
                closeQuietly(keycloak);
                throw e;
            }
            long startSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
            System.out.println("Keycloak ready after " + startSeconds + " s");
            return new BenchStack(settings, postgres, keycloak, startSeconds, jarsWereNew);
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
    }

    PostgresServer postgres() {
        return postgres;
    }

    AdminApi api() {
        return api;
    }

    String baseUrl() {
        return keycloak.baseUrl();
    }

    /** The process id of Keycloak's JVM (for its CPU time). */
    long keycloakPid() {
        return keycloak.javaPid();
    }

    /** The facts of this run for the report; the command is the one Maven was started with, if known. */
    Environment environment(String fallbackCommand, String loadAtStart, String loadBefore, String loadAfter) throws Exception {
        return new Environment(date, Machine.mavenCommand(fallbackCommand), Machine.cpu() + ", " + Machine.memory(),
                Machine.os(), Machine.java(), settings.keycloakVersion(), postgres.version(),
                Machine.providersRevision(settings.projectRoot()), loadAtStart, loadBefore, loadAfter, startSeconds,
                jarsWereNew, settings.httpPort());
    }

    /** With -Dbench.keepRunning=true: leaves both servers up for a look until Ctrl-C. */
    void keepRunningIfAsked() throws InterruptedException {
        if (Boolean.getBoolean("bench.keepRunning")) {
            System.out.println("-Dbench.keepRunning: Keycloak at " + keycloak.baseUrl() + " (admin/admin), PostgreSQL at "
                    + postgres.jdbcUrl() + " (user postgres) stay up until you press Ctrl-C");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            keycloak.close();
        } finally {
            postgres.close();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }
}
