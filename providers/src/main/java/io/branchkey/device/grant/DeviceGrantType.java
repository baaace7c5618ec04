package io.branchkey.device.grant;

import io.branchkey.device.DeviceModel;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.services.CorsErrorResponseException;

/**
 * A device signs in as itself, with no person (a queue display, a kiosk): the token's subject is the device's
 * user, its scope the device's location, its permissions those of the role group its type gives devices.
 * No refresh token: the device simply proves its key again.
 */
public final class DeviceGrantType extends DeviceBoundGrantType {

    public static final String GRANT_TYPE = "urn:branchkey:params:oauth:grant-type:device";
    public static final String LOGIN_METHOD = DeviceBoundGrantType.DEVICE_METHOD;

    @Override
    public Response process(Context context) {
        setContext(context);
        DeviceModel device = provenDevice();
        UserModel deviceUser = session.users().getUserById(realm, device.id());
        if (deviceUser == null || !deviceUser.isEnabled()) {
            event.error(Errors.USER_DISABLED);
            throw new CorsErrorResponseException(cors, OAuthErrorException.INVALID_GRANT,
                    "a valid, unused device assertion of an active device is required", Response.Status.BAD_REQUEST);
        }
        return issueTokens(deviceUser, device, LOGIN_METHOD, false);
    }

    @Override
    public EventType getEventType() {
        return EventType.CLIENT_LOGIN;
    }

    @Override
    protected boolean useRefreshToken() {
        return false;
    }
}
