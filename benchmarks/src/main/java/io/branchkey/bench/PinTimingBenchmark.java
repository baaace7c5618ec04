package io.branchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Does a refused PIN's answer time tell whom the tile named? At a register in tile-and-PIN mode, four kinds of
 * refused PIN grant are timed client side, interleaved in random order: a wrong PIN for a member who has a PIN, a
 * PIN for a member who has none, for a user who is no member, and for an id nobody has. Each attempt starts from
 * the same state: the device's and the credential's failures are cleared (untimed) after every attempt, so none
 * is answered early by a lock. Median difference to the first kind with a bootstrap 95% interval. Writes
 * benchmarks/results/pin-timing.md. Run: {@value #COMMAND}
 */
public final class PinTimingBenchmark {

    static final String NAME = "pin-timing";
    static final String COMMAND = "mvn -B -pl benchmarks -am package -DskipTests -Pbench -Dbench.which=pin-timing";
    static final String REALM = "bench-pin-timing";
    static final String CLIENT = "bench-register";
    /** The target: every kind's median within this of the first kind's, with a 95% interval that includes 0. */
    static final double TARGET_MS = 0.1;
    private static final int PEOPLE_PER_KIND = 10;
    private static final int RESAMPLES = 4000;

    enum Kind {
        WRONG_PIN("wrong PIN, member with a PIN"),
        NO_PIN("any PIN, member without a PIN"),
        NOT_MEMBER("any PIN, user who is no member"),
        UNKNOWN_USER("any PIN, id of nobody");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private record Person(String id, String pin) {
        @Override
        public String toString() {
            return "Person[" + id + "]"; // never the PIN
        }
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        int attempts = Integer.getInteger("bench.timing.attempts", 2000);
        int warmup = Integer.getInteger("bench.timing.warmup", 300);
        String loadAtStart = Machine.awaitQuietMachine(Duration.ofMinutes(10));
        System.out.println("PIN timing benchmark, load average " + loadAtStart);

        Path runDir = settings.runDir(NAME);
        KeycloakDist.deleteTree(runDir);
        Path seedDir = Files.createDirectories(runDir.resolve("seed"));
        try (BenchStack stack = BenchStack.start(settings, runDir, List.of(KeycloakDist.builtProviderJar(settings.projectRoot())),
                List.of(REALM), seedDir, Map.of())) {
            AdminApi api = stack.api();
            PinTimingBenchmark bench = new PinTimingBenchmark(api, stack.baseUrl());
            bench.load();
            stack.postgres().vacuumAnalyze();
            Random random = new Random(20261207L);

            System.out.printf("Warm-up: %d attempts per kind%n", warmup);
            bench.run(warmup, random);
            String loadBefore = Machine.loadAverage();
            System.out.printf("Timing: %d attempts per kind, interleaved, load average %s%n", attempts, loadBefore);
            Map<Kind, List<Long>> nanos = bench.run(attempts, random);
            String loadAfter = Machine.loadAverage();

            Map<Kind, double[]> ms = new EnumMap<>(Kind.class);
            nanos.forEach((kind, list) -> ms.put(kind, list.stream().mapToDouble(n -> n / 1e6).sorted().toArray()));
            String markdown = report(stack.environment(COMMAND, loadAtStart, loadBefore, loadAfter), attempts, warmup, ms,
                    random);
            Path resultFile = settings.resultFile(NAME);
            Files.createDirectories(resultFile.getParent());
            Files.writeString(resultFile, markdown);
            System.out.println();
            System.out.println(markdown);
            System.out.println("Written to " + resultFile);
            stack.keepRunningIfAsked();
        }
    }

    private final AdminApi api;
    private final String baseUrl;
    private final TokenEndpoint endpoint;
    private final Map<Kind, List<Person>> people = new EnumMap<>(Kind.class);
    private BenchDevice register;

    private PinTimingBenchmark(AdminApi api, String baseUrl) {
        this.api = api;
        this.baseUrl = baseUrl;
        this.endpoint = new TokenEndpoint(baseUrl);
    }

    /** One account, one tile-and-PIN store, one register; members with and without PINs, outsiders. */
    private void load() throws Exception {
        api.ensureFreshToken();
        String account = node("ACCOUNT", null, "Timing Co");
        String store = node("LOCATION", account, "Timing store");
        // the location's hourly failure budget would otherwise stop the run: every attempt here is a failure
        api.put(REALM + "/branchkey/pin-policy", "{\"locationHourlyFailureBudget\":100000}");
        api.get(REALM + "/branchkey/catalog");
        String cashier = null;
        for (JsonNode group : AdminApi.JSON.readTree(api.post(REALM + "/branchkey/role-groups/templates/klicktrack", ""))) {
            if (PinData.CASHIER_GROUP.equals(group.path("name").asText())) {
                cashier = group.path("id").asText();
            }
        }
        new ClaimsClients(api).createRegister(REALM, CLIENT, Map.of("branchkey.device-grants", "true"), List.of());
        String password = ClaimsBenchmark.newPassword();
        for (Kind kind : List.of(Kind.WRONG_PIN, Kind.NO_PIN, Kind.NOT_MEMBER)) {
            List<Person> list = new ArrayList<>();
            for (int i = 0; i < PEOPLE_PER_KIND; i++) {
                String id = user(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + i, password);
                if (kind != Kind.NOT_MEMBER) {
                    api.put(REALM + "/branchkey/nodes/" + store + "/users/" + id, "");
                    api.post(REALM + "/branchkey/grants", AdminApi.JSON.createObjectNode().put("userId", id)
                            .put("nodeId", store).put("roleGroupId", cashier).toString());
                }
                String pin = kind == Kind.NO_PIN ? null : AdminApi.JSON.readTree(
                        api.post(REALM + "/branchkey/users/" + id + "/pin/generate", "")).path("pin").asText();
                list.add(new Person(id, pin));
            }
            people.put(kind, list);
        }
        List<Person> nobody = new ArrayList<>();
        for (int i = 0; i < PEOPLE_PER_KIND; i++) {
            nobody.add(new Person(UUID.randomUUID().toString(), null));
        }
        people.put(Kind.UNKNOWN_USER, nobody);
        register = BenchDevice.enroll(api, baseUrl, REALM, store, "register");
    }

    /** {@code perKind} refused attempts of every kind in one shuffled order; the nanoseconds of each, by kind. */
    private Map<Kind, List<Long>> run(int perKind, Random random) throws Exception {
        List<Kind> order = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            order.addAll(Collections.nCopies(perKind, kind));
        }
        Collections.shuffle(order, random);
        Map<Kind, List<Long>> nanos = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            nanos.put(kind, new ArrayList<>(perKind));
        }
        int done = 0;
        for (Kind kind : order) {
            List<Person> candidates = people.get(kind);
            Person person = candidates.get(random.nextInt(candidates.size()));
            String pin = wrongPin(person.pin(), random);
            String assertion = register.assertion();
            long start = System.nanoTime();
            int status = endpoint.pinStatus(REALM, CLIENT, assertion, pin, person.id());
            long elapsed = System.nanoTime() - start;
            if (status != 400) {
                throw new IllegalStateException(kind + ": expected 400, got " + status);
            }
            nanos.get(kind).add(elapsed);
            // the next attempt starts unlocked, whatever this one was
            if (done % 100 == 0) {
                api.ensureFreshToken();
            }
            api.post(REALM + "/branchkey/devices/" + register.id() + "/unlock", "");
            if (kind == Kind.WRONG_PIN) {
                api.post(REALM + "/branchkey/users/" + person.id() + "/pin/unlock", "");
            }
            if (++done % 1000 == 0) {
                System.out.printf("  %d attempts%n", done);
            }
        }
        return nanos;
    }

    private static String wrongPin(String pin, Random random) {
        while (true) {
            String guess = String.format("%06d", random.nextInt(1_000_000));
            if (!guess.equals(pin)) {
                return guess;
            }
        }
    }

    private String node(String kind, String parentId, String name) throws Exception {
        ObjectNode body = AdminApi.JSON.createObjectNode().put("kind", kind).put("name", name).put("parentId", parentId);
        if ("LOCATION".equals(kind)) {
            body.put("code", "TIMING-001");
        }
        return AdminApi.JSON.readTree(api.post(REALM + "/branchkey/nodes", body.toString())).path("id").asText();
    }

    private String user(String username, String password) throws Exception {
        ObjectNode user = AdminApi.JSON.createObjectNode();
        user.put("username", username).put("firstName", "Timing").put("lastName", username).put("enabled", true);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        api.ensureFreshToken();
        return api.create(REALM + "/users", user.toString());
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The 2.5th and 97.5th percentiles of median(b) - median(a) over bootstrap resamples of both. */
    static double[] medianDifferenceInterval(double[] a, double[] b, Random random) {
        double[] differences = new double[RESAMPLES];
        double[] ra = new double[a.length];
        double[] rb = new double[b.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < a.length; i++) {
                ra[i] = a[random.nextInt(a.length)];
            }
            for (int i = 0; i < b.length; i++) {
                rb[i] = b[random.nextInt(b.length)];
            }
            java.util.Arrays.sort(ra);
            java.util.Arrays.sort(rb);
            differences[r] = median(rb) - median(ra);
        }
        java.util.Arrays.sort(differences);
        return new double[] {differences[(int) (RESAMPLES * 0.025)], differences[(int) (RESAMPLES * 0.975) - 1]};
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static String report(Environment env, int attempts, int warmup, Map<Kind, double[]> ms, Random random) {
        Markdown md = new Markdown();
        md.line("# PIN timing benchmark: does a refused tile attempt's time tell who has a PIN?");
        md.line();
        md.line("Target (issue 14): *in tile mode, every refusal takes the same time: over at least 1,000 attempts of each"
                + " kind, the median difference is under 0.1 ms with a 95% interval that includes 0.*");
        md.line();
        md.line("Generated by `io.branchkey.bench.PinTimingBenchmark`; see [../README.md](../README.md).");
        md.line();
        md.line("| | |");
        md.line("|---|---|");
        env.rows(md, "`VACUUM (ANALYZE)` after loading");
        md.row("realm `" + REALM + "`", "one account, one store in tile-and-PIN mode, one register (EC P-256); "
                + PEOPLE_PER_KIND + " members with *KlickTrack Cashier* and a generated 6-digit PIN, " + PEOPLE_PER_KIND
                + " such members without a PIN, " + PEOPLE_PER_KIND + " users with a PIN who are no members, "
                + PEOPLE_PER_KIND + " random ids of nobody; location hourly failure budget raised to 100,000");
        md.row("method", "PIN grant at the register (`user_id` = the tile, a PIN that is not the person's), answered "
                + "`400 invalid_grant` every time; timed client side over one keep-alive HTTP/1.1 connection, the device "
                + "assertion signed before the clock starts. " + warmup + " warm-up attempts per kind, then " + attempts
                + " timed attempts per kind, all kinds interleaved in one shuffled order. After every attempt, untimed, the "
                + "admin API clears the device's failures and (after a wrong PIN) the credential's, so no attempt is "
                + "answered early by a lock or a device wait. Difference of medians to the first row, with a bootstrap 95% "
                + "interval (" + RESAMPLES + " resamples of both sides). Client and servers share the machine's cores.");
        md.line();
        md.line("## Verdict");
        md.line();
        md.line("| kind | attempts | p10 ms | median ms | p90 ms | median − first row ms | 95% interval ms | target met |");
        md.line("|---|---:|---:|---:|---:|---:|---|:---:|");
        double[] base = ms.get(Kind.WRONG_PIN);
        boolean all = true;
        for (Kind kind : Kind.values()) {
            double[] sorted = ms.get(kind);
            String difference = "";
            String interval = "";
            String met = "";
            if (kind != Kind.WRONG_PIN) {
                double d = median(sorted) - median(base);
                double[] ci = medianDifferenceInterval(base, sorted, random);
                boolean ok = Math.abs(d) < TARGET_MS && ci[0] <= 0 && ci[1] >= 0;
                all &= ok;
                difference = String.format("%+.3f", d);
                interval = String.format("%+.3f to %+.3f", ci[0], ci[1]);
                met = ok ? "yes" : "**no**";
            }
            md.line(String.format("| %s | %d | %.3f | %.3f | %.3f | %s | %s | %s |", kind.label, sorted.length,
                    percentile(sorted, 10), median(sorted), percentile(sorted, 90), difference, interval, met));
        }
        md.line();
        md.line(all ? "Every kind of refusal is within the target of a wrong PIN for a member who has one."
                : "**At least one kind of refusal misses the target.**");
        md.line();
        md.line("What makes them equal (providers, `PinGuard`): every tile attempt looks the user up, checks membership"
                + " and reads the user's PIN credential whoever the tile names; an attempt with no credential to check"
                + " computes the same HMAC on a random salt and takes and writes the device's *decoy* row"
                + " (`BK_PIN_DEVICE`, id `<device>:decoy`) where a wrong PIN takes and writes the credential's lockout row;"
                + " and every refusal is answered no sooner than 25 ms after the attempt began (`RefusalPace`), which hides"
                + " what is left (a user in Keycloak's cache or not). Without that floor (commit 7485e8c) the medians"
                + " differed by up to 0.37 ms (an id of nobody answered faster), outside the target.");
        return md.toString();
    }
}
