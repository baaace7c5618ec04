package io.branchkey.tenancy.jpa;

import java.io.Serializable;
import java.util.Objects;

import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One (ancestor, descendant) pair of the tree's closure, including each node paired with itself at depth 0.
 * Ancestor and subtree lookups are then single equality lookups on an index, on any database.
 */
@Entity
@IdClass(NodeClosureEntity.Key.class)
@Table(name = "BK_NODE_CLOSURE")
public class NodeClosureEntity {

    @Id
    @Column(name = "ANCESTOR_ID", length = 36)
    private String ancestorId;

    @Id
    @Column(name = "DESCENDANT_ID", length = 36)
    private String descendantId;

    /** Number of edges between the two; 0 for the self pair. */
    @Column(name = "DEPTH", nullable = false)
    private int depth;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /**
     * The descendant's listing attributes, kept in step by ClosureTable: the subtree listing's filter and sort keys.
     * Name and code are stored lower-cased (Locale.ROOT), so that a search compares them without a function per row.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "DESCENDANT_KIND", length = 16, nullable = false)
    private NodeKind descendantKind;

    @Column(name = "DESCENDANT_NAME", length = 255, nullable = false)
    private String descendantName;

    @Column(name = "DESCENDANT_CODE", length = 64)
    private String descendantCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "DESCENDANT_STATUS", length = 16, nullable = false)
    private NodeStatus descendantStatus;

    public String getAncestorId() { return ancestorId; }
    public String getDescendantId() { return descendantId; }
    public int getDepth() { return depth; }
    public String getRealmId() { return realmId; }
    public NodeKind getDescendantKind() { return descendantKind; }
    public String getDescendantName() { return descendantName; }
    public String getDescendantCode() { return descendantCode; }
    public NodeStatus getDescendantStatus() { return descendantStatus; }

    public record Key(String ancestorId, String descendantId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof NodeClosureEntity other
                && Objects.equals(ancestorId, other.ancestorId) && Objects.equals(descendantId, other.descendantId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ancestorId, descendantId);
    }
}
