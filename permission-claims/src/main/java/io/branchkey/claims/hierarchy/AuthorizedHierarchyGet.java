package io.branchkey.claims.hierarchy;

import java.net.URI;
import java.util.Objects;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.auth.AccessTokenSource;
import io.branchkey.claims.internal.JsonHttp;
import io.branchkey.claims.internal.JsonResponse;

/**
 * A GET of a hierarchy endpoint with the resource server's access token. A 401 means the token is no longer good
 * (expired early, revoked, keys rotated): it is dropped and the request made once more with a fresh one. 401 and
 * 403 answers become {@link BranchkeyUnavailableException}s that say what to configure.
 */
final class AuthorizedHierarchyGet {

    static final String MISSING_TOKENS = "the hierarchy endpoint needs a service account's access token: configure"
            + " accessTokens(...), e.g. a ClientCredentialsTokenSource of a confidential client with service accounts"
            + " enabled";

    private final JsonHttp http;
    private final AccessTokenSource tokens;

    AuthorizedHierarchyGet(JsonHttp http, AccessTokenSource tokens) {
        this.http = Objects.requireNonNull(http);
        this.tokens = Objects.requireNonNull(tokens);
    }

    /**
     * @return the answer; never a 401 or 403
     * @throws BranchkeyUnavailableException when no token was obtained, the request failed or was refused
     */
    JsonResponse get(URI uri, String ifNoneMatch) {
        String token = token();
        JsonResponse response = http.get(uri, ifNoneMatch, token);
        if (response.status() == 401) {
            tokens.invalidate(token);
            response = http.get(uri, ifNoneMatch, token());
        }
        if (response.status() == 401) {
            throw new BranchkeyUnavailableException("the hierarchy endpoint refused the access token (401) twice: is it"
                    + " a token of this realm, from the endpoint base's host?");
        }
        if (response.status() == 403) {
            throw new BranchkeyUnavailableException("the hierarchy endpoint answered 403: it wants a service account's"
                    + " access token (client credentials grant), not a person's");
        }
        return response;
    }

    private String token() {
        String token;
        try {
            token = tokens.accessToken();
        } catch (BranchkeyUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BranchkeyUnavailableException("no access token for the hierarchy endpoint: "
                    + e.getClass().getName(), e);
        }
        if (token == null || token.isBlank()) {
            throw new BranchkeyUnavailableException("the access token source gave no token for the hierarchy endpoint");
        }
        return token;
    }
}
