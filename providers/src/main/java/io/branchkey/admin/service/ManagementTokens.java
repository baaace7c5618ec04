package io.branchkey.admin.service;

import java.util.Map;

import io.branchkey.device.DeviceProvider;
import io.branchkey.device.grant.DeviceBoundGrantType;
import io.branchkey.device.grant.LoginLevels;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AudienceProtocolMapper;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Which access tokens may drive the delegated API: those meant for it, by audience {@value #AUDIENCE} (the client
 * scope of the same name, which the admin UI and back-office clients request), from a password-level login. A
 * register's token from a PIN or device login, or any other client's token, carries the user's identity but was
 * never meant to administer anything.
 */
public final class ManagementTokens {

    /** The audience, and the name of the client scope that adds it. */
    public static final String AUDIENCE = "branchkey-manage";
    /** A client with this attribute set to true gets the client scope as a default scope. */
    public static final String CLIENT_ATTRIBUTE = "branchkey.management";
    /** Branchkey's own admin UI client (docs/admin-ui.md). */
    static final String ADMIN_UI_CLIENT = "branchkey-admin-ui";

    private ManagementTokens() {
    }

    /** Why the token may not manage, or null when it may. */
    static String refusal(KeycloakSession session, RealmModel realm, AuthenticationManager.AuthResult auth) {
        AccessToken token = auth.token();
        if (!token.hasAudience(AUDIENCE)) {
            return "this token is not meant for management: it needs the audience " + AUDIENCE
                    + " (request the " + AUDIENCE + " client scope)";
        }
        if (isDeviceBound(token, auth.session()) || session.getProvider(DeviceProvider.class).get(realm, auth.user().getId()) != null) {
            return "a PIN or device login cannot manage anything: sign in with your password";
        }
        return null;
    }

    private static boolean isDeviceBound(AccessToken token, UserSessionModel userSession) {
        if (LoginLevels.PIN_ACR.equals(token.getAcr()) || LoginLevels.DEVICE_ACR.equals(token.getAcr())) {
            return true;
        }
        if (userSession == null) {
            return false;
        }
        if (DeviceBoundGrantType.isDeviceBound(userSession.getAuthMethod())
                || DeviceBoundGrantType.isDeviceBound(userSession.getNote(DeviceBoundGrantType.LOGIN_METHOD_NOTE))) {
            return true;
        }
        // The session a register signed in with is device-bound even when another client shares it later.
        return userSession.getAuthenticatedClientSessions().values().stream()
                .map(cs -> cs.getNote(DeviceBoundGrantType.LOGIN_METHOD_NOTE)).anyMatch(DeviceBoundGrantType::isDeviceBound);
    }

    /**
     * Adds the client scope to the realm unless it has one of that name already (an admin may have changed it), and
     * makes it a default scope of the clients meant for management: Branchkey's own admin UI client, and clients
     * whose attribute {@value #CLIENT_ATTRIBUTE} is {@code true} (so a realm import can ask for it).
     */
    public static void ensureClientScope(RealmModel realm) {
        ClientScopeModel scope = realm.getClientScopesStream().filter(s -> AUDIENCE.equals(s.getName())).findFirst()
                .orElseGet(() -> createClientScope(realm));
        // Client attributes are not searchable unless configured so: the realm's clients are few, so they are walked.
        realm.getClientsStream()
                .filter(client -> ADMIN_UI_CLIENT.equals(client.getClientId()) || "true".equals(client.getAttribute(CLIENT_ATTRIBUTE)))
                .filter(client -> !client.getClientScopes(true).containsKey(AUDIENCE)
                        && !client.getClientScopes(false).containsKey(AUDIENCE))
                .forEach(client -> client.addClientScope(scope, true));
    }

    private static ClientScopeModel createClientScope(RealmModel realm) {
        ClientScopeModel scope = realm.addClientScope(AUDIENCE);
        scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        scope.setDescription("Access tokens for Branchkey's delegated administration API (/branchkey/manage)");
        scope.setIncludeInTokenScope(true);
        ProtocolMapperModel audience = new ProtocolMapperModel();
        audience.setName(AUDIENCE + " audience");
        audience.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        audience.setProtocolMapper(AudienceProtocolMapper.PROVIDER_ID);
        // Also in lightweight access tokens (admin-cli's kind), which leave out every other mapper's claims.
        audience.setConfig(Map.of(AudienceProtocolMapper.INCLUDED_CUSTOM_AUDIENCE, AUDIENCE,
                "access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true",
                "lightweight.claim", "true"));
        scope.addProtocolMapper(audience);
        return scope;
    }
}
