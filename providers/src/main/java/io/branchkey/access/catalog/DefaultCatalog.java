package io.branchkey.access.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchkey.tenancy.NodeKind;

/**
 * The catalog Branchkey ships (realm-config/catalog/default-catalog.json, packed into the provider jar). Each
 * realm gets a copy; new versions of this file are appended to realms' catalogs, never renumbering them.
 */
public final class DefaultCatalog {

    static final String RESOURCE = "/branchkey/catalog/default-catalog.json";

    record Entry(int index, String key, String name, String description, String section, List<String> implies,
                 NodeKind minLevel, List<String> sources, boolean realmAdminOnly) {
    }

    record File(int version, List<Entry> permissions) {
    }

    private static final File FILE = load();

    private DefaultCatalog() {
    }

    public static int version() {
        return FILE.version();
    }

    /** The shipped permissions in index order. */
    public static List<Permission> permissions() {
        return FILE.permissions().stream()
                .map(e -> new Permission(e.index(), e.key(), e.name(), e.description(), e.section(), e.implies(),
                        e.minLevel(), false, e.realmAdminOnly(), true))
                .toList();
    }

    private static File load() {
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try (InputStream in = DefaultCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the provider jar");
            }
            File file = json.readValue(in, File.class);
            // Validates keys, indexes and implications once, at class load, so a broken file fails loudly.
            PermissionCatalog.of(file.version(), file.permissions().stream()
                    .map(e -> new Permission(e.index(), e.key(), e.name(), e.description(), e.section(), e.implies(),
                            e.minLevel(), false, e.realmAdminOnly(), true)).toList());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
