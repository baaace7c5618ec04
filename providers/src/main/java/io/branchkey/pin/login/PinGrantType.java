package io.branchkey.pin.login;

import java.util.Set;

import io.branchkey.device.DeviceModel;
import io.branchkey.device.grant.DeviceBoundGrantType;
import io.branchkey.pin.PinAttempt;
import io.branchkey.pin.PinConfigurationException;
import io.branchkey.pin.PinLoginResult;
import io.branchkey.pin.PinProvider;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.EventType;
import org.keycloak.services.CorsErrorResponseException;

/**
 * PIN login at a native register (no browser): the register proves its key, the person types a PIN (and picks
 * their tile, unless the location is PIN-only), and gets normal Keycloak tokens whose active scope is the
 * register's location and whose acr marks a PIN login (docs/pin.md).
 */
public final class PinGrantType extends DeviceBoundGrantType {

    public static final String GRANT_TYPE = "urn:branchkey:params:oauth:grant-type:pin";
    public static final String PIN_PARAM = "pin";
    public static final String USER_PARAM = "user_id";
    /** The one answer to every refused PIN: unknown, wrong and locked look the same from outside. */
    static final String REFUSED = "the PIN was not accepted";

    @Override
    public Set<String> getTokenParameterNames() {
        return Set.of(ASSERTION_PARAM, PIN_PARAM);
    }

    @Override
    public Response process(Context context) {
        setContext(context);
        DeviceModel device = provenDevice();
        DeviceLogins.describe(event, device);
        String pin = formParams.getFirst(PIN_PARAM);
        String userId = formParams.getFirst(USER_PARAM);
        if (pin == null || pin.isBlank()) {
            event.error("pin_missing");
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_REQUEST, "pin is required",
                    Response.Status.BAD_REQUEST);
        }
        String picked = userId == null || userId.isBlank() ? null : userId;
        String permission = DeviceLogins.loginPermission(session, realm, device);
        PinLoginResult result;
        try {
            result = permission == null ? null : session.getProvider(PinProvider.class).attempt(realm,
                    new PinAttempt(device.locationId(), device.id(), picked, pin, permission));
        } catch (PinConfigurationException e) {
            DeviceLogins.notSetUp(event, e);
            throw new CorsErrorResponseException(cors, OAuthErrorException.SERVER_ERROR, DeviceLogins.NOT_SET_UP_MESSAGE,
                    Response.Status.INTERNAL_SERVER_ERROR);
        }
        if (result == null || result.isDenied()) {
            if (result != null) {
                event.user(result.user());
            }
            event.error(DeviceLogins.ACCESS_DENIED);
            throw new CorsErrorResponseException(cors, DeviceLogins.ACCESS_DENIED, permission == null
                    ? "access denied: nobody may log in at this " + device.type() + " until an admin fixes its type"
                    : "access denied: you need " + permission + " here to log in at this " + device.type(),
                    Response.Status.FORBIDDEN);
        }
        if (!result.isOk()) {
            DeviceLogins.refused(event, result, picked);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_GRANT, REFUSED, Response.Status.BAD_REQUEST);
        }
        event.user(result.user());
        return issueTokens(result.user(), device, DeviceBoundGrantType.PIN_METHOD, true);
    }

    @Override
    public EventType getEventType() {
        return EventType.LOGIN;
    }

    @Override
    protected boolean useRefreshToken() {
        return true;
    }
}
