package io.branchkey.override;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import io.branchkey.common.BranchkeyException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OverrideRuleTest {

    private static BigDecimal pct(String value) {
        return value == null || value.isEmpty() ? null : new BigDecimal(value);
    }

    @ParameterizedTest(name = "required={0}, above {1}% or {2}: a {3}% / {4} action needs approval: {5}")
    @CsvSource(nullValues = "-", value = {
            // no thresholds: always
            "true,  -,  -,    -,   -,    true",
            "true,  -,  -,    5,   100,  true",
            // a discount above 10 percent
            "true,  10, -,    10,  -,    false",
            "true,  10, -,    10.5,-,    true",
            "true,  10, -,    -,   5000, false",
            // an amount above 50.00 (minor units)
            "true,  -,  5000, -,   5000, false",
            "true,  -,  5000, -,   5001, true",
            // either threshold is enough
            "true,  10, 5000, 5,   9000, true",
            "true,  10, 5000, 15,  100,  true",
            "true,  10, 5000, 5,   100,  false",
            // a lifted requirement never asks
            "false, -,  -,    50,  9999, false",
    })
    void approvalIsNeededAboveTheThresholds(boolean required, String percent, Long amount, String actualPercent,
                                            Long actualAmount, boolean expected) {
        OverrideRule rule = new OverrideRule("discount", required, pct(percent), amount, null);
        assertThat(rule.requiresApproval(pct(actualPercent), actualAmount)).isEqualTo(expected);
    }

    @Test
    void theApproverPermissionDefaultsToOverridesApprove() {
        assertThat(new OverrideRule("return", true, null, null, " ").approverPermission()).isEqualTo("overrides.approve");
    }

    @Test
    void badRulesNameTheField() {
        assertField(() -> new OverrideRule("Return!", true, null, null, null), "action");
        assertField(() -> new OverrideRule("discount", true, new BigDecimal("101"), null, null), "thresholdPercent");
        assertField(() -> new OverrideRule("discount", true, new BigDecimal("-1"), null, null), "thresholdPercent");
        assertField(() -> new OverrideRule("discount", true, new BigDecimal("1.2345"), null, null), "thresholdPercent");
        assertField(() -> new OverrideRule("void", true, null, -5L, null), "thresholdAmount");
        assertField(() -> new OverrideRule("void", false, null, 5L, null), "required");
    }

    private static void assertField(Runnable construct, String field) {
        assertThatThrownBy(construct::run).isInstanceOf(BranchkeyException.class)
                .extracting(e -> ((BranchkeyException) e).getField()).isEqualTo(field);
    }
}
