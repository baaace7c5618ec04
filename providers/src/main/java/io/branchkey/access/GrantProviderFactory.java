package io.branchkey.access;

import org.keycloak.provider.ProviderFactory;

public interface GrantProviderFactory extends ProviderFactory<GrantProvider> {
}
