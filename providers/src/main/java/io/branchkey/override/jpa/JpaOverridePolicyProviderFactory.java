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
    static final String APPROVAL_SECONDS = "approval-seconds";
    static final int DEFAULT_APPROVAL_SECONDS = 120;

    private long approvalSeconds = DEFAULT_APPROVAL_SECONDS;

    @Override
    public OverridePolicyProvider create(KeycloakSession session) {
        return new JpaOverridePolicyProvider(session, em(session), approvalSeconds);
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
        int seconds = config.getInt(APPROVAL_SECONDS, DEFAULT_APPROVAL_SECONDS);
        if (seconds < 10 || seconds > 120) {
            throw new IllegalArgumentException(APPROVAL_SECONDS + " must be from 10 to 120, not " + seconds);
        }
        approvalSeconds = seconds;
    }

    @Override
    public java.util.List<org.keycloak.provider.ProviderConfigProperty> getConfigMetadata() {
        return org.keycloak.provider.ProviderConfigurationBuilder.create()
                .property().name(APPROVAL_SECONDS).type(org.keycloak.provider.ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_APPROVAL_SECONDS).helpText("How long a manager's approval can be used, 10 to 120 seconds")
                .add().build();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
