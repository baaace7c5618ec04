package io.branchkey.pin.jpa;

import io.branchkey.pin.PinLockoutRules.CredentialCounter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Per PIN credential: its blind index (for PIN-only login and uniqueness) and its lockout counter. The row goes
 * with Keycloak's credential row (foreign key with ON DELETE CASCADE), however that is deleted. A credential
 * Keycloak imported without Branchkey gets its row on first use, without an index until its first success.
 */
@Entity
@Table(name = "BK_PIN_CREDENTIAL")
public class PinCredentialEntity {

    @Id
    @Column(name = "CREDENTIAL_ID", length = 36)
    private String credentialId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "USER_ID", length = 255, nullable = false)
    private String userId;

    @Column(name = "BLIND_INDEX", length = 64)
    private String blindIndex;

    @Column(name = "FAILURES", nullable = false)
    private int failures;

    @Column(name = "LOCKED_AT")
    private Long lockedAt;

    protected PinCredentialEntity() {
    }

    PinCredentialEntity(String credentialId, String realmId, String userId, String blindIndex) {
        this.credentialId = credentialId;
        this.realmId = realmId;
        this.userId = userId;
        this.blindIndex = blindIndex;
    }

    String getCredentialId() { return credentialId; }
    String getUserId() { return userId; }
    String getBlindIndex() { return blindIndex; }
    void setBlindIndex(String blindIndex) { this.blindIndex = blindIndex; }

    CredentialCounter counter() {
        return new CredentialCounter(failures, lockedAt);
    }

    void setCounter(CredentialCounter counter) {
        this.failures = counter.failures();
        this.lockedAt = counter.lockedAt();
    }
}
