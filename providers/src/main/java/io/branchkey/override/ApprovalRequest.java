package io.branchkey.override;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.branchkey.common.BranchkeyException;

/**
 * What a register asks a manager to approve: the action, its context, and the approver's tile (optional at a
 * PIN-only location) and PIN. Validated on construction; the PIN is never part of toString.
 *
 * @param amount          in minor units of {@code currency}, or null
 * @param percent         e.g. a discount's percentage, or null
 * @param transactionHash the register's hash of the transaction, binding the approval to it
 */
public record ApprovalRequest(String action, Long amount, BigDecimal percent, String currency, String transactionHash,
                              String approverUserId, String approverPin) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9:+/=_.-]{8,128}");

    public ApprovalRequest {
        new OverrideRule(action, true, null, null, null); // the same action rule as policies
        if (amount != null && amount < 0) {
            throw BranchkeyException.invalid("context.amount", "amount (minor units) must not be negative");
        }
        if (percent != null && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw BranchkeyException.invalid("context.percent", "percent must be from 0 to 100");
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            throw BranchkeyException.invalid("context.currency", "currency is an ISO 4217 code such as USD");
        }
        if (transactionHash == null || !HASH.matcher(transactionHash).matches()) {
            throw BranchkeyException.invalid("context.transactionHash",
                    "transactionHash is required: 8-128 characters of a hash such as sha256:…");
        }
        if (approverPin == null || approverPin.isBlank()) {
            throw BranchkeyException.invalid("approver.pin", "the approver's PIN is required");
        }
        if (approverUserId != null && (approverUserId.isBlank() || approverUserId.length() > 64)) {
            throw BranchkeyException.invalid("approver.userId", "approver.userId must be a user id");
        }
    }

    /** The context as the approval token carries it. */
    public Map<String, Object> contextClaim() {
        Map<String, Object> context = new LinkedHashMap<>();
        if (amount != null) {
            context.put("amount", amount);
        }
        if (percent != null) {
            context.put("percent", percent);
        }
        if (currency != null) {
            context.put("currency", currency);
        }
        context.put("transactionHash", transactionHash);
        return context;
    }

    @Override
    public String toString() {
        return "ApprovalRequest[action=" + action + ", amount=" + amount + ", percent=" + percent + ", approver="
                + approverUserId + "]";
    }
}
