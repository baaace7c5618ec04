package io.branchkey.tenancy.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchkey.tenancy.NodeDraft;
import io.branchkey.tenancy.NodeFilter;
import io.branchkey.tenancy.TenancyException;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
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
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

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
            TenantSeed seed = JSON.readValue(file.toFile(), TenantSeed.class);
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
        TenantTreeProvider tree = session.getProvider(TenantTreeProvider.class);
        if (tree.searchNodes(realm, NodeFilter.NONE, 0, 1).findAny().isPresent()) {
            LOG.debugf("Realm %s already has a tenant tree; seed %s skipped", realm.getName(), file);
            return;
        }
        seed.nodes().forEach(node -> createTree(tree, realm, null, node));
        TenantMembershipProvider memberships = session.getProvider(TenantMembershipProvider.class);
        seed.members().forEach((code, usernames) -> usernames.forEach(
                username -> memberships.addMember(realm, nodeByCode(tree, realm, code), user(session, realm, username))));
        seed.homeAccounts().forEach((username, code) ->
                memberships.setHomeAccount(realm, user(session, realm, username), nodeByCode(tree, realm, code)));
        LOG.infof("Tenant seed %s imported into realm %s", file.getFileName(), realm.getName());
    }

    private static void createTree(TenantTreeProvider tree, RealmModel realm, String parentId, TenantSeed.SeedNode node) {
        TenantNodeModel created = tree.createNode(realm, parentId, new NodeDraft(node.kind(), node.name(), node.code(),
                node.status(), node.timezone(), node.address(), node.externalIds()));
        node.children().forEach(child -> createTree(tree, realm, created.getId(), child));
    }

    private static TenantNodeModel nodeByCode(TenantTreeProvider tree, RealmModel realm, String code) {
        TenantNodeModel node = tree.getNodeByCode(realm, code);
        if (node == null) {
            throw TenancyException.notFound("code", "the seed refers to node code " + code + ", which it does not define");
        }
        return node;
    }

    private static UserModel user(KeycloakSession session, RealmModel realm, String username) {
        UserModel user = session.users().getUserByUsername(realm, username);
        if (user == null) {
            throw TenancyException.notFound("username", "the seed refers to user " + username + ", who does not exist");
        }
        return user;
    }
}
