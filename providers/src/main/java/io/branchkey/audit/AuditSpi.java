package io.branchkey.audit;

import io.branchkey.common.BranchkeySpi;

public final class AuditSpi extends BranchkeySpi {

    public static final String NAME = "branchkey-audit";

    public AuditSpi() {
        super(NAME, AuditProvider.class, AuditProviderFactory.class);
    }
}
