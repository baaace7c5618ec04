package io.branchkey.access.jpa;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.AccessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class JpaAccessProviderFactory extends JpaProviderFactorySupport implements AccessProviderFactory {

    private final EffectivePermissionCache cache = new EffectivePermissionCache();

    @Override
    public AccessProvider create(KeycloakSession session) {
        return new JpaAccessProvider(session, em(session), cache);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new AccessLifecycleListener());
    }
}
