package io.branchkey.access;

import io.branchkey.common.BranchkeySpi;

public final class AccessSpi extends BranchkeySpi {

    public static final String NAME = "branchkey-access";

    public AccessSpi() {
        super(NAME, AccessProvider.class, AccessProviderFactory.class);
    }
}
