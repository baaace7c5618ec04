package io.branchkey.access;

import io.branchkey.common.BranchkeySpi;

public final class PermissionCatalogSpi extends BranchkeySpi {

    public static final String NAME = "branchkey-permission-catalog";

    public PermissionCatalogSpi() {
        super(NAME, PermissionCatalogProvider.class, PermissionCatalogProviderFactory.class);
    }
}
