package io.branchkey.claims.catalog;

import java.util.Objects;

/**
 * Supplies the catalog that gives a token's permission bits their meaning. Thread-safe; called once per decoded
 * token, so it must answer from a cache.
 */
@FunctionalInterface
public interface CatalogSource {

    /**
     * @param tokenVersion the token's {@code cat}
     * @return a catalog of at least that version, not null
     * @throws CatalogOutdatedException when no catalog that new can be had
     * @throws io.branchkey.claims.BranchkeyUnavailableException when the catalog could not be fetched
     */
    Catalog catalogFor(long tokenVersion);

    /** A source that always answers with one catalog (tests, or an application shipping its catalog). */
    static CatalogSource fixed(Catalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        return tokenVersion -> {
            if (catalog.version() < tokenVersion) {
                throw new CatalogOutdatedException(tokenVersion, catalog.version());
            }
            return catalog;
        };
    }
}
