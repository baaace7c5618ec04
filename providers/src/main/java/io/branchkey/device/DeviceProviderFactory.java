package io.branchkey.device;

import org.keycloak.provider.ProviderFactory;

public interface DeviceProviderFactory extends ProviderFactory<DeviceProvider> {
}
