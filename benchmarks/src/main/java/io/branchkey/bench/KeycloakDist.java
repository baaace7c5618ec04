package io.branchkey.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** Installs the jar as the only branchkey-providers jar; returns true when it was new to the server. */
    boolean installProvider(Path jar) throws IOException {
        Path installed = home.resolve("providers").resolve(jar.getFileName());
        if (Files.exists(installed) && Files.mismatch(jar, installed) == -1) {
            return false;
        }
        try (DirectoryStream<Path> old = Files.newDirectoryStream(home.resolve("providers"), "branchkey-providers-*.jar")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        Files.copy(jar, installed, StandardCopyOption.COPY_ATTRIBUTES);
        return true;
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

    /** providers/target/branchkey-providers-*.jar of the current build. */
    static Path builtProviderJar(Path projectRoot) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(projectRoot.resolve("providers/target"), "branchkey-providers-*.jar")) {
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
            throw new IllegalStateException("expected one providers/target/branchkey-providers-*.jar, found " + jars
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
