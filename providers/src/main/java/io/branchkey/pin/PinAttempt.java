package io.branchkey.pin;

/**
 * One PIN typed at a PIN pad.
 *
 * @param locationId the LOCATION node of the device
 * @param deviceId   the registered device it was typed on (required: the per-device limits hang on it)
 * @param userId     the tile the person picked, or null at a PIN-only location
 * @param pin        what was typed; never logged
 * @param permission what the person must hold at the location for a right PIN to open anything (register.access at
 *                   a register, the approving permission for an override); a right PIN without it is
 *                   {@link PinLoginResult.Outcome#DENIED} and leaves every failure counter as it was
 */
public record PinAttempt(String locationId, String deviceId, String userId, String pin, String permission) {

    @Override
    public String toString() {
        return "PinAttempt[locationId=" + locationId + ", deviceId=" + deviceId + ", userId=" + userId
                + ", permission=" + permission + "]";
    }
}
