package io.branchkey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The benchmark realms' tenant trees, written as seed files before Keycloak starts: small ones are imported by
 * the seed importer at startup, large ones (the 10,000-location one unless -Dbench.largeLoad=seed-dir) are
 * created through the admin API once Keycloak is up.
 */
final class TreeSeeds {

    private final List<TreeShape> shapes;
    private final Path importerDir;
    private final Path apiDir;
    private final Map<String, String> loading = new LinkedHashMap<>();

    private TreeSeeds(List<TreeShape> shapes, Path importerDir, Path apiDir) {
        this.shapes = shapes;
        this.importerDir = importerDir;
        this.apiDir = apiDir;
    }

    /** The tree and access benchmarks: the 10,000-location tree through the API unless -Dbench.largeLoad=seed-dir. */
    static TreeSeeds write(Path runDir, List<TreeShape> shapes, boolean largeViaApi) throws Exception {
        return write(runDir, shapes, shape -> shape == TreeShape.LARGE && largeViaApi);
    }

    /** @param viaApi which trees are created through the admin API once Keycloak is up; the others by the importer */
    static TreeSeeds write(Path runDir, List<TreeShape> shapes, Predicate<TreeShape> viaApi) throws Exception {
        TreeSeeds seeds = new TreeSeeds(shapes, Files.createDirectories(runDir.resolve("seed")),
                Files.createDirectories(runDir.resolve("seed-via-api")));
        for (TreeShape shape : shapes) {
            boolean api = viaApi.test(shape);
            new SeedWriter().write(shape, (api ? seeds.apiDir : seeds.importerDir).resolve(shape.realm() + ".json"));
            seeds.loading.put(shape.realm(), api ? "through the admin API (`POST nodes`, one call per node)"
                    : "by the seed importer at startup (`--spi-branchkey-tenant-tree--jpa--seed-dir`)");
        }
        return seeds;
    }

    /** The directory for Keycloak's seed importer. */
    Path importerDir() {
        return importerDir;
    }

    /** Creates the trees meant for the API, then waits until every realm's tree is complete and reads it back. */
    Map<String, RealmTree> load(AdminApi api) throws Exception {
        for (TreeShape shape : shapes) {
            Path file = apiDir.resolve(shape.realm() + ".json");
            if (Files.exists(file)) {
                long l0 = System.nanoTime();
                int nodes = new ApiTreeLoader(api).load(file);
                long seconds = (System.nanoTime() - l0) / 1_000_000_000L;
                loading.merge(shape.realm(), String.format(": %,d nodes in %d s", nodes, seconds), String::concat);
            }
        }
        Map<String, RealmTree> trees = new LinkedHashMap<>();
        for (TreeShape shape : shapes) {
            trees.put(shape.realm(), RealmTree.await(api, shape, Duration.ofMinutes(10)));
            System.out.println("Realm " + shape.realm() + ": " + shape.describe());
        }
        return trees;
    }

    /** Per realm, how its tree was loaded (and, through the API, how long it took). */
    Map<String, String> loading() {
        return loading;
    }
}
