package io.branchkey.access;

import org.keycloak.provider.ProviderFactory;

public interface PermissionCatalogProviderFactory extends ProviderFactory<PermissionCatalogProvider> {
}
