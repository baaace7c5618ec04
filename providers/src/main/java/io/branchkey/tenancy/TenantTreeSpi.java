package io.branchkey.tenancy;

import io.branchkey.common.BranchkeySpi;

public final class TenantTreeSpi extends BranchkeySpi {

    public static final String NAME = "branchkey-tenant-tree";

    public TenantTreeSpi() {
        super(NAME, TenantTreeProvider.class, TenantTreeProviderFactory.class);
    }
}
