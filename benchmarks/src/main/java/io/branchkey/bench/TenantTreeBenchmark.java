package io.branchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The tenant-tree benchmark: PostgreSQL 17 + Keycloak with the freshly built provider jar, two seeded realms
 * (100 and 10,000 locations), latencies of subtree, ancestors and children calls, and the SQL statements per
 * call. Writes benchmarks/results/tenant-tree.md. Run: mvn -B -pl benchmarks -am package -DskipTests -Pbench
 */
public final class TenantTreeBenchmark {

    static final String COMMAND = "mvn -B -pl benchmarks -am package -DskipTests -Pbench";

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        String loadAtStart = Machine.awaitQuietMachine(Duration.ofMinutes(10));
        System.out.println("Tenant tree benchmark, load average " + loadAtStart);

        Path runDir = settings.runDir();
        KeycloakDist.deleteTree(runDir);
        Path seedDir = Files.createDirectories(runDir.resolve("seed"));
        Path apiSeedDir = Files.createDirectories(runDir.resolve("seed-via-api"));
        List<TreeShape> shapes = List.of(TreeShape.SMALL, TreeShape.LARGE);
        Map<String, String> loading = new LinkedHashMap<>();
        for (TreeShape shape : shapes) {
            boolean viaApi = shape == TreeShape.LARGE && settings.largeViaApi();
            new SeedWriter().write(shape, (viaApi ? apiSeedDir : seedDir).resolve(shape.realm() + ".json"));
            loading.put(shape.realm(), viaApi ? "through the admin API (`POST nodes`, one call per node)"
                    : "by the seed importer at startup (`--spi-branchkey-tenant-tree--jpa--seed-dir`)");
        }

        Path providerJar = KeycloakDist.builtProviderJar(settings.projectRoot());
        System.out.println("Keycloak " + settings.keycloakVersion() + " from " + settings.distZip() + ", provider " + providerJar);
        KeycloakDist dist = KeycloakDist.unpacked(settings.distZip(), settings.keycloakVersion(), settings.workDir());
        boolean newJar = dist.installProvider(providerJar);
        dist.importRealms(shapes.stream().map(TreeShape::realm).toList());

        try (PostgresServer postgres = PostgresServer.start(runDir)) {
            System.out.println(postgres.version() + " at " + postgres.jdbcUrl() + ", log " + postgres.logFile());
            long t0 = System.nanoTime();
            Path kcLog = runDir.resolve("keycloak.log");
            System.out.println("Starting Keycloak (log: " + kcLog + ")");
            try (KeycloakProcess keycloak = KeycloakProcess.start(dist, postgres.jdbcUrl(), seedDir, settings.httpPort(),
                    settings.managementPort(), kcLog)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(keycloak)));
                keycloak.awaitReady(Duration.ofMinutes(20));
                long startSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
                System.out.println("Keycloak ready after " + startSeconds + " s");

                AdminApi api = new AdminApi(keycloak.baseUrl());
                for (TreeShape shape : shapes) {
                    Path file = apiSeedDir.resolve(shape.realm() + ".json");
                    if (Files.exists(file)) {
                        long l0 = System.nanoTime();
                        int nodes = new ApiTreeLoader(api).load(file);
                        long seconds = (System.nanoTime() - l0) / 1_000_000_000L;
                        loading.merge(shape.realm(), String.format(": %,d nodes in %d s", nodes, seconds), String::concat);
                    }
                }
                List<Operation> operations = new ArrayList<>();
                for (TreeShape shape : shapes) {
                    RealmTree tree = RealmTree.await(api, shape, Duration.ofMinutes(10));
                    System.out.println("Realm " + shape.realm() + ": " + shape.describe());
                    operations.addAll(Operation.all(tree));
                }
                postgres.vacuumAnalyze();
                Map<String, Long> rows = new LinkedHashMap<>();
                for (String table : List.of("BK_NODE", "BK_NODE_CLOSURE", "BK_NODE_EXTERNAL_ID")) {
                    rows.put(table, postgres.rowCount(table));
                }

                Random random = new Random(20261122L);
                String loadBefore = Machine.loadAverage();
                System.out.printf("Timing %d operations x %,d calls (+%,d warm-up), load average %s%n", operations.size(),
                        settings.calls(), settings.warmup(), loadBefore);
                Map<Operation, Latencies> latencies = new LatencyRun(api, random).run(operations, settings.warmup(), settings.calls());
                String loadAfter = Machine.loadAverage();

                System.out.println("Counting SQL statements, " + settings.countCalls() + " calls per operation");
                Map<Operation, StatementProfile> profiles = new StatementCounter(api, postgres, random)
                        .count(operations, settings.countCalls());
                List<Plan> plans = explain(postgres, profiles, shapes.get(shapes.size() - 1).realm());

                RunFacts facts = new RunFacts(date, COMMAND, Machine.cpu() + ", " + Machine.memory(), Machine.os(), Machine.java(),
                        settings.keycloakVersion(), postgres.version(), Machine.providersRevision(settings.projectRoot()),
                        loadAtStart, loadBefore, loadAfter, startSeconds, newJar, shapes, loading, rows, settings);
                String markdown = new Report(facts, latencies, profiles, plans).render();
                Files.createDirectories(settings.resultFile().getParent());
                Files.writeString(settings.resultFile(), markdown);
                System.out.println();
                System.out.println(markdown);
                System.out.println("Written to " + settings.resultFile());
                if (Boolean.getBoolean("bench.keepRunning")) {
                    System.out.println("-Dbench.keepRunning: Keycloak at " + keycloak.baseUrl() + " (admin/admin), PostgreSQL at "
                            + postgres.jdbcUrl() + " (user postgres) stay up until you press Ctrl-C");
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
        }
    }

    private static List<Plan> explain(PostgresServer postgres, Map<Operation, StatementProfile> profiles, String realm)
            throws Exception {
        List<Plan> plans = new ArrayList<>();
        for (StatementProfile profile : profiles.values()) {
            if (!profile.operation().tree().realm().equals(realm)) {
                continue;
            }
            for (PgLog.LoggedStatement statement : profile.slowestOfOurs()) {
                String sql = PgLog.inline(statement);
                plans.add(new Plan(profile.operation(), statement, sql, postgres.explainAnalyze(sql),
                        postgres.explainGenericPlan(statement.sql(), PgLog.parameterLiterals(statement))));
            }
        }
        return plans;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("while stopping: " + e);
        }
    }

    private TenantTreeBenchmark() {
    }
}
