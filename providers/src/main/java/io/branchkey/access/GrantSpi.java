package io.branchkey.access;

import io.branchkey.common.BranchkeySpi;

public final class GrantSpi extends BranchkeySpi {

    public static final String NAME = "branchkey-grant";

    public GrantSpi() {
        super(NAME, GrantProvider.class, GrantProviderFactory.class);
    }
}
