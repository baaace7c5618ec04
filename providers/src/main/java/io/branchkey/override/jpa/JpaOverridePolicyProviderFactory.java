package io.branchkey.override.jpa;

import io.branchkey.override.OverridePolicyProvider;
import io.branchkey.override.OverridePolicyProviderFactory;
import io.branchkey.tenancy.TenantTreeEvents;
import jakarta.persistence.EntityManager;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public final class JpaOverridePolicyProviderFactory implements OverridePolicyProviderFactory {

    public static final String PROVIDER_ID = "jpa";

    @Override
    public OverridePolicyProvider create(KeycloakSession session) {
        return new JpaOverridePolicyProvider(session, em(session));
    }

    /** A node's rules are its configuration: they go with it, with or without cascade, and with the realm. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof TenantTreeEvents.SubtreeRemoving removing) {
                em(removing.session()).createQuery("delete from OverrideRuleEntity r where r.nodeId in"
                                + " (select c.descendantId from NodeClosureEntity c where c.ancestorId = :nodeId)")
                        .setParameter("nodeId", removing.nodeId()).executeUpdate();
            } else if (event instanceof TenantTreeEvents.RealmDataRemoving removing) {
                em(removing.session()).createQuery("delete from OverrideRuleEntity r where r.realmId = :realmId")
                        .setParameter("realmId", removing.realm().getId()).executeUpdate();
            }
        });
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
