package io.branchkey.override.jpa;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import io.branchkey.override.OverrideRule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

@Entity
@IdClass(OverrideRuleEntity.Key.class)
@Table(name = "BK_OVERRIDE_RULE")
@NamedQueries({
        @NamedQuery(name = "bkOverrideRulesAt",
                query = "select r from OverrideRuleEntity r where r.nodeId = :nodeId and r.realmId = :realmId order by r.action"),
        /* The rules on the node and its ancestors, nearest first: the first per action is the one in force. */
        @NamedQuery(name = "bkOverrideRulesOnPath",
                query = "select r, c.depth from NodeClosureEntity c join OverrideRuleEntity r on r.nodeId = c.ancestorId"
                        + " where c.descendantId = :nodeId and r.realmId = :realmId order by c.depth, r.action"),
})
public class OverrideRuleEntity {

    @Id
    @Column(name = "NODE_ID", length = 36)
    private String nodeId;

    @Id
    @Column(name = "ACTION", length = 64)
    private String action;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "REQUIRED", nullable = false)
    private boolean required;

    @Column(name = "THRESHOLD_PERCENT", precision = 6, scale = 3)
    private BigDecimal thresholdPercent;

    @Column(name = "THRESHOLD_AMOUNT")
    private Long thresholdAmount;

    @Column(name = "APPROVER_PERMISSION", length = 128, nullable = false)
    private String approverPermission;

    @Column(name = "UPDATED_BY", length = 255)
    private String updatedBy;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    protected OverrideRuleEntity() {
    }

    OverrideRuleEntity(String realmId, String nodeId, String action) {
        this.realmId = realmId;
        this.nodeId = nodeId;
        this.action = action;
    }

    void apply(OverrideRule rule, String changedBy, long now) {
        required = rule.required();
        thresholdPercent = rule.thresholdPercent();
        thresholdAmount = rule.thresholdAmount();
        approverPermission = rule.approverPermission();
        updatedBy = changedBy;
        updatedAt = now;
    }

    OverrideRule toRule() {
        return new OverrideRule(action, required, thresholdPercent == null ? null : thresholdPercent.stripTrailingZeros(),
                thresholdAmount, approverPermission);
    }

    String getNodeId() {
        return nodeId;
    }

    String getAction() {
        return action;
    }

    String getRealmId() {
        return realmId;
    }

    public record Key(String nodeId, String action) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof OverrideRuleEntity other && Objects.equals(nodeId, other.nodeId)
                && Objects.equals(action, other.action);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, action);
    }
}
