package io.branchkey.device.grant;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The levels of authentication of device-bound logins (docs/pin.md). A PIN or device login is done at its own
 * level, for the login at hand only: it never enters the session's record of levels, so a client that asks for
 * the password's level (its minimum ACR) gets a password prompt even in the register's browser.
 */
public final class LoginLevels {

    public static final String PIN_ACR = "urn:branchkey:acr:pin";
    public static final String DEVICE_ACR = "urn:branchkey:acr:device";
    /** The password's acr in the demo realm's acr.loa.map; other realms may name their levels as they like. */
    public static final String PASSWORD_ACR = "urn:branchkey:acr:password";
    /** The level of a device-bound login whose acr the realm does not map. */
    public static final int UNMAPPED_LEVEL = 1;

    private LoginLevels() {
    }

    /** The acr of a device-bound login method, or null for any other login. */
    public static String acrOf(String loginMethod) {
        if (DeviceBoundGrantType.PIN_METHOD.equals(loginMethod)) {
            return PIN_ACR;
        }
        return DeviceBoundGrantType.DEVICE_METHOD.equals(loginMethod) ? DEVICE_ACR : null;
    }

    /** The level the client's or realm's acr.loa.map gives the method's acr. */
    public static int levelOf(ClientModel client, String loginMethod) {
        Integer mapped = AcrUtils.getAcrLoaMap(client).get(acrOf(loginMethod));
        return mapped == null ? UNMAPPED_LEVEL : mapped;
    }

    /** Records the login as done at the method's level, for this authentication only (not for single sign-on). */
    public static void markAuthenticated(AuthenticationSessionModel authSession, String loginMethod) {
        authSession.setAuthNote(Constants.LEVEL_OF_AUTHENTICATION,
                String.valueOf(levelOf(authSession.getClient(), loginMethod)));
    }
}
