package io.branchkey.tenancy.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The only writer of BK_NODE_CLOSURE. Each operation is a fixed number of set-based statements, whatever the
 * size of the subtree involved. Callers hold the realm's tree lock (TreeLockEntity) and have flushed pending entity changes.
 */
final class ClosureTable {

    private static final String SUBTREE = "(select sub.DESCENDANT_ID from BK_NODE_CLOSURE sub where sub.ANCESTOR_ID = :nodeId)";

    private final EntityManager em;

    ClosureTable(EntityManager em) {
        this.em = em;
    }

    private static final String COLUMNS = "(ANCESTOR_ID, DESCENDANT_ID, DEPTH, REALM_ID,"
            + " DESCENDANT_KIND, DESCENDANT_NAME, DESCENDANT_CODE, DESCENDANT_STATUS)";

    /** Links a new node to itself and to every ancestor of its parent. */
    void insertNode(String realmId, TenantNodeEntity node) {
        listing(em.createNativeQuery("insert into BK_NODE_CLOSURE " + COLUMNS
                        + " values (:nodeId, :nodeId, 0, :realmId, :kind, :name, :code, :status)"), node)
                .setParameter("realmId", realmId)
                .executeUpdate();
        if (node.getParentId() != null) {
            listing(em.createNativeQuery("insert into BK_NODE_CLOSURE " + COLUMNS
                            + " select p.ANCESTOR_ID, :nodeId, p.DEPTH + 1, p.REALM_ID, :kind, :name, :code, :status"
                            + " from BK_NODE_CLOSURE p where p.DESCENDANT_ID = :parentId"), node)
                    .setParameter("parentId", node.getParentId())
                    .executeUpdate();
        }
    }

    /** Keeps the copied listing attributes in step after an update: one row per ancestor of the node. */
    void refreshListing(TenantNodeEntity node) {
        listing(em.createNativeQuery("update BK_NODE_CLOSURE set DESCENDANT_KIND = :kind, DESCENDANT_NAME = :name,"
                + " DESCENDANT_CODE = :code, DESCENDANT_STATUS = :status where DESCENDANT_ID = :nodeId"), node)
                .executeUpdate();
    }

    /** The lower-cased copy the subtree listing sorts and searches by (see NodeQueries). */
    static String searchKey(String value) {
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
    }

    private static Query listing(Query query, TenantNodeEntity node) {
        return query.setParameter("nodeId", node.getId())
                .setParameter("kind", node.getKind().name())
                .setParameter("name", searchKey(node.getName()))
                .setParameter("code", searchKey(node.getCode()))
                .setParameter("status", node.getStatus().name());
    }

    /**
     * Re-links a subtree below a new parent (null: the subtree becomes its own tree). Pairs inside the subtree
     * are kept; pairs with the old ancestors are replaced by pairs with the new ones.
     */
    void moveSubtree(String nodeId, String newParentId) {
        em.createNativeQuery("delete from BK_NODE_CLOSURE where DESCENDANT_ID in " + SUBTREE
                        + " and ANCESTOR_ID not in " + SUBTREE)
                .setParameter("nodeId", nodeId)
                .executeUpdate();
        if (newParentId != null) {
            em.createNativeQuery("insert into BK_NODE_CLOSURE " + COLUMNS
                            + " select a.ANCESTOR_ID, d.DESCENDANT_ID, a.DEPTH + d.DEPTH + 1, a.REALM_ID,"
                            + " d.DESCENDANT_KIND, d.DESCENDANT_NAME, d.DESCENDANT_CODE, d.DESCENDANT_STATUS"
                            + " from BK_NODE_CLOSURE a, BK_NODE_CLOSURE d where a.DESCENDANT_ID = :parentId and d.ANCESTOR_ID = :nodeId")
                    .setParameter("parentId", newParentId)
                    .setParameter("nodeId", nodeId)
                    .executeUpdate();
        }
    }

    /** Shifts the stored depth of every node of a subtree after a move. */
    void shiftDepths(String nodeId, int delta) {
        if (delta != 0) {
            em.createNativeQuery("update BK_NODE set DEPTH = DEPTH + :delta where ID in " + SUBTREE)
                    .setParameter("delta", delta)
                    .setParameter("nodeId", nodeId)
                    .executeUpdate();
        }
    }

    /**
     * Deletes a subtree with everything that hangs off its nodes. The closure rows go last because the other
     * statements find the subtree through them.
     */
    void deleteSubtree(String nodeId) {
        for (String sql : new String[] {
                "delete from BK_MEMBERSHIP where NODE_ID in " + SUBTREE,
                "delete from BK_HOME_ACCOUNT where NODE_ID in " + SUBTREE,
                "delete from BK_NODE_EXTERNAL_ID where NODE_ID in " + SUBTREE,
                // Detach parents first so one statement can delete the nodes in any order.
                "update BK_NODE set PARENT_ID = null where ID in " + SUBTREE,
                "delete from BK_NODE where ID in " + SUBTREE,
                "delete from BK_NODE_CLOSURE where DESCENDANT_ID in " + SUBTREE}) {
            em.createNativeQuery(sql).setParameter("nodeId", nodeId).executeUpdate();
        }
    }

    /** Deletes every row of a realm, children before parents' references. */
    void deleteRealm(String realmId) {
        for (String sql : new String[] {
                "delete from BK_MEMBERSHIP where REALM_ID = :realmId",
                "delete from BK_HOME_ACCOUNT where REALM_ID = :realmId",
                "delete from BK_NODE_EXTERNAL_ID where NODE_ID in (select n.ID from BK_NODE n where n.REALM_ID = :realmId)",
                "update BK_NODE set PARENT_ID = null where REALM_ID = :realmId",
                "delete from BK_NODE where REALM_ID = :realmId",
                "delete from BK_NODE_CLOSURE where REALM_ID = :realmId",
                "delete from BK_TREE_LOCK where REALM_ID = :realmId"}) {
            em.createNativeQuery(sql).setParameter("realmId", realmId).executeUpdate();
        }
    }
}
