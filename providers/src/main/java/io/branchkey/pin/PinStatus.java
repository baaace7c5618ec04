package io.branchkey.pin;

/**
 * A user's PIN as admins may see it: whether there is one, since when, and its lockout state. Never the PIN.
 *
 * @param createdAt           when the current PIN was set (epoch ms), or null
 * @param locked              whether 10 consecutive failures locked it (until a reset or unlock)
 * @param consecutiveFailures failures since the last success, reset or unlock
 */
public record PinStatus(boolean configured, Long createdAt, boolean locked, int consecutiveFailures) {

    public static final PinStatus NONE = new PinStatus(false, null, false, 0);
}
