package io.branchkey.override;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import io.branchkey.common.BranchkeyException;

/**
 * What a node says about one register action: whether it needs a second person's approval, above which
 * thresholds, and which permission the approver must hold. A rule on a node holds for everything below it until
 * a node further down says otherwise (a rule with {@code required=false} lifts an inherited requirement).
 *
 * @param thresholdPercent approval only when the action's percentage (a discount) is above this; null: any
 * @param thresholdAmount  approval only when the action's amount, in minor units, is above this; null: any
 */
public record OverrideRule(String action, boolean required, BigDecimal thresholdPercent, Long thresholdAmount,
                           String approverPermission) {

    public static final String DEFAULT_APPROVER_PERMISSION = "overrides.approve";
    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public OverrideRule {
        if (action == null || !ACTION.matcher(action).matches()) {
            throw BranchkeyException.invalid("action", "an action is 1-64 lower-case letters, digits or '-', such as return or discount");
        }
        if (thresholdPercent != null && (thresholdPercent.signum() < 0 || thresholdPercent.compareTo(HUNDRED) > 0
                || thresholdPercent.scale() > 3)) {
            throw BranchkeyException.invalid("thresholdPercent", "thresholdPercent must be from 0 to 100 with at most 3 decimals");
        }
        if (thresholdAmount != null && thresholdAmount < 0) {
            throw BranchkeyException.invalid("thresholdAmount", "thresholdAmount (minor units) must not be negative");
        }
        approverPermission = approverPermission == null || approverPermission.isBlank()
                ? DEFAULT_APPROVER_PERMISSION : approverPermission.trim();
        if (!required && (thresholdPercent != null || thresholdAmount != null)) {
            throw BranchkeyException.invalid("required", "a rule that lifts the requirement takes no thresholds");
        }
    }

    /**
     * Whether an action with this context needs approval under this rule. Thresholds are "above": a discount of
     * exactly the threshold passes without approval. With both thresholds, exceeding either is enough.
     */
    public boolean requiresApproval(BigDecimal percent, Long amount) {
        if (!required) {
            return false;
        }
        if (thresholdPercent == null && thresholdAmount == null) {
            return true;
        }
        boolean overPercent = thresholdPercent != null && percent != null && percent.compareTo(thresholdPercent) > 0;
        boolean overAmount = thresholdAmount != null && amount != null && amount > thresholdAmount;
        return overPercent || overAmount;
    }
}
