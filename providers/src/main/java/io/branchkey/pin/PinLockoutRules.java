package io.branchkey.pin;

import io.branchkey.pin.PinLoginResult.Reason;

/**
 * The lockout rules (docs/pin.md, "Lockout"), as pure functions of the counters. The guard reads the counters
 * from rows it has locked, asks here, and writes the answers back in the same transaction.
 *
 * <ul>
 *     <li>Location: at most {@code budget} failures per clock hour (UTC); once reached, every PIN attempt there is
 *         refused unchecked until the hour ends.</li>
 *     <li>Device: after {@value #DEVICE_DELAY_FROM} consecutive failures each attempt must wait
 *         1 s, 2 s, 4 s, 8 s … after the last failure (one inside the wait is refused unchecked); at
 *         {@value #DEVICE_LOCK_AT} the device is locked until a manager unlocks it. A success resets it.</li>
 *     <li>Credential: at {@value #CREDENTIAL_LOCK_AT} consecutive failures the PIN is locked until a reset,
 *         a new PIN or an unlock. A success resets the count.</li>
 * </ul>
 * A refusal made without checking the PIN (budget, device lock, device wait) counts nowhere. Every checked
 * attempt that fails counts at the location and the device, whatever the reason (wrong, unknown, ambiguous, a
 * locked PIN, a user without PIN): they all look the same outside. Only a wrong PIN of a known credential counts
 * against that credential.
 */
public final class PinLockoutRules {

    public static final int CREDENTIAL_LOCK_AT = 10;
    public static final int DEVICE_DELAY_FROM = 5;
    public static final int DEVICE_LOCK_AT = 10;
    public static final long HOUR_MS = 3_600_000L;
    static final long FIRST_DELAY_MS = 1_000L;

    private PinLockoutRules() {
    }

    /** Failures at a location in one clock hour ({@code hour} = epoch ms / 1 h). */
    public record LocationCounter(long hour, int failures) {

        /** The count that applies at {@code now}: zero once the hour has passed. */
        public int failuresAt(long now) {
            return hour == hourOf(now) ? failures : 0;
        }

        public LocationCounter afterFailure(long now) {
            return new LocationCounter(hourOf(now), failuresAt(now) + 1);
        }
    }

    public record DeviceCounter(int failures, Long lastFailureAt, Long lockedAt) {

        public static final DeviceCounter CLEAR = new DeviceCounter(0, null, null);

        public DeviceCounter afterFailure(long now) {
            int next = failures + 1;
            return new DeviceCounter(next, now, lockedAt != null ? lockedAt : next >= DEVICE_LOCK_AT ? Long.valueOf(now) : null);
        }

        /** When the next attempt may be made, or null if it may be made now (or the device is locked). */
        public Long retryAt() {
            if (lockedAt != null || failures < DEVICE_DELAY_FROM || lastFailureAt == null) {
                return null;
            }
            return lastFailureAt + delayAfter(failures);
        }
    }

    public record CredentialCounter(int failures, Long lockedAt) {

        public static final CredentialCounter CLEAR = new CredentialCounter(0, null);

        public CredentialCounter afterFailure(long now) {
            int next = failures + 1;
            return new CredentialCounter(next, lockedAt != null ? lockedAt : next >= CREDENTIAL_LOCK_AT ? Long.valueOf(now) : null);
        }

        public boolean locked() {
            return lockedAt != null;
        }
    }

    public static long hourOf(long epochMs) {
        return Math.floorDiv(epochMs, HOUR_MS);
    }

    /** The wait after {@code failures} consecutive failures of a device: 0 below 5, then 1 s, 2 s, 4 s … */
    public static long delayAfter(int failures) {
        if (failures < DEVICE_DELAY_FROM) {
            return 0;
        }
        return FIRST_DELAY_MS << Math.min(failures - DEVICE_DELAY_FROM, 20);
    }

    /**
     * The refusal that applies before the PIN is even looked at, or null if the attempt may go on. Checked in the
     * order location, device.
     */
    public static Reason refuseUnchecked(LocationCounter location, int budget, DeviceCounter device, long now) {
        if (location.failuresAt(now) >= budget) {
            return Reason.LOCATION_BUDGET;
        }
        if (device.lockedAt() != null) {
            return Reason.DEVICE_LOCKED;
        }
        Long retryAt = device.retryAt();
        if (retryAt != null && now < retryAt) {
            return Reason.DEVICE_DELAY;
        }
        return null;
    }

    /** Whether a checked attempt refused for this reason counts at the location and the device. */
    public static boolean countsAsFailure(Reason reason) {
        return switch (reason) {
            case WRONG_PIN, UNKNOWN_PIN, CREDENTIAL_LOCKED, AMBIGUOUS, NO_PIN, NOT_MEMBER, USER_DISABLED -> true;
            case DEVICE_LOCKED, DEVICE_DELAY, LOCATION_BUDGET, NOT_PIN_ONLY, UNKNOWN_LOCATION -> false;
        };
    }
}
