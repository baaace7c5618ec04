package io.branchkey.tenancy.jpa;

import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantMembershipProviderFactory;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class JpaTenantMembershipProviderFactory implements TenantMembershipProviderFactory {

    public static final String PROVIDER_ID = "jpa";

    @Override
    public TenantMembershipProvider create(KeycloakSession session) {
        return new JpaTenantMembershipProvider(session, session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
