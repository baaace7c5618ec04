package io.branchkey.access.jpa;

import io.branchkey.access.AccessEpoch;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.access.seed.AccessSeedImporter;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantTreeEvents;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keeps grants and role groups consistent with the tree and with Keycloak's users and realms. Runs inside the
 * changing transaction: a refusal (thrown) rolls the whole change back.
 */
final class AccessLifecycleListener implements ProviderEventListener {

    private static final String SUBTREE = "(select c.DESCENDANT_ID from BK_NODE_CLOSURE c where c.ANCESTOR_ID = :nodeId)";

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof TenantTreeEvents.SubtreeRemoving removing) {
            onSubtreeRemoving(removing);
        } else if (event instanceof TenantTreeEvents.SubtreeMoved moved) {
            onSubtreeMoved(moved);
        } else if (event instanceof TenantTreeEvents.HomeAccountChanged changed) {
            // Tokens carry the home account and cache it with the access they were resolved with.
            advanceEpoch(changed.session(), changed.realm());
        } else if (event instanceof TenantTreeEvents.TreeSeeded seeded) {
            AccessSeedImporter.onTreeSeeded(seeded);
        } else if (event instanceof TenantTreeEvents.RealmDataRemoving removing) {
            removing.session().getProvider(GrantProvider.class).removeRealmData(removing.realm());
            removing.session().getProvider(RoleGroupProvider.class).removeRealmData(removing.realm());
            removing.session().getProvider(PermissionCatalogProvider.class).removeRealmData(removing.realm());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            removed.getKeycloakSession().getProvider(GrantProvider.class)
                    .removeUserData(removed.getRealm(), removed.getUser().getId());
        }
    }

    private static void onSubtreeRemoving(TenantTreeEvents.SubtreeRemoving removing) {
        EntityManager em = JpaProviderFactorySupport.em(removing.session());
        long grants = count(em, "select count(*) from BK_GRANT where NODE_ID in " + SUBTREE, removing.nodeId());
        long groups = count(em, "select count(*) from BK_ROLE_GROUP where OWNER_KEY in " + SUBTREE, removing.nodeId());
        // Cached claims may name nodes of the subtree (anchors, scope, home account) even where no grant sits.
        advanceEpoch(removing.session(), removing.realm());
        if (grants + groups == 0) {
            return;
        }
        if (!removing.cascade()) {
            throw BranchkeyException.conflict(null, "the node still has " + grants + " grant(s) and " + groups
                    + " role group(s): revoke and delete them first or pass cascade=true");
        }
        // An account's own role groups can only be granted inside it, so their grants go with the subtree too.
        for (String sql : new String[] {
                "delete from BK_GRANT where NODE_ID in " + SUBTREE,
                "delete from BK_GRANT where ROLE_GROUP_ID in (select g.ID from BK_ROLE_GROUP g where g.OWNER_KEY in " + SUBTREE + ")",
                "delete from BK_ROLE_GROUP_PERMISSION where ROLE_GROUP_ID in (select g.ID from BK_ROLE_GROUP g where g.OWNER_KEY in " + SUBTREE + ")",
                "delete from BK_ROLE_GROUP where OWNER_KEY in " + SUBTREE}) {
            em.createNativeQuery(sql).setParameter("nodeId", removing.nodeId()).executeUpdate();
        }
    }

    /**
     * Inherited grants change with the path. A grant of an account's own role group must stay inside that
     * account: a move that would carry one out is refused.
     */
    private static void onSubtreeMoved(TenantTreeEvents.SubtreeMoved moved) {
        EntityManager em = JpaProviderFactorySupport.em(moved.session());
        long stranded = count(em, "select count(*) from BK_GRANT g join BK_ROLE_GROUP rg on rg.ID = g.ROLE_GROUP_ID"
                + " where g.NODE_ID in " + SUBTREE + " and rg.OWNER_KEY <> '-' and not exists (select 1 from BK_NODE_CLOSURE a"
                + " where a.DESCENDANT_ID = g.NODE_ID and a.ANCESTOR_ID = rg.OWNER_KEY)", moved.nodeId());
        if (stranded > 0) {
            throw BranchkeyException.conflict("parentId", "the move would take " + stranded
                    + " grant(s) of an account's own role groups out of that account: revoke them first");
        }
        AccessEpoch.advance(moved.realm());
    }

    /**
     * The catalog's first use in a realm writes the epoch in a transaction of its own; it must happen before this
     * transaction writes the epoch row, or it would wait for this transaction's lock (e.g. a seed that sets home
     * accounts in a new realm).
     */
    private static void advanceEpoch(KeycloakSession session, RealmModel realm) {
        session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);
        AccessEpoch.advance(realm);
    }

    private static long count(EntityManager em, String sql, String nodeId) {
        return ((Number) em.createNativeQuery(sql).setParameter("nodeId", nodeId).getSingleResult()).longValue();
    }
}
