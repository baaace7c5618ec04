package io.branchkey.tenancy.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.branchkey.tenancy.TenantTreeProvider;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Imports seed files once the server has booted (after realm imports), each in its own transaction, into
 * realms whose tree is still empty. A broken file is reported and skipped; it never stops the server.
 */
public final class TenantSeedImporter implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(TenantSeedImporter.class);

    private final KeycloakSessionFactory factory;
    private final Path dir;

    public TenantSeedImporter(KeycloakSessionFactory factory, String dir) {
        this.factory = factory;
        this.dir = Path.of(dir);
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof PostMigrationEvent) {
            seedFiles().forEach(this::importFile);
        }
    }

    private List<Path> seedFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            LOG.warnf("Tenant seed folder %s cannot be read: %s", dir, e.getMessage());
            return List.of();
        }
    }

    private void importFile(Path file) {
        try {
            TenantSeed seed = TenantSeeds.parse(Files.readString(file));
            KeycloakModelUtils.runJobInTransaction(factory, session -> importSeed(session, seed, file));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Tenant seed %s was not imported: %s", file, e.getMessage());
        }
    }

    private void importSeed(KeycloakSession session, TenantSeed seed, Path file) {
        RealmModel realm = session.realms().getRealmByName(seed.realm());
        if (realm == null) {
            LOG.warnf("Tenant seed %s names realm '%s', which does not exist", file, seed.realm());
            return;
        }
        session.getContext().setRealm(realm);
        if (TenantSeeds.hasTree(session.getProvider(TenantTreeProvider.class), realm)) {
            LOG.debugf("Realm %s already has a tenant tree; seed %s skipped", realm.getName(), file);
            return;
        }
        TenantSeeds.apply(session, realm, seed, file.getFileName().toString());
        LOG.infof("Tenant seed %s imported into realm %s", file.getFileName(), realm.getName());
    }
}
