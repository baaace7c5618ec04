package io.branchkey.device;

import io.branchkey.common.BranchkeySpi;

public final class DeviceSpi extends BranchkeySpi {

    public static final String NAME = "branchkey-device";

    public DeviceSpi() {
        super(NAME, DeviceProvider.class, DeviceProviderFactory.class);
    }
}
