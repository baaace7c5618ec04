package io.branchkey.override;

import org.keycloak.provider.ProviderFactory;

public interface OverridePolicyProviderFactory extends ProviderFactory<OverridePolicyProvider> {
}
