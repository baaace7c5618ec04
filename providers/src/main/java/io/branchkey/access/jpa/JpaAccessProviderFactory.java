package io.branchkey.access.jpa;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.AccessProviderFactory;
import io.branchkey.access.EpochCache;
import io.branchkey.access.PermissionSet;
import io.branchkey.access.ScopedAccess;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class JpaAccessProviderFactory extends JpaProviderFactorySupport implements AccessProviderFactory {

    private final EpochCache<JpaAccessProvider.UserAtNode, PermissionSet> effective = new EpochCache<>();
    private final EpochCache<JpaAccessProvider.UserInScope, ScopedAccess> scoped = new EpochCache<>();

    @Override
    public AccessProvider create(KeycloakSession session) {
        return new JpaAccessProvider(session, em(session), effective, scoped);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new AccessLifecycleListener());
    }
}
