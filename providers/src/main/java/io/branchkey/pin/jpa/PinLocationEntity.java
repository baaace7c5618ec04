package io.branchkey.pin.jpa;

import io.branchkey.pin.PinLockoutRules.LocationCounter;
import io.branchkey.pin.PinLoginMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Per LOCATION: its PIN login mode and this hour's failure count. Created when the mode is first set or on the
 * first attempt there; the row is also the lock that serialises PIN attempts and PIN changes at the location.
 */
@Entity
@Table(name = "BK_PIN_LOCATION")
public class PinLocationEntity {

    @Id
    @Column(name = "NODE_ID", length = 36)
    private String nodeId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Enumerated(EnumType.STRING)
    @Column(name = "MODE", length = 16, nullable = false)
    private PinLoginMode mode = PinLoginMode.TILE_AND_PIN;

    @Column(name = "HOUR_BUCKET", nullable = false)
    private long hourBucket;

    @Column(name = "HOUR_FAILURES", nullable = false)
    private int hourFailures;

    protected PinLocationEntity() {
    }

    PinLocationEntity(String nodeId, String realmId) {
        this.nodeId = nodeId;
        this.realmId = realmId;
    }

    String getNodeId() { return nodeId; }
    String getRealmId() { return realmId; }
    PinLoginMode getMode() { return mode; }
    void setMode(PinLoginMode mode) { this.mode = mode; }

    LocationCounter counter() {
        return new LocationCounter(hourBucket, hourFailures);
    }

    void setCounter(LocationCounter counter) {
        this.hourBucket = counter.hour();
        this.hourFailures = counter.failures();
    }
}
