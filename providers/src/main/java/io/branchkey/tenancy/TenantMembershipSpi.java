package io.branchkey.tenancy;

import io.branchkey.common.BranchkeySpi;

public final class TenantMembershipSpi extends BranchkeySpi {

    public static final String NAME = "branchkey-tenant-membership";

    public TenantMembershipSpi() {
        super(NAME, TenantMembershipProvider.class, TenantMembershipProviderFactory.class);
    }
}
