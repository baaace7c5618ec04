package io.branchkey.device;

import java.util.List;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Registered devices of a realm: enrollment, proof of possession of their key, and their life cycle. Rule
 * violations raise io.branchkey.common.BranchkeyException.
 */
public interface DeviceProvider extends Provider {

    /**
     * A one-time code to enroll a device of the type at the location (a LOCATION node).
     *
     * @param expiresInSeconds how long the code can be redeemed (5 to 86,400), or null for the configured default
     */
    EnrollmentCode createEnrollment(RealmModel realm, String locationId, String type, String name, Long expiresInSeconds,
                                    String createdBy);

    /**
     * Redeems a code with the public key the device generated (a JWK: EC P-256 or RSA of 2048 bits or more): the
     * device is then bound to the code's location, active, and represented by a Keycloak user with its id.
     */
    DeviceModel redeem(RealmModel realm, String code, String publicJwk, String name);

    /**
     * Checks a device's signed assertion (docs/devices.md): signature with the enrolled key, audience, lifetime,
     * single use. The jti is consumed in a transaction of its own, so a refused request cannot be replayed either.
     *
     * @param audience the realm's issuer URL the assertion must name
     * @throws DeviceProofException when any of it fails, including for a disabled or unknown device
     */
    DeviceModel verifyAssertion(RealmModel realm, String assertion, String audience);

    DeviceModel get(RealmModel realm, String id);

    List<DeviceModel> atLocation(RealmModel realm, String locationId);

    DeviceModel rename(RealmModel realm, String id, String name);

    /**
     * Enables or disables the device. Disabling ends, at once, every user session begun at the device (with their
     * refresh tokens), whoever they belong to.
     */
    DeviceModel setStatus(RealmModel realm, String id, DeviceStatus status);

    /**
     * Records that a user session was begun at the device, so that disabling or deleting the device ends it. Waits
     * for a concurrent status change to commit, so a login racing a disable cannot outlive it.
     *
     * @param newSession true when the session id was made for this login (a grant), false when it may have been
     *        recorded before (a browser keeps its session id across logins)
     * @throws DeviceProofException when the device is no longer active
     */
    void bindSession(RealmModel realm, String deviceId, String userSessionId, boolean newSession);

    /**
     * Deletes the device and the user that represents it, and ends every user session begun at it. Returns false
     * if the realm has no such device.
     */
    boolean delete(RealmModel realm, String id);

    /** The realm's device types (the shipped ones are created on first use). */
    List<DeviceType> types(RealmModel realm);

    DeviceType type(RealmModel realm, String name);

    /** Creates or replaces a device type. */
    DeviceType saveType(RealmModel realm, DeviceType type);
}
