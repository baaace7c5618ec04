package io.branchkey.override;

import io.branchkey.common.BranchkeySpi;

public final class OverridePolicySpi extends BranchkeySpi {

    public static final String NAME = "branchkey-override-policy";

    public OverridePolicySpi() {
        super(NAME, OverridePolicyProvider.class, OverridePolicyProviderFactory.class);
    }
}
