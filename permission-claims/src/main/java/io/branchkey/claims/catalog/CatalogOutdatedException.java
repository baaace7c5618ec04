package io.branchkey.claims.catalog;

import io.branchkey.claims.BranchkeyUnavailableException;

/**
 * A token refers to a catalog version newer than the newest this resource server could obtain, so its permission
 * bits cannot be read (docs/claims.md: never a guess). Usually transient: the catalog endpoint lags behind or is
 * unreachable from here.
 */
public class CatalogOutdatedException extends BranchkeyUnavailableException {

    private final long tokenVersion;
    private final long availableVersion;

    public CatalogOutdatedException(long tokenVersion, long availableVersion) {
        super("the token needs catalog version " + tokenVersion + " but only version " + availableVersion
                + " is available");
        this.tokenVersion = tokenVersion;
        this.availableVersion = availableVersion;
    }

    public long tokenVersion() {
        return tokenVersion;
    }

    public long availableVersion() {
        return availableVersion;
    }
}
