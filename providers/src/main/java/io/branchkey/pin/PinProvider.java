package io.branchkey.pin;

import java.util.List;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * PINs: set, generate, reset, check with lockout (SPI {@value PinSpi#NAME}, provider {@code default};
 * docs/pin.md). The only way to check a PIN is {@link #attempt}, which applies every lockout rule.
 */
public interface PinProvider extends Provider {

    /**
     * One PIN attempt, in its own transaction: the lockout counters are committed even when the attempt is
     * refused, and even if the caller's transaction later rolls back. Locks the location's, the device's and the
     * credential's counter rows in that order, so parallel attempts count exactly. Unknown, wrong and locked
     * PINs take similar time and give the same outcome (REFUSED); the reason is for events only. Never touches
     * Keycloak's brute-force state or the user's password.
     *
     * @return OK with the user (loaded in the caller's session) or REFUSED with a reason
     * @throws IllegalArgumentException if the attempt lacks a location or device id
     * @throws PinConfigurationException if the realm has no usable pepper
     */
    PinLoginResult attempt(RealmModel realm, PinAttempt attempt);

    /**
     * Replaces the user's PIN with a random one (length: {@code length}, or the policy's when null) that is not
     * blocked and unique at the user's PIN-only locations, clears its lockout and removes a pending set-PIN
     * required action.
     *
     * Counts against the user's {@value SetPinAttempts#PER_HOUR} new PINs an hour, as choosing does.
     *
     * @return the new PIN: the only time anybody sees it
     * @throws PinPolicyException for a length outside 4..8 or a user that cannot hold a PIN; TOO_MANY_ATTEMPTS
     */
    String generate(RealmModel realm, UserModel user, Integer length);

    /**
     * Whether the user may choose their PIN: the realm lets users choose, and the user is a member of no PIN-only
     * location. There PINs are generated, so that no answer to a chosen PIN can tell that a colleague has it.
     */
    boolean mayChoose(RealmModel realm, UserModel user);

    /**
     * Sets a PIN the user chose. Each user has {@value SetPinAttempts#PER_HOUR} attempts an hour, whatever
     * their outcome.
     *
     * @throws PinPolicyException NOT_ALLOWED unless {@link #mayChoose}; TOO_MANY_ATTEMPTS; FORMAT, LENGTH or
     *                            BLOCKED for a PIN that breaks the policy
     */
    void setChosen(RealmModel realm, UserModel user, String pin);

    /** Removes the user's PIN (if any) and adds the set-PIN required action. */
    void reset(RealmModel realm, UserModel user);

    boolean isConfigured(RealmModel realm, UserModel user);

    /** The location's mode; TILE_AND_PIN for locations never configured. */
    PinLoginMode loginMode(RealmModel realm, String locationId);

    /**
     * Switches a LOCATION's mode (addition to the contract; the admin and delegated APIs use it).
     *
     * @throws PinPolicyException NOT_UNIQUE when switching to PIN_ONLY while members share a PIN (the message
     *                            says how many must change theirs); INVALID for a node that is not a LOCATION
     */
    void setLoginMode(RealmModel realm, String locationId, PinLoginMode mode);

    /** The PIN pad's tiles: enabled members of the location who have a PIN, by first name, last name, username. */
    List<UserModel> tileUsers(RealmModel realm, String locationId, int max);

    /** Clears a device's failure count, wait and lock. */
    void unlockDevice(RealmModel realm, String deviceId);

    /** A device's lockout state (addition). */
    PinDeviceStatus deviceStatus(RealmModel realm, String deviceId);

    /** Forgets a device's counters, e.g. when the device is deleted (addition). */
    void removeDeviceData(RealmModel realm, String deviceId);

    /** Clears the user's PIN lockout (addition; the unlock endpoints use it). Returns false if there is no PIN. */
    boolean unlock(RealmModel realm, UserModel user);

    PinStatus status(RealmModel realm, UserModel user);

    /** The realm's policy (addition). */
    PinPolicy policy(RealmModel realm);

    /** Replaces the realm's policy (addition). */
    void setPolicy(RealmModel realm, PinPolicy policy);
}
