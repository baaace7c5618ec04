package io.branchkey.tenancy.jpa;

import java.util.Locale;

import io.branchkey.tenancy.NodeFilter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.jpa.HibernateHints;

/**
 * Builds the filtered node listings: the whole realm, or one subtree through the closure table. Each listing
 * is one query (plus at most one batch fetch of external ids for the page).
 */
final class NodeQueries {

    /** Rows read per round trip for a listing page (nodes times their external ids). */
    private static final int PAGE_FETCH_SIZE = 1000;

    private final EntityManager em;

    NodeQueries(EntityManager em) {
        this.em = em;
    }

    TypedQuery<TenantNodeEntity> realmNodes(String realmId, NodeFilter filter) {
        String jpql = "select n from TenantNodeEntity n where n.realmId = :realmId" + conditions(filter, false)
                + " order by n.depth, n.name, n.id";
        return bind(em.createQuery(jpql, TenantNodeEntity.class).setParameter("realmId", realmId), filter, false);
    }

    /**
     * One page of a subtree with the nodes' external ids, in listing order, as one statement. The page is cut
     * from the closure table alone: filter and order columns are all in IDX_BK_CLOSURE_SUBTREE(_KIND), so the
     * database walks the index in order and stops after the page, never joining or sorting the whole subtree;
     * only the page's rows are then joined to their nodes and external ids.
     */
    TypedQuery<TenantNodeEntity> subtreePage(String nodeId, NodeFilter filter, int first, int max) {
        String jpql = "select n from (select c.descendantId as id, c.depth as depth, c.descendantName as name"
                + " from NodeClosureEntity c where c.ancestorId = :nodeId and c.depth > 0" + conditions(filter, true)
                + " order by c.depth, c.descendantName, c.descendantId offset :first rows fetch first :max rows only) p"
                + " join TenantNodeEntity n on n.id = p.id left join fetch n.externalIds"
                + " order by p.depth, p.name, p.id";
        TypedQuery<TenantNodeEntity> query = em.createQuery(jpql, TenantNodeEntity.class)
                .setParameter("nodeId", nodeId).setParameter("first", first).setParameter("max", max)
                // A page is at most max nodes with a few external ids each: read it in one round trip rather than
                // in Keycloak's default batches of 64 rows.
                .setHint(HibernateHints.HINT_FETCH_SIZE, PAGE_FETCH_SIZE);
        return bind(query, filter, true);
    }

    TypedQuery<Long> countSubtree(String nodeId, NodeFilter filter) {
        String jpql = "select count(c) from NodeClosureEntity c"
                + " where c.ancestorId = :nodeId and c.depth > 0" + conditions(filter, true);
        return bind(em.createQuery(jpql, Long.class).setParameter("nodeId", nodeId), filter, true);
    }

    /**
     * In a subtree the filters read the closure's copies of the node's attributes; realm-wide, the node itself. A
     * subtree is therefore ordered by the lower-cased name (case-insensitively), the realm-wide list by the name.
     */
    private static String conditions(NodeFilter filter, boolean inSubtree) {
        String n = inSubtree ? "c.descendant" : "n.";
        StringBuilder where = new StringBuilder();
        if (filter.kind() != null) {
            where.append(" and ").append(column(n, "kind")).append(" = :kind");
        }
        if (filter.status() != null) {
            where.append(" and ").append(column(n, "status")).append(" = :status");
        }
        // A plain substring test (locate) rather than LIKE: the caller's text is taken literally with no escaping,
        // and a prepared statement's generic plan evaluates no escape function per scanned row.
        if (filter.text() != null && inSubtree) {
            // The closure keeps name and code lower-cased already (ClosureTable.searchKey).
            where.append(" and (locate(:text, c.descendantName) > 0 or locate(:text, c.descendantCode) > 0)");
        } else if (filter.text() != null) {
            where.append(" and (locate(:text, lower(n.name)) > 0 or locate(:text, lower(n.code)) > 0)");
        }
        if (inSubtree && filter.maxDepth() != null) {
            where.append(" and c.depth <= :maxDepth");
        }
        return where.toString();
    }

    /** n.name, or c.descendantName. */
    private static String column(String prefix, String attribute) {
        return prefix.endsWith(".") ? prefix + attribute
                : prefix + Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1);
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, NodeFilter filter, boolean inSubtree) {
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.text() != null) {
            query.setParameter("text", filter.text().toLowerCase(Locale.ROOT));
        }
        if (inSubtree && filter.maxDepth() != null) {
            query.setParameter("maxDepth", filter.maxDepth());
        }
        return query;
    }
}
