package io.branchkey.access.jpa;

import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.PermissionCatalogProviderFactory;
import org.keycloak.models.KeycloakSession;

public final class JpaPermissionCatalogProviderFactory extends JpaProviderFactorySupport
        implements PermissionCatalogProviderFactory {

    private final CatalogSnapshots snapshots = new CatalogSnapshots();

    @Override
    public PermissionCatalogProvider create(KeycloakSession session) {
        return new JpaPermissionCatalogProvider(session, em(session), snapshots);
    }
}
