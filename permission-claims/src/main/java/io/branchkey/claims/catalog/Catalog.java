package io.branchkey.claims.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.branchkey.claims.internal.JsonValues;

/**
 * A realm's permission catalog at one version: permission key to bit index. Immutable.
 * Indexes are append-only, so a catalog decodes every token whose {@code cat} is at most its {@link #version()}.
 */
public final class Catalog {

    private final long version;
    private final List<CatalogPermission> permissions;
    private final Map<String, Integer> indexByKey;

    private Catalog(long version, List<CatalogPermission> permissions, Map<String, Integer> indexByKey) {
        this.version = version;
        this.permissions = permissions;
        this.indexByKey = indexByKey;
    }

    /**
     * @param permissions each key and each index once
     * @throws IllegalArgumentException for a negative version or a duplicate key or index
     */
    public static Catalog of(long version, Collection<CatalogPermission> permissions) {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        List<CatalogPermission> sorted = new ArrayList<>(permissions);
        sorted.sort(Comparator.comparingInt(CatalogPermission::index));
        // A plain HashMap read is the whole cost of a key lookup on the hot path.
        Map<String, Integer> byKey = new HashMap<>(sorted.size() * 2);
        for (int i = 0; i < sorted.size(); i++) {
            CatalogPermission p = sorted.get(i);
            if (i > 0 && sorted.get(i - 1).index() == p.index()) {
                throw new IllegalArgumentException("index " + p.index() + " appears twice");
            }
            if (byKey.put(p.key(), p.index()) != null) {
                throw new IllegalArgumentException("key " + p.key() + " appears twice");
            }
        }
        return new Catalog(version, List.copyOf(sorted), byKey);
    }

    /**
     * Reads the public catalog endpoint's body {@code {version, permissions: [{index, key, name, …}]}}; unknown
     * members are ignored.
     *
     * @throws IllegalArgumentException when the body does not have that shape
     */
    public static Catalog fromJson(Map<String, Object> body) {
        Long version = JsonValues.integer(body.get("version"));
        if (version == null || !(body.get("permissions") instanceof List<?> list)) {
            throw new IllegalArgumentException("a catalog has an integer version and a permissions array");
        }
        List<CatalogPermission> permissions = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> p)) {
                throw new IllegalArgumentException("each permission is an object");
            }
            Long index = JsonValues.integer(p.get("index"));
            if (index == null || index > Integer.MAX_VALUE || !(p.get("key") instanceof String key)) {
                throw new IllegalArgumentException("each permission has an integer index and a string key");
            }
            permissions.add(new CatalogPermission(index.intValue(), key, text(p.get("name")),
                    text(p.get("description")), text(p.get("section")), keys(p.get("implies")),
                    text(p.get("minLevel")), flag(p.get("retired")), flag(p.get("realmAdminOnly")),
                    flag(p.get("builtIn"))));
        }
        return of(version, permissions);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static boolean flag(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private static List<String> keys(Object value) {
        List<String> keys = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String s) {
                    keys.add(s);
                }
            }
        }
        return keys;
    }

    public long version() {
        return version;
    }

    /** The bit index of a permission key, or -1 when the catalog does not know the key (or it is null). */
    public int indexOf(String key) {
        if (key == null) {
            return -1;
        }
        Integer index = indexByKey.get(key);
        return index == null ? -1 : index;
    }

    /** The permission with that key, or null. */
    public CatalogPermission permission(String key) {
        int index = indexOf(key);
        if (index < 0) {
            return null;
        }
        for (CatalogPermission p : permissions) {
            if (p.index() == index) {
                return p;
            }
        }
        return null;
    }

    /** Every permission, by ascending index. */
    public List<CatalogPermission> permissions() {
        return permissions;
    }

    @Override
    public String toString() {
        return "Catalog[version=" + version + ", " + permissions.size() + " permissions]";
    }
}
