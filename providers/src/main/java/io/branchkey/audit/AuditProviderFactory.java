package io.branchkey.audit;

import org.keycloak.provider.ProviderFactory;

public interface AuditProviderFactory extends ProviderFactory<AuditProvider> {
}
