package io.branchkey.audit.jpa;

import io.branchkey.audit.AuditEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "BK_AUDIT")
public class AuditEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "EVENT_TIME", nullable = false)
    private long time;

    @Column(name = "ACTOR_ID", length = 255)
    private String actorId;

    @Column(name = "ACTION", length = 64, nullable = false)
    private String action;

    @Column(name = "NODE_ID", length = 36)
    private String nodeId;

    @Column(name = "TARGET_USER_ID", length = 255)
    private String targetUserId;

    @Enumerated(EnumType.STRING)
    @Column(name = "OUTCOME", length = 16, nullable = false)
    private AuditEntry.Outcome outcome;

    @Column(name = "DETAILS", length = 4000)
    private String details;

    protected AuditEntity() {
    }

    AuditEntity(String id, String realmId, AuditEntry entry) {
        this.id = id;
        this.realmId = realmId;
        this.time = entry.time();
        this.actorId = entry.actorId();
        this.action = entry.action();
        this.nodeId = entry.nodeId();
        this.targetUserId = entry.targetUserId();
        this.outcome = entry.outcome();
        this.details = entry.details() == null || entry.details().length() <= 4000 ? entry.details()
                : entry.details().substring(0, 3997) + "...";
    }

    AuditEntry toEntry() {
        return new AuditEntry(id, time, actorId, action, nodeId, targetUserId, outcome, details);
    }
}
