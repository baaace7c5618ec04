package io.branchkey.pin.jpa;

import io.branchkey.pin.PinLockoutRules.DeviceCounter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Per device: consecutive PIN failures, the last one's time and the lock. Created on a device's first attempt. */
@Entity
@Table(name = "BK_PIN_DEVICE")
public class PinDeviceEntity {

    @Id
    @Column(name = "DEVICE_ID", length = 255)
    private String deviceId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    @Column(name = "LAST_FAILURE_AT")
    private Long lastFailureAt;

    @Column(name = "LOCKED_AT")
    private Long lockedAt;

    protected PinDeviceEntity() {
    }

    PinDeviceEntity(String deviceId, String realmId) {
        this.deviceId = deviceId;
        this.realmId = realmId;
    }

    String getRealmId() { return realmId; }

    DeviceCounter counter() {
        return new DeviceCounter(failures, lastFailureAt, lockedAt);
    }

    void setCounter(DeviceCounter counter) {
        this.failures = counter.failures();
        this.lastFailureAt = counter.lastFailureAt();
        this.lockedAt = counter.lockedAt();
    }
}
