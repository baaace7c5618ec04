package io.branchkey.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak distribution, unpacked once into benchmarks/target and reused; the provider jar is replaced only
 * when its content changed (an unchanged jar spares Keycloak its re-augmentation).
 */
final class KeycloakDist {

    private final Path home;

    private KeycloakDist(Path home) {
        this.home = home;
    }

    static KeycloakDist unpacked(Path zip, String version, Path parent) throws IOException {
        Path home = parent.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return new KeycloakDist(home);
        }
        Files.createDirectories(parent);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(parent, ".unpack*")) {
            for (Path p : stale) {
                deleteTree(p); // left behind by an interrupted run
            }
        }
        Path tmp = Files.createTempDirectory(parent, ".unpack");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = tmp.resolve(entry.getName()).normalize();
                if (!target.startsWith(tmp)) {
                    throw new IOException("bad zip entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path unpacked = tmp.resolve("keycloak-" + version);
        try (Stream<Path> scripts = Files.list(unpacked.resolve("bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        Files.move(unpacked, home); // atomic: a half-unpacked distribution is never used
        deleteTree(tmp);
        return new KeycloakDist(home);
    }

    Path home() {
        return home;
    }

    /**
     * Makes the given jars the server's only Branchkey jars (branchkey-*.jar): a jar of another benchmark left
     * from an earlier run goes. Returns true when anything changed (Keycloak then re-augments on start).
     */
    boolean installProviders(List<Path> jars) throws IOException {
        Path dir = home.resolve("providers");
        Set<String> wanted = new HashSet<>();
        jars.forEach(jar -> wanted.add(jar.getFileName().toString()));
        boolean changed = false;
        try (DirectoryStream<Path> installed = Files.newDirectoryStream(dir, "branchkey-*.jar")) {
            for (Path p : installed) {
                if (!wanted.contains(p.getFileName().toString())) {
                    Files.delete(p);
                    changed = true;
                }
            }
        }
        for (Path jar : jars) {
            Path installed = dir.resolve(jar.getFileName());
            if (!Files.exists(installed) || Files.mismatch(jar, installed) != -1) {
                Files.copy(jar, installed, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                changed = true;
            }
        }
        return changed;
    }

    /** Replaces data/import with one minimal realm file per realm name. */
    void importRealms(List<String> realms) throws IOException {
        Path dir = home.resolve("data").resolve("import");
        deleteTree(dir);
        Files.createDirectories(dir);
        for (String realm : realms) {
            Files.writeString(dir.resolve(realm + "-realm.json"), "{\"realm\": \"" + realm + "\", \"enabled\": true}\n");
        }
    }

    /** providers/target/branchkey-providers-*.jar of the current build: the product. */
    static Path builtProviderJar(Path projectRoot) throws IOException {
        return builtJar(projectRoot, "providers", "branchkey-providers-");
    }

    /** benchmarks/probe/target/branchkey-bench-probe-*.jar of the current build: benchmark-only. */
    static Path builtProbeJar(Path projectRoot) throws IOException {
        return builtJar(projectRoot, "benchmarks/probe", "branchkey-bench-probe-");
    }

    private static Path builtJar(Path projectRoot, String module, String prefix) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(projectRoot.resolve(module).resolve("target"), prefix + "*.jar")) {
            for (Path p : found) {
                String name = p.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar")) {
                    jars.add(p);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // reported below
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one " + module + "/target/" + prefix + "*.jar, found " + jars
                    + " (build with: mvn -B -pl benchmarks -am package -DskipTests -Pbench)");
        }
        return jars.get(0);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
