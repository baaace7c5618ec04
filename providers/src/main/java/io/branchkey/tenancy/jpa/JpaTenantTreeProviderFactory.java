package io.branchkey.tenancy.jpa;

import java.util.List;

import io.branchkey.tenancy.TenantTreeProvider;
import io.branchkey.tenancy.TenantTreeProviderFactory;
import io.branchkey.tenancy.seed.TenantSeedImporter;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public final class JpaTenantTreeProviderFactory implements TenantTreeProviderFactory {

    public static final String PROVIDER_ID = "jpa";
    static final String SEED_DIR = "seed-dir";

    private String seedDir;

    @Override
    public TenantTreeProvider create(KeycloakSession session) {
        return new JpaTenantTreeProvider(session, session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void init(Config.Scope config) {
        seedDir = config.get(SEED_DIR);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new TenancyLifecycleListener());
        if (seedDir != null && !seedDir.isBlank()) {
            factory.register(new TenantSeedImporter(factory, seedDir));
        }
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(SEED_DIR).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Folder of tenant-tree seed files (*.json) imported at startup into realms that have no tree yet")
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
