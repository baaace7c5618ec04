package io.branchkey.access.jpa;

import io.branchkey.access.RoleGroupProvider;
import io.branchkey.access.RoleGroupProviderFactory;
import org.keycloak.models.KeycloakSession;

public final class JpaRoleGroupProviderFactory extends JpaProviderFactorySupport implements RoleGroupProviderFactory {

    @Override
    public RoleGroupProvider create(KeycloakSession session) {
        return new JpaRoleGroupProvider(session, em(session));
    }
}
