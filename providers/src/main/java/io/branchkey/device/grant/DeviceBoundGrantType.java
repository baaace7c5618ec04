package io.branchkey.device.grant;

import java.util.Set;

import io.branchkey.access.AccessScope;
import io.branchkey.device.DeviceEndpoint;
import io.branchkey.device.DeviceModel;
import io.branchkey.device.DeviceProofException;
import io.branchkey.device.DeviceProvider;
import io.branchkey.access.ActiveScopeNotes;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeBase;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * What grants made at a registered device share: the client must allow them, the request is proven with the
 * device's key, and the tokens' active scope is the device's location, locked against the scope parameter.
 */
public abstract class DeviceBoundGrantType extends OAuth2GrantTypeBase {

    /** Client attribute that lets a client use device-bound grants. */
    public static final String CLIENT_ATTRIBUTE = "branchkey.device-grants";
    public static final String ASSERTION_PARAM = "device_assertion";
    /** Client-session notes of a device-bound login, for mappers and events. */
    public static final String DEVICE_NOTE = "branchkey.device_id";
    public static final String LOGIN_METHOD_NOTE = "branchkey.login_method";
    /** The login methods of device-bound logins, in that note and as the user session's auth method. */
    public static final String PIN_METHOD = "branchkey-pin";
    public static final String DEVICE_METHOD = "branchkey-device";

    /** Whether the method is one of a device-bound login. */
    public static boolean isDeviceBound(String loginMethod) {
        return PIN_METHOD.equals(loginMethod) || DEVICE_METHOD.equals(loginMethod);
    }

    @Override
    public Set<String> getTokenParameterNames() {
        return Set.of(ASSERTION_PARAM);
    }

    /** The client may use device-bound grants and the assertion proves an active device of this realm. */
    protected DeviceModel provenDevice() {
        if (!"true".equals(client.getAttribute(CLIENT_ATTRIBUTE))) {
            event.detail(Details.REASON, "client not enabled for device grants");
            event.error(Errors.NOT_ALLOWED);
            throw new CorsErrorResponseException(cors, OAuthErrorException.UNAUTHORIZED_CLIENT,
                    "this client may not use device grants", Response.Status.BAD_REQUEST);
        }
        String refusal = RegisterClients.refusal(client);
        if (refusal != null) {
            event.detail(Details.REASON, refusal);
            event.error(Errors.NOT_ALLOWED);
            throw new CorsErrorResponseException(cors, OAuthErrorException.UNAUTHORIZED_CLIENT, refusal,
                    Response.Status.BAD_REQUEST);
        }
        try {
            DeviceModel device = session.getProvider(DeviceProvider.class).verifyAssertion(realm,
                    formParams.getFirst(ASSERTION_PARAM), DeviceEndpoint.issuer(session, realm));
            event.detail("device_id", device.id()).detail("location_id", device.locationId());
            return device;
        } catch (DeviceProofException e) {
            throw refusedProof(e);
        }
    }

    private CorsErrorResponseException refusedProof(DeviceProofException e) {
        event.detail(Details.REASON, "device proof: " + e.getReason());
        event.error("invalid_device_proof");
        return new CorsErrorResponseException(cors, OAuthErrorException.INVALID_GRANT,
                "a valid, unused device assertion of an active device is required", Response.Status.BAD_REQUEST);
    }

    /** Records the session-to-be at the device, which ends it when disabled or deleted; refuses a device disabled meanwhile. */
    private void bindToDevice(DeviceModel device, String userSessionId) {
        try {
            session.getProvider(DeviceProvider.class).bindSession(realm, device.id(), userSessionId, true);
        } catch (DeviceProofException e) {
            throw refusedProof(e);
        }
    }

    /** Issues tokens for the user at the device: a session whose active scope is locked to the device's location. */
    protected Response issueTokens(UserModel user, DeviceModel device, String loginMethod, boolean persistentSession) {
        String scope = getRequestedScopes();
        AuthenticationSessionModel authSession = new AuthenticationSessionManager(session)
                .createAuthenticationSession(realm, false).createAuthenticationSession(client);
        authSession.setAuthenticatedUser(user);
        authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        authSession.setClientNote(OIDCLoginProtocol.ISSUER, Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);
        ActiveScopeNotes.lockTo(authSession, AccessScope.location(device.locationId()));
        authSession.setClientNote(DEVICE_NOTE, device.id());
        authSession.setClientNote(LOGIN_METHOD_NOTE, loginMethod);
        LoginLevels.markAuthenticated(authSession, loginMethod);
        if (persistentSession) { // a transient session ends with this request anyway
            bindToDevice(device, authSession.getParentSession().getId());
        }

        UserSessionModel userSession = new UserSessionManager(session).createUserSession(
                authSession.getParentSession().getId(), realm, user, user.getUsername(),
                clientConnection.getRemoteHost(), loginMethod, false, null, null,
                persistentSession ? UserSessionModel.SessionPersistenceState.PERSISTENT
                        : UserSessionModel.SessionPersistenceState.TRANSIENT);
        event.user(user).session(userSession).detail(Details.AUTH_METHOD, loginMethod);
        AuthenticationManager.setClientScopesInSession(session, authSession);
        ClientSessionContext clientSessionCtx = TokenManager.attachAuthenticationSession(session, userSession, authSession);
        clientSessionCtx.setAttribute(Constants.GRANT_TYPE, context.getGrantType());
        updateUserSessionFromClientAuth(userSession);
        return createTokenResponse(user, userSession, clientSessionCtx, scope, true, null);
    }
}
