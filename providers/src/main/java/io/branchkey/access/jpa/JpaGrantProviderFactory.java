package io.branchkey.access.jpa;

import io.branchkey.access.GrantProvider;
import io.branchkey.access.GrantProviderFactory;
import org.keycloak.models.KeycloakSession;

public final class JpaGrantProviderFactory extends JpaProviderFactorySupport implements GrantProviderFactory {

    @Override
    public GrantProvider create(KeycloakSession session) {
        return new JpaGrantProvider(session, em(session));
    }
}
