package io.branchkey.tenancy.jpa;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A user belongs to a node. No foreign key to the user table: users may come from federation, so user removal
 * is handled by an event listener.
 */
@Entity
@IdClass(TenantMembershipEntity.Key.class)
@Table(name = "BK_MEMBERSHIP")
@NamedQueries({
        @NamedQuery(name = "bkMembersOfNode",
                query = "select m.userId from TenantMembershipEntity m where m.nodeId = :nodeId order by m.userId"),
        @NamedQuery(name = "bkMembersOfSubtree",
                query = "select distinct m.userId from NodeClosureEntity c join TenantMembershipEntity m on m.nodeId = c.descendantId"
                        + " where c.ancestorId = :nodeId order by m.userId"),
        @NamedQuery(name = "bkMembershipsOfUser",
                query = "select n from TenantMembershipEntity m join TenantNodeEntity n on n.id = m.nodeId"
                        + " where m.realmId = :realmId and m.userId = :userId order by n.depth, n.name, n.id"),
        @NamedQuery(name = "bkDeleteMembershipsOfUser",
                query = "delete from TenantMembershipEntity m where m.realmId = :realmId and m.userId = :userId"),
})
public class TenantMembershipEntity {

    @Id
    @Column(name = "NODE_ID", length = 36)
    private String nodeId;

    @Id
    @Column(name = "USER_ID", length = 255)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected TenantMembershipEntity() {
    }

    TenantMembershipEntity(String realmId, String nodeId, String userId, long createdAt) {
        this.realmId = realmId;
        this.nodeId = nodeId;
        this.userId = userId;
        this.createdAt = createdAt;
    }

    public String getNodeId() { return nodeId; }
    public String getUserId() { return userId; }
    public String getRealmId() { return realmId; }
    public long getCreatedAt() { return createdAt; }

    public record Key(String nodeId, String userId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TenantMembershipEntity other
                && Objects.equals(nodeId, other.nodeId) && Objects.equals(userId, other.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, userId);
    }
}
