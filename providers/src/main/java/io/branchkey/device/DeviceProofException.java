package io.branchkey.device;

/**
 * A device request whose proof does not hold. The reason is for events and logs; callers answer every reason the
 * same way, so a probe learns nothing about which devices exist.
 */
public class DeviceProofException extends RuntimeException {

    public enum Reason { MALFORMED, UNKNOWN_DEVICE, DISABLED, BAD_SIGNATURE, EXPIRED, BAD_AUDIENCE, REPLAYED, WRONG_LOCATION }

    private final Reason reason;

    public DeviceProofException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
