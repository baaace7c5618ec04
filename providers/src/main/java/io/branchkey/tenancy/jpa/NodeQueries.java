package io.branchkey.tenancy.jpa;

import java.util.Locale;

import io.branchkey.tenancy.NodeFilter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.jpa.HibernateHints;

/**
 * Builds the node listings: the whole realm, roots, children, and one subtree through the closure table. Each
 * page is one statement that also brings the nodes' external ids.
 */
final class NodeQueries {

    /** Rows read per round trip for a listing page (nodes times their external ids). */
    private static final int PAGE_FETCH_SIZE = 1000;

    private final EntityManager em;

    NodeQueries(EntityManager em) {
        this.em = em;
    }

    TypedQuery<Object[]> realmNodes(String realmId, NodeFilter filter, int first, int max) {
        return bind(page("TenantNodeEntity n", "n.id", "n.realmId = :realmId" + conditions(filter, false),
                first, max, "n.depth", "n.name").setParameter("realmId", realmId), filter, false);
    }

    TypedQuery<Object[]> roots(String realmId, int first, int max) {
        return page("TenantNodeEntity n", "n.id", "n.realmId = :realmId and n.parentId is null", first, max, "n.name")
                .setParameter("realmId", realmId);
    }

    TypedQuery<Object[]> children(String parentId, int first, int max) {
        return page("TenantNodeEntity n", "n.id", "n.parentId = :parentId", first, max, "n.name")
                .setParameter("parentId", parentId);
    }

    /**
     * One page of a subtree. The page is cut from the closure table alone: filter and order columns are all in
     * IDX_BK_CLOSURE_SUBTREE(_KIND), so the database walks the index in order and stops after the page, never
     * joining or sorting the whole subtree.
     */
    TypedQuery<Object[]> subtreePage(String nodeId, NodeFilter filter, int first, int max) {
        return bind(page("NodeClosureEntity c", "c.descendantId", "c.ancestorId = :nodeId and c.depth > 0"
                        + conditions(filter, true), first, max, "c.depth", "c.descendantName")
                .setParameter("nodeId", nodeId), filter, true);
    }

    /**
     * A page of nodes with their external ids, in listing order, as one statement of ListedNode rows: the inner
     * query picks the page's node ids (ordered by the keys, then the id), and only those are joined to their nodes
     * and external ids, so the page is cut by nodes, never by joined rows.
     */
    private TypedQuery<Object[]> page(String from, String idColumn, String where, int first, int max,
                                      String... keys) {
        StringBuilder inner = new StringBuilder("select ").append(idColumn).append(" as id");
        StringBuilder outerOrder = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            inner.append(", ").append(keys[i]).append(" as k").append(i);
            outerOrder.append("p.k").append(i).append(", ");
        }
        inner.append(" from ").append(from).append(" where ").append(where)
                .append(" order by ").append(String.join(", ", keys)).append(", ").append(idColumn)
                .append(" offset :first rows fetch first :max rows only");
        String jpql = "select " + ListedNode.COLUMNS + " from (" + inner + ") p join TenantNodeEntity node on node.id = p.id"
                + " left join node.externalIds x order by " + outerOrder + "p.id";
        return em.createQuery(jpql, Object[].class)
                .setParameter("first", first).setParameter("max", max)
                // A page is at most max nodes with a few external ids each: read it in one round trip rather than
                // in Keycloak's default batches of 64 rows.
                .setHint(HibernateHints.HINT_FETCH_SIZE, PAGE_FETCH_SIZE);
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
