package io.branchkey.pin;

import io.branchkey.common.BranchkeySpi;

public final class PinSpi extends BranchkeySpi {

    public static final String NAME = "branchkey-pin";

    public PinSpi() {
        super(NAME, PinProvider.class, PinProviderFactory.class);
    }
}
