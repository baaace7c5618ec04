package io.branchkey.claims.approval;

import java.time.Instant;
import java.util.Map;

/**
 * A verified manager approval (docs/overrides.md): {@code requester} asked, {@code approver} approved, for one
 * action with its context, at one location and device.
 *
 * @param context amount (minor units), percent, currency and transactionHash as the register sent them; never null
 */
public record Approval(String id, String requester, String approver, String action, Map<String, Object> context,
                       String locationId, long locationHandle, String deviceId, Instant expiresAt) {

    public Approval {
        context = Map.copyOf(context);
    }

    /** The transaction hash the approval is bound to; compare it with the transaction at hand. */
    public String transactionHash() {
        return context.get("transactionHash") instanceof String hash ? hash : null;
    }
}
