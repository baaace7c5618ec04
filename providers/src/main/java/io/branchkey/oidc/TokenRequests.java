package io.branchkey.oidc;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;

/** Reads the current request when, and only when, it is a token request (a form POST to the token endpoint). */
final class TokenRequests {

    private static final String TOKEN_PATH = "/protocol/openid-connect/token";

    private TokenRequests() {
    }

    /** The form parameter of the current token request, or null (also for any other kind of request). */
    static String formParameter(KeycloakSession session, String name) {
        HttpRequest request = session.getContext().getHttpRequest();
        if (request == null || !HttpMethod.POST.equals(request.getHttpMethod())
                || !session.getContext().getUri().getPath().endsWith(TOKEN_PATH)) {
            return null;
        }
        MultivaluedMap<String, String> form = request.getDecodedFormParameters();
        return form == null ? null : form.getFirst(name);
    }
}
