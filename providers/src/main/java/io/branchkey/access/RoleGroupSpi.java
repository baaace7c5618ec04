package io.branchkey.access;

import io.branchkey.common.BranchkeySpi;

public final class RoleGroupSpi extends BranchkeySpi {

    public static final String NAME = "branchkey-role-group";

    public RoleGroupSpi() {
        super(NAME, RoleGroupProvider.class, RoleGroupProviderFactory.class);
    }
}
