package io.branchkey.claims.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One permission of a realm's catalog, as the public catalog endpoint lists it (docs/access.md).
 *
 * @param index the bit index in token claims; never changes, never reused
 * @param key the stable key, e.g. {@code orders.export}; not null
 * @param name display name; may be null
 * @param description may be null
 * @param section the catalog section; may be null
 * @param implies keys this permission implies; not null (copied)
 * @param minLevel the minimum node kind a grant needs for it to take effect, or null
 * @param retired whether it has been retired (tokens issued earlier may still carry its bit)
 * @param realmAdminOnly whether only realm admins may put it into role groups
 * @param builtIn whether it is part of Branchkey's shipped catalog
 */
public record CatalogPermission(int index, String key, String name, String description, String section,
        List<String> implies, String minLevel, boolean retired, boolean realmAdminOnly, boolean builtIn) {

    public CatalogPermission {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        Objects.requireNonNull(key, "key");
        implies = List.copyOf(implies == null ? List.of() : implies);
    }

    /** A permission with only an index and a key, for tests and hand-built catalogs. */
    public static CatalogPermission of(int index, String key) {
        return new CatalogPermission(index, key, null, null, null, List.of(), null, false, false, false);
    }
}
