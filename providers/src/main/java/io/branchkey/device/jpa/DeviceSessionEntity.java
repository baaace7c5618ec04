package io.branchkey.device.jpa;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A Keycloak user session begun at a device, by a PIN or by the device itself. Keycloak cannot look sessions up
 * by a note, so this is how disabling or deleting the device finds the sessions it must end.
 */
@Entity
@IdClass(DeviceSessionEntity.Key.class)
@Table(name = "BK_DEVICE_SESSION")
public class DeviceSessionEntity {

    @Id
    @Column(name = "DEVICE_ID", length = 36)
    private String deviceId;

    @Id
    @Column(name = "USER_SESSION_ID", length = 64)
    private String userSessionId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** When recorded, or last found still alive: the pruning looks at the longest unchecked records first. */
    @Column(name = "CHECKED_AT", nullable = false)
    private long checkedAt;

    protected DeviceSessionEntity() {
    }

    DeviceSessionEntity(String deviceId, String userSessionId, String realmId, long checkedAt) {
        this.deviceId = deviceId;
        this.userSessionId = userSessionId;
        this.realmId = realmId;
        this.checkedAt = checkedAt;
    }

    String getUserSessionId() {
        return userSessionId;
    }

    void setCheckedAt(long checkedAt) {
        this.checkedAt = checkedAt;
    }

    public record Key(String deviceId, String userSessionId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DeviceSessionEntity other && Objects.equals(deviceId, other.deviceId)
                && Objects.equals(userSessionId, other.userSessionId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, userSessionId);
    }
}
