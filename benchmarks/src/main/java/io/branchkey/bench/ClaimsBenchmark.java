package io.branchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The claims benchmark: PostgreSQL 17 + Keycloak with the freshly built provider jar; four realms where a partner's
 * staff member reaches 10, 100, 1,000 and 5,000 locations (account grants plus 5 % per-location exceptions) and a
 * cashier holds one location; access-token sizes per scope and for the register; Keycloak's CPU time per refresh
 * grant with Branchkey's mappers on and off, same server, one run; SQL statements per refresh. Writes
 * benchmarks/results/claims.md. Run: {@value #COMMAND}
 */
public final class ClaimsBenchmark {

    static final String NAME = "claims";
    static final String COMMAND = "mvn -B -pl benchmarks -am package -DskipTests -Pbench -Dbench.which=claims";

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        ClaimsSettings claims = ClaimsSettings.fromSystemProperties();
        String loadAtStart = Machine.awaitQuietMachine(Duration.ofMinutes(10));
        System.out.println("Claims benchmark, load average " + loadAtStart);

        Path runDir = settings.runDir(NAME);
        KeycloakDist.deleteTree(runDir);
        List<ClaimsShape> shapes = ClaimsShape.ALL;
        TreeSeeds seeds = TreeSeeds.write(runDir, shapes.stream().map(ClaimsShape::tree).toList(),
                tree -> tree.locations() >= ClaimsShape.API_LOAD_FROM);

        try (BenchStack stack = BenchStack.start(settings, runDir, List.of(KeycloakDist.builtProviderJar(settings.projectRoot())),
                shapes.stream().map(ClaimsShape::realm).toList(), seeds.importerDir(), Map.of())) {
            PostgresServer postgres = stack.postgres();
            AdminApi api = stack.api();
            seeds.load(api);
            String password = newPassword();
            ClaimsData data = new ClaimsData(api, postgres, password);
            long d0 = System.nanoTime();
            List<ClaimsRealm> loaded = new ArrayList<>();
            for (ClaimsShape shape : shapes) {
                System.out.println("Users, grants and clients in " + shape.realm());
                loaded.add(data.load(shape));
            }
            long dataSeconds = (System.nanoTime() - d0) / 1_000_000_000L;
            System.out.println("VACUUM (ANALYZE)");
            postgres.vacuumAnalyze();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : List.of("BK_NODE", "BK_NODE_CLOSURE", "BK_GRANT", "USER_ENTITY", "CLIENT")) {
                rows.put(table, postgres.rowCount(table));
            }

            System.out.println("Token sizes");
            TokenEndpoint tokens = new TokenEndpoint(stack.baseUrl());
            TokenSizes sizes = new TokenSizes(tokens, new ClaimsClients(api), password);
            List<ClaimsRealm> realms = new ArrayList<>();
            List<TokenSizes.Row> sizeRows = new ArrayList<>();
            for (ClaimsRealm realm : loaded) {
                ClaimsRealm ready = sizes.realClaims(realm);
                realms.add(ready);
                sizeRows.addAll(sizes.measure(ready));
            }

            RefreshSessions sessions = RefreshSessions.open(tokens, realms, password);
            ProcessCpu cpu = new ProcessCpu(stack.keycloakPid(), postgres.serverPid());
            RefreshCpuRun run = new RefreshCpuRun(sessions, cpu, new Random(20261124L));
            System.out.printf("Warm-up: %,d refreshes per realm and client%n", claims.warmup());
            run.run("warm-up", claims.warmup(), claims.batch());
            String loadBefore = Machine.loadAverage();
            System.out.printf("Timing: %,d refreshes per realm and client, load average %s%n", claims.refreshes(), loadBefore);
            Map<RefreshSessions.Target, RefreshCpuRun.Series> series = run.run("timed", claims.refreshes(), claims.batch());
            String loadAfter = Machine.loadAverage();
            series.forEach((target, s) -> System.out.printf("  %-40s %.3f ms Keycloak CPU, %.3f ms PostgreSQL CPU per refresh%n",
                    target.label(), s.keycloakMsPerRefresh(), s.postgresMsPerRefresh()));

            System.out.println("First token after a change, " + claims.firstTokens() + " samples per realm");
            Map<String, FirstTokenCost.Costs> firstTokens = new FirstTokenCost(sessions, data, cpu).measure(realms, claims.firstTokens());

            System.out.println("Counting SQL statements");
            Map<RefreshSessions.Target, RefreshStatements.Counted> statements = new RefreshStatements(sessions, data, postgres)
                    .count(sessions.targets(), claims.countCalls(), claims.uncachedCounts());

            Map<RefreshSessions.Target, JfrProfile.Profile> profiles = new LinkedHashMap<>();
            if (claims.profileRefreshes() > 0) {
                System.out.println("Profiling with Java Flight Recorder, " + claims.profileRefreshes() + " refreshes per realm and client");
                JfrProfile jfr = new JfrProfile(stack.keycloakPid(), runDir);
                for (RefreshSessions.Target target : sessions.targets()) {
                    int locations = target.realm().shape().locations();
                    if (ClaimsReport.CPU_TARGETS.containsKey(locations)) {
                        String name = "bkbench-" + locations + (target.mappers() ? "-with" : "-without");
                        profiles.put(target, jfr.record(name, claims.profileRefreshes(), () -> {
                            for (int i = 0; i < claims.profileRefreshes(); i++) {
                                sessions.refresh(target);
                            }
                        }));
                        System.out.printf("  %-40s %.3f ms sampled per refresh%n", target.label(), profiles.get(target).msPerRefresh());
                    }
                }
            }

            ClaimsFacts facts = new ClaimsFacts(stack.environment(COMMAND, loadAtStart, loadBefore, loadAfter), realms,
                    seeds.loading(), data.groupSizes(), dataSeconds, rows, claims);
            String markdown = new ClaimsReport(facts, sizeRows, series, firstTokens, statements, profiles).render();
            Path resultFile = settings.resultFile(NAME);
            Files.createDirectories(resultFile.getParent());
            Files.writeString(resultFile, markdown);
            System.out.println();
            System.out.println(markdown);
            System.out.println("Written to " + resultFile);
            stack.keepRunningIfAsked();
        }
    }

    /** The benchmark users' password: made up per run, kept in memory, never printed. */
    static String newPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private ClaimsBenchmark() {
    }
}
