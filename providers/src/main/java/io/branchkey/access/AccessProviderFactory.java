package io.branchkey.access;

import org.keycloak.provider.ProviderFactory;

public interface AccessProviderFactory extends ProviderFactory<AccessProvider> {
}
