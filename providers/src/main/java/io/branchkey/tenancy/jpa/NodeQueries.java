package io.branchkey.tenancy.jpa;

import java.util.Locale;

import io.branchkey.tenancy.NodeFilter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Builds the filtered node listings: the whole realm, or one subtree through the closure table. Each listing
 * is one query (plus at most one batch fetch of external ids for the page).
 */
final class NodeQueries {

    private final EntityManager em;

    NodeQueries(EntityManager em) {
        this.em = em;
    }

    TypedQuery<TenantNodeEntity> realmNodes(String realmId, NodeFilter filter) {
        String jpql = "select n from TenantNodeEntity n where n.realmId = :realmId" + conditions(filter, false)
                + " order by n.depth, n.name, n.id";
        return bind(em.createQuery(jpql, TenantNodeEntity.class).setParameter("realmId", realmId), filter, false);
    }

    TypedQuery<TenantNodeEntity> subtree(String nodeId, NodeFilter filter) {
        // Ordered by the closure's own columns, so the database walks IDX_BK_CLOSURE_SUBTREE(_KIND) in order
        // and stops after the page instead of sorting the whole subtree.
        String jpql = "select n from NodeClosureEntity c join TenantNodeEntity n on n.id = c.descendantId"
                + " where c.ancestorId = :nodeId and c.depth > 0" + conditions(filter, true)
                + " order by c.depth, c.descendantName, c.descendantId";
        return bind(em.createQuery(jpql, TenantNodeEntity.class).setParameter("nodeId", nodeId), filter, true);
    }

    TypedQuery<Long> countSubtree(String nodeId, NodeFilter filter) {
        String jpql = "select count(n) from NodeClosureEntity c join TenantNodeEntity n on n.id = c.descendantId"
                + " where c.ancestorId = :nodeId and c.depth > 0" + conditions(filter, true);
        return bind(em.createQuery(jpql, Long.class).setParameter("nodeId", nodeId), filter, true);
    }

    private static String conditions(NodeFilter filter, boolean inSubtree) {
        StringBuilder where = new StringBuilder();
        if (filter.kind() != null) {
            where.append(inSubtree ? " and c.descendantKind = :kind" : " and n.kind = :kind");
        }
        if (filter.status() != null) {
            where.append(" and n.status = :status");
        }
        if (filter.text() != null) {
            String name = inSubtree ? "c.descendantName" : "n.name";
            where.append(" and (lower(" + name + ") like :text escape '!' or lower(n.code) like :text escape '!')");
        }
        if (inSubtree && filter.maxDepth() != null) {
            where.append(" and c.depth <= :maxDepth");
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, NodeFilter filter, boolean inSubtree) {
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.text() != null) {
            query.setParameter("text", "%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (inSubtree && filter.maxDepth() != null) {
            query.setParameter("maxDepth", filter.maxDepth());
        }
        return query;
    }

    // The caller's text is matched literally: its own % and _ are not wildcards.
    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
