package io.branchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The access-resolution benchmark: PostgreSQL 17 + Keycloak with the freshly built provider jar and the
 * benchmark-only probe; a small (100 locations, 1,000 users, 10,000 grants) and a large realm (10,000 locations,
 * 100,000 users, 1,000,000 grants); effective-permission resolutions timed inside the server, uncached and
 * cached; the SQL statements per resolution and the plan of the resolution query. Writes
 * benchmarks/results/access-resolution.md. Run: {@value #COMMAND}
 */
public final class AccessBenchmark {

    static final String NAME = "access-resolution";
    static final String COMMAND = "mvn -B -pl benchmarks -am package -DskipTests -Pbench -Dbench.which=access";

    /** Pairs resolved with statement logging on before counting starts (see {@link ResolutionStatements}). */
    private static final int PRIME_PAIRS = 10;
    private static final int HTTP_WARMUP_CALLS = 200;

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        AccessSettings access = AccessSettings.fromSystemProperties();
        String loadAtStart = Machine.awaitQuietMachine(Duration.ofMinutes(10));
        System.out.println("Access resolution benchmark, load average " + loadAtStart);

        Path runDir = settings.runDir(NAME);
        KeycloakDist.deleteTree(runDir);
        List<AccessShape> shapes = List.of(AccessShape.SMALL, AccessShape.LARGE);
        TreeSeeds seeds = TreeSeeds.write(runDir, shapes.stream().map(AccessShape::tree).toList(), settings.largeViaApi());
        String secret = ProbeClient.newSecret();
        List<Path> jars = List.of(KeycloakDist.builtProviderJar(settings.projectRoot()), KeycloakDist.builtProbeJar(settings.projectRoot()));

        try (BenchStack stack = BenchStack.start(settings, runDir, jars, shapes.stream().map(AccessShape::realm).toList(),
                seeds.importerDir(), Map.of(ProbeClient.SECRET_ENV, secret))) {
            PostgresServer postgres = stack.postgres();
            AdminApi api = stack.api();
            seeds.load(api);
            long now = System.currentTimeMillis();
            Map<String, AccessData.Loaded> loaded = new LinkedHashMap<>();
            for (AccessShape shape : shapes) {
                loaded.put(shape.realm(), new AccessData(api, postgres).load(shape, now));
            }
            System.out.println("VACUUM (ANALYZE)");
            postgres.vacuumAnalyze();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : List.of("BK_NODE", "BK_NODE_CLOSURE", "BK_ROLE_GROUP", "BK_ROLE_GROUP_PERMISSION", "USER_ENTITY", "BK_GRANT")) {
                rows.put(table, postgres.rowCount(table));
            }

            // Distinct pairs per realm, cut into disjoint sets: warm-up, timed, statement priming, statement counting, HTTP.
            Map<String, List<ResolutionPairs.Pair>> warmup = new LinkedHashMap<>();
            Map<String, List<ResolutionPairs.Pair>> timed = new LinkedHashMap<>();
            Map<String, List<ResolutionPairs.Pair>> prime = new LinkedHashMap<>();
            Map<String, List<ResolutionPairs.Pair>> counted = new LinkedHashMap<>();
            List<ResolutionPairs.Pair> httpPairs = List.of();
            AccessShape large = shapes.get(shapes.size() - 1);
            int resolvedPairs = 0;
            for (int i = 0; i < shapes.size(); i++) {
                AccessShape shape = shapes.get(i);
                int[] sizes = {access.warmup(), access.pairsFor(shape), PRIME_PAIRS, access.countCalls(), shape == large ? access.httpCalls() : 0};
                int total = Arrays.stream(sizes).sum();
                List<ResolutionPairs.Pair> all = ResolutionPairs.draw(postgres, loaded.get(shape.realm()).realmId(), total, 20261201L + i);
                List<List<ResolutionPairs.Pair>> parts = cut(all, sizes);
                warmup.put(shape.realm(), parts.get(0));
                timed.put(shape.realm(), parts.get(1));
                prime.put(shape.realm(), parts.get(2));
                counted.put(shape.realm(), parts.get(3));
                if (shape == large) {
                    httpPairs = parts.get(4);
                }
                resolvedPairs += total;
            }
            if (resolvedPairs >= AccessReport.CACHE_MAX_ENTRIES) {
                throw new IllegalStateException(resolvedPairs + " pairs would overflow the resolution cache ("
                        + AccessReport.CACHE_MAX_ENTRIES + " entries): cached numbers would be partly uncached");
            }

            Random random = new Random(20261201L);
            ProbeClient probe = new ProbeClient(stack.baseUrl(), secret);
            probe.requireGuarded(large.realm());
            AccessRun run = new AccessRun(probe, access.batch(), random);
            System.out.println("Warm-up");
            run.pass("warm-up uncached", warmup);
            run.pass("warm-up cached", warmup);
            timeHttp(api, large.realm(), warmup.get(large.realm()).subList(0, Math.min(HTTP_WARMUP_CALLS, access.warmup())));

            String loadBefore = Machine.loadAverage();
            System.out.println("Timing, load average " + loadBefore);
            Map<String, Resolutions> uncached = run.pass("uncached", timed);
            Map<String, Resolutions> cached = run.pass("cached", timed);
            System.out.println("Timing the admin REST endpoint for context");
            AccessReport.HttpTimes http = new AccessReport.HttpTimes(large.realm(), timeHttp(api, large.realm(), httpPairs),
                    timeHttp(api, large.realm(), httpPairs));
            String loadAfter = Machine.loadAverage();

            System.out.println("Counting SQL statements, " + access.countCalls() + " resolutions per realm and mode");
            Map<String, ResolutionStatements.Counted> statements = new ResolutionStatements(probe, postgres).count(prime, counted);
            List<Plan> plans = new ArrayList<>();
            StatementProfile largeUncached = statements.get(large.realm()).uncached();
            for (PgLog.LoggedStatement s : largeUncached.slowestOfOurs()) {
                plans.add(Plan.of(postgres, "slowest", s));
            }
            for (PgLog.LoggedStatement s : largeUncached.medianOfOurs()) {
                plans.add(Plan.of(postgres, "median", s));
            }

            AccessFacts facts = new AccessFacts(stack.environment(COMMAND, loadAtStart, loadBefore, loadAfter), shapes,
                    seeds.loading(), loaded, rows, access, resolvedPairs);
            String markdown = new AccessReport(facts, uncached, cached, http, statements, plans).render();
            Path resultFile = settings.resultFile(NAME);
            Files.createDirectories(resultFile.getParent());
            Files.writeString(resultFile, markdown);
            System.out.println();
            System.out.println(markdown);
            System.out.println("Written to " + resultFile);
            stack.keepRunningIfAsked();
        }
    }

    /** The admin REST endpoint for a user's effective permissions at a node, one call per pair, client-side time. */
    private static Latencies timeHttp(AdminApi api, String realm, List<ResolutionPairs.Pair> pairs) throws Exception {
        Latencies latencies = new Latencies();
        for (ResolutionPairs.Pair pair : pairs) {
            api.ensureFreshToken();
            String path = realm + "/branchkey/users/" + pair.userId() + "/access/permissions?nodeId=" + pair.nodeId();
            long t0 = System.nanoTime();
            api.get(path);
            latencies.add(System.nanoTime() - t0);
        }
        return latencies;
    }

    private static <T> List<List<T>> cut(List<T> all, int[] sizes) {
        List<List<T>> parts = new ArrayList<>();
        int from = 0;
        for (int size : sizes) {
            parts.add(List.copyOf(all.subList(from, from + size)));
            from += size;
        }
        return parts;
    }

    private AccessBenchmark() {
    }
}
