package io.branchkey.tenancy.jpa;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "BK_NODE")
@NamedQueries({
        @NamedQuery(name = "bkNodeById", query = "select n from TenantNodeEntity n where n.id = :id and n.realmId = :realmId"),
        @NamedQuery(name = "bkNodeHandles", query = "select n.id, n.handle from TenantNodeEntity n where n.id in :ids"),
        @NamedQuery(name = "bkNodePathHandles",
                query = "select n.handle from NodeClosureEntity c join TenantNodeEntity n on n.id = c.ancestorId"
                        + " where c.descendantId = :id and n.realmId = :realmId order by c.depth desc"),
        @NamedQuery(name = "bkNodeOutline",
                query = "select n.id, n.handle, p.handle, n.kind from TenantNodeEntity n"
                        + " left join TenantNodeEntity p on p.id = n.parentId where n.realmId = :realmId order by n.handle"),
        @NamedQuery(name = "bkNodeByCode", query = "select n from TenantNodeEntity n where n.realmId = :realmId and n.code = :code"),
        @NamedQuery(name = "bkNodeCodeTaken",
                query = "select count(n) from TenantNodeEntity n where n.realmId = :realmId and n.code = :code and n.id <> :id"),
        @NamedQuery(name = "bkNodeHasChildren",
                query = "select count(n) from TenantNodeEntity n where n.parentId = :id"),
        @NamedQuery(name = "bkNodeAncestors",
                query = "select n from NodeClosureEntity c join TenantNodeEntity n on n.id = c.ancestorId"
                        + " left join fetch n.externalIds where c.descendantId = :id and c.depth > 0 order by c.depth desc"),
        @NamedQuery(name = "bkNodeAncestorOrSelfIds",
                query = "select c.ancestorId from NodeClosureEntity c where c.descendantId = :id order by c.depth"),
        @NamedQuery(name = "bkNodeIsAncestorOrSelf",
                query = "select count(c) from NodeClosureEntity c where c.ancestorId = :ancestorId and c.descendantId = :id"),
})
public class TenantNodeEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "PARENT_ID", length = 36)
    private String parentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 16, nullable = false)
    private NodeKind kind;

    @Column(name = "HANDLE", nullable = false)
    private long handle;

    @Column(name = "DEPTH", nullable = false)
    private int depth;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "CODE", length = 64)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private NodeStatus status;

    @Column(name = "TIMEZONE", length = 64)
    private String timezone;

    @Column(name = "ADDRESS_LINE1")
    private String addressLine1;

    @Column(name = "ADDRESS_LINE2")
    private String addressLine2;

    @Column(name = "CITY", length = 100)
    private String city;

    @Column(name = "REGION", length = 100)
    private String region;

    @Column(name = "POSTAL_CODE", length = 32)
    private String postalCode;

    @Column(name = "COUNTRY", length = 2)
    private String country;

    // Listings join external ids into the page statement (NodeQueries); where several managed nodes are read in
    // one session (memberships of a user), batch fetching loads all their external ids in one query, not one per node.
    @ElementCollection
    @BatchSize(size = 1000)
    @CollectionTable(name = "BK_NODE_EXTERNAL_ID", joinColumns = @JoinColumn(name = "NODE_ID"))
    @MapKeyColumn(name = "NAME", length = 64)
    @Column(name = "ID_VALUE", nullable = false)
    private Map<String, String> externalIds = new HashMap<>();

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getParentId() { return parentId; }
    public void setParentId(String parentId) { this.parentId = parentId; }
    public NodeKind getKind() { return kind; }
    public long getHandle() { return handle; }
    public void setHandle(long handle) { this.handle = handle; }
    public void setKind(NodeKind kind) { this.kind = kind; }
    public int getDepth() { return depth; }
    public void setDepth(int depth) { this.depth = depth; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public NodeStatus getStatus() { return status; }
    public void setStatus(NodeStatus status) { this.status = status; }
    public String getTimezone() { return timezone; }
    public void setTimezone(String timezone) { this.timezone = timezone; }
    public String getAddressLine1() { return addressLine1; }
    public void setAddressLine1(String addressLine1) { this.addressLine1 = addressLine1; }
    public String getAddressLine2() { return addressLine2; }
    public void setAddressLine2(String addressLine2) { this.addressLine2 = addressLine2; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public Map<String, String> getExternalIds() { return externalIds; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TenantNodeEntity other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
