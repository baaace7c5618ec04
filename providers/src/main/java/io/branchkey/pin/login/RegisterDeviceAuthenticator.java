package io.branchkey.pin.login;

import io.branchkey.access.AccessScope;
import io.branchkey.device.DeviceEndpoint;
import io.branchkey.device.DeviceModel;
import io.branchkey.device.DeviceProofException;
import io.branchkey.device.DeviceProvider;
import io.branchkey.device.grant.DeviceBoundGrantType;
import io.branchkey.device.grant.RegisterClients;
import io.branchkey.access.ActiveScopeNotes;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * First step of a web register's login: the page was opened by a registered, active device, proven by the
 * device assertion the register app put into the authorization request ({@value #PARAMETER}). The device and its
 * location then hold for the rest of the flow and for the tokens.
 */
final class RegisterDeviceAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(RegisterDeviceAuthenticator.class);
    static final String PARAMETER = "branchkey_device_assertion";
    /** Auth-session note with the proven device's id. */
    static final String DEVICE_AUTH_NOTE = "branchkey.pin_pad.device";
    private static final String REQUEST_NOTE = AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + PARAMETER;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String clientRefusal = RegisterClients.refusal(authSession.getClient());
        if (clientRefusal != null) {
            LOG.warn(clientRefusal);
            context.getEvent().detail("reason", clientRefusal);
            refuse(context);
            return;
        }
        if (authSession.getAuthNote(DEVICE_AUTH_NOTE) != null) {
            if (activeDevice(context) == null) {
                refuse(context);
            } else {
                context.success();
            }
            return;
        }
        try {
            DeviceModel device = context.getSession().getProvider(DeviceProvider.class).verifyAssertion(context.getRealm(),
                    authSession.getClientNote(REQUEST_NOTE), DeviceEndpoint.issuer(context.getSession(), context.getRealm()));
            DeviceLogins.describe(context.getEvent(), device);
            authSession.setAuthNote(DEVICE_AUTH_NOTE, device.id());
            ActiveScopeNotes.lockTo(authSession, AccessScope.location(device.locationId()));
            authSession.setClientNote(DeviceBoundGrantType.DEVICE_NOTE, device.id());
            context.success();
        } catch (DeviceProofException e) {
            context.getEvent().detail("reason", "device proof: " + e.getReason());
            refuse(context);
        }
    }

    /**
     * The device this login was proven from, as long as it is still active: every step of the flow asks again, so
     * disabling a device stops a login already under way.
     */
    static DeviceModel activeDevice(AuthenticationFlowContext context) {
        String id = context.getAuthenticationSession().getAuthNote(DEVICE_AUTH_NOTE);
        DeviceModel device = id == null ? null
                : context.getSession().getProvider(DeviceProvider.class).get(context.getRealm(), id);
        return device == null || !device.isActive() ? null : device;
    }

    /** The error page of a register whose device is unproven, disabled or gone. */
    static void refuse(AuthenticationFlowContext context) {
        context.getEvent().error("invalid_device_proof");
        Response page = context.form().setError("branchkeyDeviceRefused").createErrorPage(Response.Status.UNAUTHORIZED);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
