package io.branchkey.override;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.branchkey.override.EffectiveRule;
import io.branchkey.override.OverrideRule;

/** JSON shapes of override rules in the admin, delegated and device APIs. */
public final class OverrideRepresentations {

    private OverrideRepresentations() {
    }

    /** A rule as set on a node; the action is the path's. */
    public record RuleInput(Boolean required, BigDecimal thresholdPercent, Long thresholdAmount, String approverPermission) {

        public OverrideRule toRule(String action) {
            return new OverrideRule(action, required == null || required, thresholdPercent, thresholdAmount,
                    approverPermission);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(String action, boolean required, BigDecimal thresholdPercent, Long thresholdAmount,
                       String approverPermission, String definedAt) {

        public static Rule of(OverrideRule rule) {
            return new Rule(rule.action(), rule.required(), rule.thresholdPercent(), rule.thresholdAmount(),
                    rule.approverPermission(), null);
        }

        public static Rule of(EffectiveRule effective) {
            OverrideRule rule = effective.rule();
            return new Rule(rule.action(), rule.required(), rule.thresholdPercent(), rule.thresholdAmount(),
                    rule.approverPermission(), effective.definedAt());
        }
    }
}
