package io.branchkey.access.jpa;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A user holds a role group at a node (and so everywhere below it), possibly only for a while. */
@Entity
@Table(name = "BK_GRANT")
@NamedQueries({
        @NamedQuery(name = "bkGrantById", query = "select g from GrantEntity g where g.id = :id and g.realmId = :realmId"),
        @NamedQuery(name = "bkGrantsOfUser",
                query = "select g from GrantEntity g where g.realmId = :realmId and g.userId = :userId order by g.grantedAt, g.id"),
        @NamedQuery(name = "bkGrantsAtNode",
                query = "select g from GrantEntity g where g.nodeId = :nodeId order by g.grantedAt, g.id"),
        @NamedQuery(name = "bkGrantsOfRoleGroup",
                query = "select g from GrantEntity g where g.roleGroupId = :roleGroupId order by g.grantedAt, g.id"),
        @NamedQuery(name = "bkGrantsOfRoleGroupCount",
                query = "select count(g) from GrantEntity g where g.roleGroupId = :roleGroupId"),
        /*
         * The one query behind every resolution: the grants on the node and its ancestors, with the kind of node
         * each was made at and its role group's permission indexes. Index lookups only: the closure by
         * descendant, grants by (user, node), role-group permissions by group.
         */
        @NamedQuery(name = "bkGrantRowsReaching",
                query = "select g.id, n.kind, g.startsAt, g.endsAt, p"
                        + " from NodeClosureEntity c join GrantEntity g on g.nodeId = c.ancestorId"
                        + " join TenantNodeEntity n on n.id = g.nodeId"
                        + " join RoleGroupEntity rg on rg.id = g.roleGroupId join rg.permissions p"
                        + " where c.descendantId = :nodeId and g.userId = :userId and g.realmId = :realmId"),
        @NamedQuery(name = "bkGrantRowsOfUser",
                query = "select g.id, n.kind, g.startsAt, g.endsAt, p, g.nodeId, rg.name"
                        + " from GrantEntity g join TenantNodeEntity n on n.id = g.nodeId"
                        + " join RoleGroupEntity rg on rg.id = g.roleGroupId join rg.permissions p"
                        + " where g.realmId = :realmId and g.userId = :userId"),
        @NamedQuery(name = "bkGrantRowsAtNodeWithAny",
                query = "select g.id, n.kind, g.startsAt, g.endsAt, p, g.userId"
                        + " from NodeClosureEntity c join GrantEntity g on g.nodeId = c.ancestorId"
                        + " join TenantNodeEntity n on n.id = g.nodeId"
                        + " join RoleGroupEntity rg on rg.id = g.roleGroupId join rg.permissions p"
                        + " where c.descendantId = :nodeId and g.realmId = :realmId and p in :indexes"),
        /* Scoped access (token claims): how the nodes a user holds grants on sit above one another. */
        @NamedQuery(name = "bkClosurePairsAmong",
                query = "select c.ancestorId, c.descendantId, c.depth from NodeClosureEntity c"
                        + " where c.descendantId in :ids and c.ancestorId in :ids and c.depth > 0"),
        @NamedQuery(name = "bkClosureDescendantsAmong",
                query = "select c.descendantId from NodeClosureEntity c"
                        + " where c.ancestorId = :ancestorId and c.descendantId in :ids and c.depth > 0"),
})
public class GrantEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 255, nullable = false)
    private String userId;

    @Column(name = "NODE_ID", length = 36, nullable = false)
    private String nodeId;

    @Column(name = "ROLE_GROUP_ID", length = 36, nullable = false)
    private String roleGroupId;

    @Column(name = "STARTS_AT")
    private Long startsAt;

    @Column(name = "ENDS_AT")
    private Long endsAt;

    /** Who made the grant: a user id, or "realm-admin:<id>" style marker chosen by the caller. */
    @Column(name = "GRANTED_BY", length = 255)
    private String grantedBy;

    @Column(name = "GRANTED_AT", nullable = false)
    private long grantedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getNodeId() { return nodeId; }
    public void setNodeId(String nodeId) { this.nodeId = nodeId; }
    public String getRoleGroupId() { return roleGroupId; }
    public void setRoleGroupId(String roleGroupId) { this.roleGroupId = roleGroupId; }
    public Long getStartsAt() { return startsAt; }
    public void setStartsAt(Long startsAt) { this.startsAt = startsAt; }
    public Long getEndsAt() { return endsAt; }
    public void setEndsAt(Long endsAt) { this.endsAt = endsAt; }
    public String getGrantedBy() { return grantedBy; }
    public void setGrantedBy(String grantedBy) { this.grantedBy = grantedBy; }
    public long getGrantedAt() { return grantedAt; }
    public void setGrantedAt(long grantedAt) { this.grantedAt = grantedAt; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof GrantEntity other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
