package io.branchkey.override.jpa;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A redeemed approval's jti, kept until the approval expires: the primary key makes a second redemption fail. */
@Entity
@Table(name = "BK_OVERRIDE_REDEMPTION")
public class RedemptionEntity {

    @Id
    @Column(name = "JTI", length = 64)
    private String jti;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "REDEEMED_AT", nullable = false)
    private long redeemedAt;

    @Column(name = "REDEEMED_BY", length = 255)
    private String redeemedBy;

    protected RedemptionEntity() {
    }

    public RedemptionEntity(String jti, String realmId, long expiresAt, long redeemedAt, String redeemedBy) {
        this.jti = jti;
        this.realmId = realmId;
        this.expiresAt = expiresAt;
        this.redeemedAt = redeemedAt;
        this.redeemedBy = redeemedBy;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof RedemptionEntity other && Objects.equals(jti, other.jti);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(jti);
    }
}
