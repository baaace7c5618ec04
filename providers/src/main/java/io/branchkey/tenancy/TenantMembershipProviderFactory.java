package io.branchkey.tenancy;

import org.keycloak.provider.ProviderFactory;

public interface TenantMembershipProviderFactory extends ProviderFactory<TenantMembershipProvider> {
}
