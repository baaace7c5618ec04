package io.branchkey.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/** The bearer access token of a request to Branchkey's own endpoints, checked by Keycloak's bearer authenticator. */
public final class BearerTokens {

    private BearerTokens() {
    }

    /**
     * The token's user and session: 401 with a JSON body unless it is a valid access token of an enabled user here,
     * in the canonical compact form ({@link CompactJws}).
     */
    public static AuthenticationManager.AuthResult authenticate(KeycloakSession session, RealmModel realm) {
        String token = AppAuthManager.extractAuthorizationHeaderToken(session.getContext().getRequestHeaders());
        AuthenticationManager.AuthResult auth = token == null || !CompactJws.isCanonical(token) ? null
                : new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).setTokenString(token).authenticate();
        if (auth == null || auth.user() == null || !auth.user().isEnabled()) {
            throw new ErrorResponseException(Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer realm=\"" + realm.getName() + "\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("unauthorized", "a valid bearer access token of this realm is required", null))
                    .build());
        }
        return auth;
    }
}
