package io.branchkey.access.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.branchkey.tenancy.NodeKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

/** A realm's catalog entry. Rows are only ever added or retired: the index of a key never changes. */
@Entity
@Table(name = "BK_PERMISSION")
@NamedQueries({
        @NamedQuery(name = "bkPermissionsOfRealm",
                query = "select p from PermissionEntity p where p.realmId = :realmId order by p.index"),
        @NamedQuery(name = "bkPermissionMaxIndex",
                query = "select max(p.index) from PermissionEntity p where p.realmId = :realmId"),
        @NamedQuery(name = "bkDeletePermissionsOfRealm",
                query = "delete from PermissionEntity p where p.realmId = :realmId"),
})
public class PermissionEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "PERM_INDEX", nullable = false)
    private int index;

    @Column(name = "PERM_KEY", length = 128, nullable = false)
    private String key;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "DESCRIPTION", length = 1000)
    private String description;

    @Column(name = "SECTION", length = 100, nullable = false)
    private String section;

    @Enumerated(EnumType.STRING)
    @Column(name = "MIN_LEVEL", length = 16)
    private NodeKind minLevel;

    @Column(name = "RETIRED", nullable = false)
    private boolean retired;

    @Column(name = "REALM_ADMIN_ONLY", nullable = false)
    private boolean realmAdminOnly;

    @Column(name = "BUILT_IN", nullable = false)
    private boolean builtIn;

    @ElementCollection
    @BatchSize(size = 1000)
    @CollectionTable(name = "BK_PERMISSION_IMPLIES", joinColumns = @JoinColumn(name = "PERMISSION_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "IMPLIED_KEY", length = 128, nullable = false)
    private List<String> implies = new ArrayList<>();

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public int getIndex() { return index; }
    public void setIndex(int index) { this.index = index; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getSection() { return section; }
    public void setSection(String section) { this.section = section; }
    public NodeKind getMinLevel() { return minLevel; }
    public void setMinLevel(NodeKind minLevel) { this.minLevel = minLevel; }
    public boolean isRetired() { return retired; }
    public void setRetired(boolean retired) { this.retired = retired; }
    public boolean isRealmAdminOnly() { return realmAdminOnly; }
    public void setRealmAdminOnly(boolean realmAdminOnly) { this.realmAdminOnly = realmAdminOnly; }
    public boolean isBuiltIn() { return builtIn; }
    public void setBuiltIn(boolean builtIn) { this.builtIn = builtIn; }
    public List<String> getImplies() { return implies; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof PermissionEntity other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
