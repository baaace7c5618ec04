package io.branchkey.audit.jpa;

import io.branchkey.audit.AuditProvider;
import io.branchkey.audit.AuditProviderFactory;
import io.branchkey.tenancy.TenantTreeEvents;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class JpaAuditProviderFactory implements AuditProviderFactory {

    public static final String PROVIDER_ID = "jpa";

    @Override
    public AuditProvider create(KeycloakSession session) {
        return new JpaAuditProvider(session, session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof TenantTreeEvents.RealmDataRemoving removing) {
                removing.session().getProvider(AuditProvider.class).removeRealmData(removing.realm());
            }
        });
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
