package io.branchkey.device.jpa;

import java.util.Objects;

import io.branchkey.device.DeviceModel;
import io.branchkey.device.DeviceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@Table(name = "BK_DEVICE")
@NamedQueries({
        @NamedQuery(name = "bkDeviceById", query = "select d from DeviceEntity d where d.id = :id and d.realmId = :realmId"),
        @NamedQuery(name = "bkDevicesAtLocation",
                query = "select d from DeviceEntity d where d.locationId = :locationId and d.realmId = :realmId order by d.name, d.id"),
})
public class DeviceEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "LOCATION_ID", length = 36, nullable = false)
    private String locationId;

    @Column(name = "TYPE", length = 64, nullable = false)
    private String type;

    @Column(name = "NAME", length = 255, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private DeviceStatus status;

    /** The public JWK the device enrolled with. */
    @Column(name = "PUBLIC_KEY", length = 4000, nullable = false)
    private String publicKey;

    @Column(name = "CREATED_BY", length = 255)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    @Column(name = "LAST_SEEN_AT", nullable = false)
    private long lastSeenAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getLocationId() { return locationId; }
    public void setLocationId(String locationId) { this.locationId = locationId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public DeviceStatus getStatus() { return status; }
    public void setStatus(DeviceStatus status) { this.status = status; }
    public String getPublicKey() { return publicKey; }
    public void setPublicKey(String publicKey) { this.publicKey = publicKey; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }
    public long getLastSeenAt() { return lastSeenAt; }
    public void setLastSeenAt(long lastSeenAt) { this.lastSeenAt = lastSeenAt; }

    DeviceModel toModel() {
        return new DeviceModel(id, realmId, locationId, type, name, status, createdBy, createdAt, updatedAt, lastSeenAt);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DeviceEntity other && Objects.equals(id, other.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
