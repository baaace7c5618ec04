package io.branchkey.pin;

import org.keycloak.provider.ProviderFactory;

public interface PinProviderFactory extends ProviderFactory<PinProvider> {
}
