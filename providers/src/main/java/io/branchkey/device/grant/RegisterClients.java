package io.branchkey.device.grant;

import org.keycloak.models.ClientModel;

/** What a client must be to receive the tokens of a PIN or device login, whichever way the login comes in. */
public final class RegisterClients {

    private RegisterClients() {
    }

    /**
     * Why the client may not receive them, or null if it may. With full scope allowed the tokens would carry every
     * role of the person, Keycloak's own included: a PIN would open the account API, or the admin API of an admin.
     */
    public static String refusal(ClientModel client) {
        return client.isFullScopeAllowed()
                ? "client " + client.getClientId() + " has full scope allowed; PIN and device logins need it off (docs/pin.md)"
                : null;
    }
}
