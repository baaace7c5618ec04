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
 * The PIN-login benchmark: PostgreSQL 17 + Keycloak with the freshly built provider jar; one realm with two locations
 * of the same N staff members (one PIN-only, one with tiles and PIN), registers enrolled at both; password logins
 * (password grant, Keycloak's default password policy) against PIN logins (PIN grant) at the same client, same
 * server, one run, in shuffled batches at 1 and 2 client threads; latency of PIN-only logins at a location with N
 * staff; SQL statements per login. Writes benchmarks/results/pin-login.md. Run: {@value #COMMAND}
 */
public final class PinBenchmark {

    static final String NAME = "pin-login";
    static final String COMMAND = "mvn -B -pl benchmarks -am package -DskipTests -Pbench -Dbench.which=pin";

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        PinSettings pin = PinSettings.fromSystemProperties();
        String loadAtStart = Machine.awaitQuietMachine(Duration.ofMinutes(10));
        System.out.println("PIN login benchmark, load average " + loadAtStart);

        Path runDir = settings.runDir(NAME);
        KeycloakDist.deleteTree(runDir);
        Path seedDir = Files.createDirectories(runDir.resolve("seed"));
        try (BenchStack stack = BenchStack.start(settings, runDir, List.of(KeycloakDist.builtProviderJar(settings.projectRoot())),
                List.of(PinData.REALM), seedDir, Map.of())) {
            PostgresServer postgres = stack.postgres();
            System.out.printf("Loading %d staff members, %d registers per location%n", pin.staff(), pin.maxThreads());
            long d0 = System.nanoTime();
            PinRealm realm = new PinData(stack.api(), stack.baseUrl()).load(pin.staff(), pin.maxThreads());
            long dataSeconds = (System.nanoTime() - d0) / 1_000_000_000L;
            System.out.println("VACUUM (ANALYZE)");
            postgres.vacuumAnalyze();

            PinLogins logins = new PinLogins(realm, stack.baseUrl(), pin.maxThreads());
            Random random = new Random(20261201L);
            Map<PinLogins.Kind, PinReport.Issued> issued = new LinkedHashMap<>();
            for (PinLogins.Kind kind : PinLogins.Kind.values()) {
                issued.put(kind, PinReport.Issued.of(logins.login(logins.prepare(kind, 0, random))));
            }

            List<PinLoginRun.Target> targets = new ArrayList<>();
            for (int threads : pin.threads()) {
                for (PinLogins.Kind kind : PinLogins.Kind.values()) {
                    targets.add(new PinLoginRun.Target(kind, threads));
                }
            }
            ProcessCpu cpu = new ProcessCpu(stack.keycloakPid(), postgres.serverPid());
            PinLoginRun run = new PinLoginRun(logins, cpu, random, pin.maxThreads());
            try {
                System.out.printf("Warm-up: %d batches of %d logins per kind and thread count%n", pin.warmupBatches(), pin.batch());
                run.run("warm-up", targets, pin.warmupBatches(), pin.batch());
                String loadBefore = Machine.loadAverage();
                System.out.printf("Timing: %d batches of %d logins per kind and thread count, load average %s%n",
                        pin.batches(), pin.batch(), loadBefore);
                Map<PinLoginRun.Target, PinLoginRun.Series> series = run.run("timed", targets, pin.batches(), pin.batch());
                series.forEach((target, s) -> System.out.printf("  %-40s %7.1f logins/s, p99 %7.2f ms, %.2f ms Keycloak CPU,"
                                + " %.2f ms PostgreSQL CPU per login%n", target.label(), s.loginsPerSecond(),
                        s.latencies.percentileMs(99), s.keycloakMsPerLogin(), s.postgresMsPerLogin()));

                System.out.printf("Latency: %d logins per PIN mode, one at a time%n", pin.latencyLogins());
                Map<PinLogins.Kind, Latencies> latencies = run.oneAtATime(List.of(PinLogins.Kind.PIN_ONLY, PinLogins.Kind.PIN_TILE),
                        pin.latencyLogins());
                latencies.forEach((kind, l) -> System.out.printf("  %-26s p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        kind.label, l.percentileMs(50), l.percentileMs(90), l.percentileMs(99), l.maxMs()));
                String loadAfter = Machine.loadAverage();

                System.out.println("Counting SQL statements");
                Map<PinLogins.Kind, StatementProfile> statements = new PinStatements(logins, postgres, random)
                        .count(List.of(PinLogins.Kind.values()), pin.countCalls());

                Map<PinLogins.Kind, PinProfile> profiles = new LinkedHashMap<>();
                if (pin.profileLogins() > 0) {
                    System.out.println("Profiling with Java Flight Recorder, " + pin.profileLogins() + " logins per kind");
                    JfrProfile jfr = new JfrProfile(stack.keycloakPid(), runDir);
                    for (PinLogins.Kind kind : PinLogins.Kind.values()) {
                        Path file = jfr.recording("bkbench-" + kind.name().toLowerCase(java.util.Locale.ROOT), () -> {
                            for (int i = 0; i < pin.profileLogins(); i++) {
                                logins.login(logins.prepare(kind, 0, random));
                            }
                        });
                        PinProfile profile = PinProfile.parse(file, pin.profileLogins());
                        profiles.put(kind, profile);
                        System.out.printf("  %-26s %.2f ms sampled per login%n", kind.label, profile.msPerLogin());
                        PinProfile.BUCKETS.forEach(b -> System.out.printf("    %6.2f ms  %s%n", profile.msPerLogin(b), b));
                        PinProfile.top(profile.byLeaf(), 12).forEach(e -> System.out.printf("    %6.2f ms  leaf %s%n",
                                e.getValue() * JfrProfile.PERIOD_MS / pin.profileLogins(), e.getKey()));
                    }
                }

                PinReport.Facts facts = new PinReport.Facts(stack.environment(COMMAND, loadAtStart, loadBefore, loadAfter),
                        realm, pin, dataSeconds, issued);
                String markdown = new PinReport(facts, series, latencies, statements, profiles).render();
                Path resultFile = settings.resultFile(NAME);
                Files.createDirectories(resultFile.getParent());
                Files.writeString(resultFile, markdown);
                System.out.println();
                System.out.println(markdown);
                System.out.println("Written to " + resultFile);
            } finally {
                run.shutdown();
            }
            stack.keepRunningIfAsked();
        }
    }

    private PinBenchmark() {
    }
}
