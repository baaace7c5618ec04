package io.branchkey.device.grant;

import org.keycloak.models.ClientModel;

/** What a client must be to receive the tokens of a PIN or device login, whichever way the login comes in. */
public final class RegisterClients {

    private RegisterClients() {
    }

    /**
     * Why the client may not receive them, or null if it may. With full scope allowed the tokens would carry every
     * role of the person, Keycloak's own included: a PIN would open the account API, or the admin API of an admin.
     * A consent page would come after the PIN pad has recorded the session at the device, so a device disabled
     * while it is open could miss the session created behind it.
     */
    public static String refusal(ClientModel client) {
        if (client.isFullScopeAllowed()) {
            return "client " + client.getClientId() + " has full scope allowed; PIN and device logins need it off (docs/pin.md)";
        }
        return client.isConsentRequired()
                ? "client " + client.getClientId() + " asks for consent; PIN and device logins need it off (docs/pin.md)"
                : null;
    }
}
