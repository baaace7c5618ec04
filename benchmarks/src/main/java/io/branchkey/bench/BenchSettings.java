package io.branchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the benchmark needs from its caller, as system properties (the Maven profile {@code bench} sets them).
 *
 * @param projectRoot     the repository root (providers/target holds the freshly built provider jar)
 * @param distZip         the Keycloak distribution zip in the local Maven repository
 * @param keycloakVersion its version, e.g. 26.7.3
 * @param calls           timed calls per operation and realm
 * @param warmup          untimed calls per operation and realm before timing
 * @param countCalls      calls per operation and realm whose SQL statements are counted
 * @param largeViaApi     load the 10,000-location realm through the admin API (true) or the startup seed importer
 */
record BenchSettings(Path projectRoot, Path distZip, String keycloakVersion, int calls, int warmup, int countCalls,
                     int httpPort, int managementPort, boolean largeViaApi) {

    static BenchSettings fromSystemProperties() {
        Path root = Path.of(System.getProperty("bench.projectRoot", "..")).toAbsolutePath().normalize();
        String version = System.getProperty("bench.keycloakVersion", "26.7.3");
        String zip = System.getProperty("bench.keycloakDistZip");
        Path distZip = zip != null && !zip.isBlank() && !zip.startsWith("${") ? Path.of(zip)
                : Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak", "keycloak-quarkus-dist",
                        version, "keycloak-quarkus-dist-" + version + ".zip");
        if (!Files.isRegularFile(distZip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + distZip
                    + " (run through Maven: mvn -B -pl benchmarks -am package -DskipTests -Pbench)");
        }
        return new BenchSettings(root, distZip, version, intProperty("bench.calls", 2000), intProperty("bench.warmup", 300),
                intProperty("bench.countCalls", 50), intProperty("bench.httpPort", 8280),
                intProperty("bench.managementPort", 9200),
                !"seed-dir".equals(System.getProperty("bench.largeLoad", "api").trim()));
    }

    Path workDir() {
        return projectRoot.resolve("benchmarks").resolve("target");
    }

    /** Where a benchmark's database, logs and seed files go, e.g. benchmarks/target/tenant-tree-run. */
    Path runDir(String benchmark) {
        return workDir().resolve(benchmark + "-run");
    }

    /** The recorded result, e.g. benchmarks/results/tenant-tree.md. */
    Path resultFile(String benchmark) {
        return projectRoot.resolve("benchmarks").resolve("results").resolve(benchmark + ".md");
    }

    static int intProperty(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
