package io.branchkey.tenancy;

import org.keycloak.provider.ProviderFactory;

public interface TenantTreeProviderFactory extends ProviderFactory<TenantTreeProvider> {
}
