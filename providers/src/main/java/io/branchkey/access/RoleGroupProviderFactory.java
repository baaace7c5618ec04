package io.branchkey.access;

import org.keycloak.provider.ProviderFactory;

public interface RoleGroupProviderFactory extends ProviderFactory<RoleGroupProvider> {
}
