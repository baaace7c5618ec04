package io.branchkey.tenancy.jpa;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A user's home account: at most one per user, enforced by the primary key. */
@Entity
@Table(name = "BK_HOME_ACCOUNT")
public class HomeAccountEntity {

    @Id
    @Column(name = "USER_ID", length = 255)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "NODE_ID", length = 36, nullable = false)
    private String nodeId;

    protected HomeAccountEntity() {
    }

    HomeAccountEntity(String realmId, String userId, String nodeId) {
        this.realmId = realmId;
        this.userId = userId;
        this.nodeId = nodeId;
    }

    public String getUserId() { return userId; }
    public String getRealmId() { return realmId; }
    public String getNodeId() { return nodeId; }
    public void setNodeId(String nodeId) { this.nodeId = nodeId; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof HomeAccountEntity other && Objects.equals(userId, other.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(userId);
    }
}
