package io.branchkey.pin;

import org.keycloak.models.UserModel;

/**
 * What one PIN attempt came to. Every refusal looks the same to the person at the PIN pad; {@link #reason()} is
 * for events and logs only and must never be shown.
 *
 * @param user   the signed-in user (of the caller's session), for {@link Outcome#OK} and {@link Outcome#DENIED}
 * @param reason why it was refused (a {@link Reason} name), or null for OK
 */
public record PinLoginResult(Outcome outcome, UserModel user, String reason) {

    /** OK: the PIN and the permission; DENIED: the right PIN of someone without the permission; REFUSED: anything else. */
    public enum Outcome { OK, DENIED, REFUSED }

    /** Internal refusal reasons. Names are stable: flows may put them into event details. */
    public enum Reason {
        /** the user has a PIN and it is not this one */
        WRONG_PIN,
        /** PIN-only: no member of the location has this PIN */
        UNKNOWN_PIN,
        /** the PIN's credential is locked after too many failures, until a reset or unlock */
        CREDENTIAL_LOCKED,
        /** the device is locked after too many failures, until a manager unlocks it */
        DEVICE_LOCKED,
        /** the device must wait after repeated failures; the PIN was not checked */
        DEVICE_DELAY,
        /** the location's failures this clock hour reached the realm's budget; the PIN was not checked */
        LOCATION_BUDGET,
        /** PIN-only: two members have this PIN */
        AMBIGUOUS,
        /** the chosen user has no PIN */
        NO_PIN,
        /** the chosen user does not exist or is not a member of the location (addition to the contract) */
        NOT_MEMBER,
        /** the user is disabled (addition) */
        USER_DISABLED,
        /** a PIN-only attempt (no user) at a location whose mode is not PIN_ONLY (addition) */
        NOT_PIN_ONLY,
        /** the location does not exist or is not a LOCATION (addition) */
        UNKNOWN_LOCATION
    }

    public static PinLoginResult ok(UserModel user) {
        return new PinLoginResult(Outcome.OK, user, null);
    }

    /** The right PIN, of a person who lacks the attempt's permission (KlickTrack: "access denied"). */
    public static PinLoginResult denied(UserModel user) {
        return new PinLoginResult(Outcome.DENIED, user, null);
    }

    public static PinLoginResult refused(Reason reason) {
        return new PinLoginResult(Outcome.REFUSED, null, reason.name());
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }

    public boolean isDenied() {
        return outcome == Outcome.DENIED;
    }
}
