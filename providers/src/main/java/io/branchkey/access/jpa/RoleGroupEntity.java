package io.branchkey.access.jpa;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

/**
 * A named bundle of permissions: a realm-wide template (no owner) or owned by an account and visible only in
 * its subtree. Permissions are stored by catalog index, which never changes.
 */
@Entity
@Table(name = "BK_ROLE_GROUP")
@NamedQueries({
        @NamedQuery(name = "bkRoleGroupById",
                query = "select g from RoleGroupEntity g where g.id = :id and g.realmId = :realmId"),
        @NamedQuery(name = "bkRoleGroupByName",
                query = "select g from RoleGroupEntity g where g.realmId = :realmId and g.ownerKey = :ownerKey and g.name = :name"),
        @NamedQuery(name = "bkRoleGroupsOfRealm",
                query = "select g from RoleGroupEntity g where g.realmId = :realmId order by g.ownerKey, g.name"),
        @NamedQuery(name = "bkRoleGroupsByOwner",
                query = "select g from RoleGroupEntity g where g.realmId = :realmId and g.ownerKey = :ownerKey order by g.name"),
        @NamedQuery(name = "bkRoleGroupsVisibleAt",
                query = "select g from RoleGroupEntity g where g.realmId = :realmId and (g.ownerKey = '-' or g.ownerKey in"
                        + " (select c.ancestorId from NodeClosureEntity c where c.descendantId = :nodeId)) order by g.ownerKey, g.name"),
})
public class RoleGroupEntity {

    /** ownerKey of realm templates: a non-null marker so that (realm, owner, name) can be unique on any database. */
    public static final String TEMPLATE_OWNER = "-";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "OWNER_KEY", length = 36, nullable = false)
    private String ownerKey;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    @Column(name = "SOURCE", length = 64)
    private String source;

    @ElementCollection
    @BatchSize(size = 1000)
    @CollectionTable(name = "BK_ROLE_GROUP_PERMISSION", joinColumns = @JoinColumn(name = "ROLE_GROUP_ID"))
    @Column(name = "PERM_INDEX", nullable = false)
    private Set<Integer> permissions = new HashSet<>();

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getOwnerKey() { return ownerKey; }
    public void setOwnerKey(String ownerKey) { this.ownerKey = ownerKey; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public Set<Integer> getPermissions() { return permissions; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RoleGroupEntity other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
