package io.branchkey.device.jpa;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A one-time enrollment code, by the hash of realm and code; the code itself is never stored. */
@Entity
@Table(name = "BK_DEVICE_ENROLLMENT")
public class EnrollmentEntity {

    @Id
    @Column(name = "CODE_HASH", length = 64)
    private String codeHash;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "LOCATION_ID", length = 36, nullable = false)
    private String locationId;

    @Column(name = "TYPE", length = 64, nullable = false)
    private String type;

    @Column(name = "NAME", length = 255)
    private String name;

    @Column(name = "CREATED_BY", length = 255)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "USED_AT")
    private Long usedAt;

    @Column(name = "DEVICE_ID", length = 36)
    private String deviceId;

    public String getCodeHash() { return codeHash; }
    public void setCodeHash(String codeHash) { this.codeHash = codeHash; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getLocationId() { return locationId; }
    public void setLocationId(String locationId) { this.locationId = locationId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(long expiresAt) { this.expiresAt = expiresAt; }
    public Long getUsedAt() { return usedAt; }
    public void setUsedAt(Long usedAt) { this.usedAt = usedAt; }
    public String getDeviceId() { return deviceId; }
    public void setDeviceId(String deviceId) { this.deviceId = deviceId; }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof EnrollmentEntity other && Objects.equals(codeHash, other.codeHash);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(codeHash);
    }
}
