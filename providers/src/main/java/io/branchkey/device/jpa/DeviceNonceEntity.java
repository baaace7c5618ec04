package io.branchkey.device.jpa;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A device assertion's jti, kept until the assertion expires: the primary key makes a second use fail. */
@Entity
@IdClass(DeviceNonceEntity.Key.class)
@Table(name = "BK_DEVICE_NONCE")
public class DeviceNonceEntity {

    @Id
    @Column(name = "DEVICE_ID", length = 36)
    private String deviceId;

    @Id
    @Column(name = "JTI", length = 128)
    private String jti;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    protected DeviceNonceEntity() {
    }

    DeviceNonceEntity(String deviceId, String jti, long expiresAt) {
        this.deviceId = deviceId;
        this.jti = jti;
        this.expiresAt = expiresAt;
    }

    public record Key(String deviceId, String jti) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DeviceNonceEntity other && Objects.equals(deviceId, other.deviceId)
                && Objects.equals(jti, other.jti);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, jti);
    }
}
