package io.branchkey.pin;

/**
 * A device's PIN lockout state (addition to the contract, for device management pages).
 *
 * @param consecutiveFailures failed PIN attempts on the device since its last success or unlock
 * @param lockedAt            when it was locked (epoch ms), or null
 * @param retryAt             while delayed: when the next attempt may be made (epoch ms), else null
 */
public record PinDeviceStatus(int consecutiveFailures, Long lockedAt, Long retryAt) {

    public boolean locked() {
        return lockedAt != null;
    }
}
