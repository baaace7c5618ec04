package io.branchkey.pin.login;

import io.branchkey.device.DeviceModel;
import io.branchkey.device.DeviceProvider;
import io.branchkey.device.DeviceType;
import io.branchkey.pin.PinConfigurationException;
import io.branchkey.pin.PinLoginResult;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The rules both ways into a register share: which permission the device's type demands of the person, and how
 * a refused PIN is recorded. Events carry the device and location; never the PIN.
 */
public final class DeviceLogins {

    /** Event error for a refused PIN; a lockout among the reasons gets its own error, for alerting. */
    public static final String INVALID_PIN = "invalid_pin";
    public static final String PIN_LOCKED = "pin_locked";
    public static final String ACCESS_DENIED = "access_denied";

    /** Event error and answer when the server has no PIN pepper for the realm (docs/pin.md, "The pepper"). */
    public static final String NOT_SET_UP = "pin_not_set_up";
    public static final String NOT_SET_UP_MESSAGE = "PIN login is not set up on this server; see the server log";
    private static final Logger LOG = Logger.getLogger(DeviceLogins.class);

    private DeviceLogins() {
    }

    /** Logs why PINs cannot work here (the realm and the vault key, never a secret) and records the event. */
    public static void notSetUp(EventBuilder event, PinConfigurationException e) {
        LOG.error(e.getMessage());
        event.error(NOT_SET_UP);
    }

    /** The permission a person needs at the device's location to log in at it (register.access for a register). */
    public static String loginPermission(KeycloakSession session, RealmModel realm, DeviceModel device) {
        DeviceType type = session.getProvider(DeviceProvider.class).type(realm, device.type());
        // A type removed since the device enrolled: nobody may log in until an admin fixes it.
        return type == null ? null : type.loginPermission();
    }

    /** Adds the device and location to an event. */
    public static EventBuilder describe(EventBuilder event, DeviceModel device) {
        return event.detail("device_id", device.id()).detail("location_id", device.locationId())
                .detail("device_type", device.type());
    }

    /**
     * Records a refused attempt: invalid_pin, or pin_locked when a lock or the location's budget stopped it. The
     * tile the person picked is kept as a detail (it may name nobody: it came from the device).
     */
    public static void refused(EventBuilder event, PinLoginResult result, String pickedUserId) {
        if (pickedUserId != null) {
            event.detail("picked_user_id", pickedUserId.length() > 64 ? pickedUserId.substring(0, 64) : pickedUserId);
        }
        String reason = result.reason();
        boolean locked = PinLoginResult.Reason.CREDENTIAL_LOCKED.name().equals(reason)
                || PinLoginResult.Reason.DEVICE_LOCKED.name().equals(reason)
                || PinLoginResult.Reason.DEVICE_DELAY.name().equals(reason)
                || PinLoginResult.Reason.LOCATION_BUDGET.name().equals(reason);
        event.detail("reason", reason).error(locked ? PIN_LOCKED : INVALID_PIN);
    }
}
