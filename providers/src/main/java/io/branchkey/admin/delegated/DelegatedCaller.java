package io.branchkey.admin.delegated;

import io.branchkey.admin.rest.ApiError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/** The ordinary user behind a delegated request, proven by a bearer access token of this realm. */
record DelegatedCaller(RealmModel realm, UserModel user) {

    static DelegatedCaller authenticate(KeycloakSession session, RealmModel realm) {
        AuthenticationManager.AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        if (auth == null || auth.user() == null || !auth.user().isEnabled()) {
            throw new ErrorResponseException(Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", "Bearer realm=\"" + realm.getName() + "\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("unauthorized", "a valid bearer access token of this realm is required", null))
                    .build());
        }
        return new DelegatedCaller(realm, auth.user());
    }

    String id() {
        return user.getId();
    }
}
