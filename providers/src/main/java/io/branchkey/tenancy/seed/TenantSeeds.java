package io.branchkey.tenancy.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchkey.tenancy.NodeDraft;
import io.branchkey.tenancy.NodeFilter;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeEvents;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Applies a seed (a realm's tree, home accounts, memberships, and sections of other capabilities) to a realm
 * whose tree is empty, in the caller's transaction: the startup importer and the admin API both come here.
 */
public final class TenantSeeds {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private TenantSeeds() {
    }

    /** Parses a seed document; a broken one is an INVALID BranchkeyException naming what is wrong. */
    static TenantSeed parse(String json) {
        try {
            TenantSeed seed = JSON.readValue(json, TenantSeed.class);
            if (seed == null) {
                throw BranchkeyException.invalid(null, "a seed must be a JSON object");
            }
            return seed;
        } catch (JsonProcessingException e) {
            throw BranchkeyException.invalid(null, "the seed is not valid: " + e.getOriginalMessage());
        }
    }

    /**
     * Seeds the realm from a JSON document; {@code realm} in the document, when given, must name this realm.
     *
     * @return the number of nodes created
     * @throws BranchkeyException a conflict when the realm already has a tree, or whatever rule the seed breaks
     */
    public static int apply(KeycloakSession session, RealmModel realm, String json, String source) {
        TenantSeed seed = parse(json);
        if (seed.realm() != null && !seed.realm().equals(realm.getName())) {
            throw BranchkeyException.invalid("realm", "the seed is for realm " + seed.realm() + ", not " + realm.getName());
        }
        return apply(session, realm, seed, source);
    }

    static int apply(KeycloakSession session, RealmModel realm, TenantSeed seed, String source) {
        TenantTreeProvider tree = session.getProvider(TenantTreeProvider.class);
        if (hasTree(tree, realm)) {
            throw BranchkeyException.conflict(null, "realm " + realm.getName() + " already has a tenant tree");
        }
        int[] created = {0};
        seed.nodes().forEach(node -> createTree(tree, realm, null, node, created));
        TenantMembershipProvider memberships = session.getProvider(TenantMembershipProvider.class);
        seed.members().forEach((code, usernames) -> usernames.forEach(
                username -> memberships.addMember(realm, nodeByCode(tree, realm, code), user(session, realm, username))));
        seed.homeAccounts().forEach((username, code) ->
                memberships.setHomeAccount(realm, user(session, realm, username), nodeByCode(tree, realm, code)));
        session.getKeycloakSessionFactory().publish(new TenantTreeEvents.TreeSeeded(session, realm,
                seed.otherSections(), source));
        return created[0];
    }

    static boolean hasTree(TenantTreeProvider tree, RealmModel realm) {
        return tree.searchNodes(realm, NodeFilter.NONE, 0, 1).findAny().isPresent();
    }

    private static void createTree(TenantTreeProvider tree, RealmModel realm, String parentId, TenantSeed.SeedNode node,
                                   int[] created) {
        TenantNodeModel createdNode = tree.createNode(realm, parentId, new NodeDraft(node.kind(), node.name(), node.code(),
                node.status(), node.timezone(), node.address(), node.externalIds()));
        created[0]++;
        node.children().forEach(child -> createTree(tree, realm, createdNode.getId(), child, created));
    }

    private static TenantNodeModel nodeByCode(TenantTreeProvider tree, RealmModel realm, String code) {
        TenantNodeModel node = tree.getNodeByCode(realm, code);
        if (node == null) {
            throw BranchkeyException.notFound("code", "the seed refers to node code " + code + ", which it does not define");
        }
        return node;
    }

    private static UserModel user(KeycloakSession session, RealmModel realm, String username) {
        UserModel user = session.users().getUserByUsername(realm, username);
        if (user == null) {
            throw BranchkeyException.notFound("username", "the seed refers to user " + username + ", who does not exist");
        }
        return user;
    }
}
