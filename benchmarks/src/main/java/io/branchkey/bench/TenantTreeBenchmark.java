package io.branchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    static final String NAME = "tenant-tree";

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        String loadAtStart = Machine.awaitQuietMachine(Duration.ofMinutes(10));
        System.out.println("Tenant tree benchmark, load average " + loadAtStart);

        Path runDir = settings.runDir(NAME);
        KeycloakDist.deleteTree(runDir);
        List<TreeShape> shapes = List.of(TreeShape.SMALL, TreeShape.LARGE);
        TreeSeeds seeds = TreeSeeds.write(runDir, shapes, settings.largeViaApi());

        try (BenchStack stack = BenchStack.start(settings, runDir, List.of(KeycloakDist.builtProviderJar(settings.projectRoot())),
                shapes.stream().map(TreeShape::realm).toList(), seeds.importerDir(), Map.of())) {
            PostgresServer postgres = stack.postgres();
            AdminApi api = stack.api();
            List<Operation> operations = new ArrayList<>();
            for (RealmTree tree : seeds.load(api).values()) {
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

            RunFacts facts = new RunFacts(stack.environment(COMMAND, loadAtStart, loadBefore, loadAfter), shapes, seeds.loading(),
                    rows, settings);
            String markdown = new Report(facts, latencies, profiles, plans).render();
            Path resultFile = settings.resultFile(NAME);
            Files.createDirectories(resultFile.getParent());
            Files.writeString(resultFile, markdown);
            System.out.println();
            System.out.println(markdown);
            System.out.println("Written to " + resultFile);
            stack.keepRunningIfAsked();
        }
    }

    private static List<Plan> explain(PostgresServer postgres, Map<Operation, StatementProfile> profiles, String realm)
            throws Exception {
        List<Plan> plans = new ArrayList<>();
        for (Map.Entry<Operation, StatementProfile> entry : profiles.entrySet()) {
            if (!entry.getKey().tree().realm().equals(realm)) {
                continue;
            }
            for (PgLog.LoggedStatement statement : entry.getValue().slowestOfOurs()) {
                plans.add(Plan.of(postgres, entry.getKey().key(), statement));
            }
        }
        return plans;
    }

    private TenantTreeBenchmark() {
    }
}
