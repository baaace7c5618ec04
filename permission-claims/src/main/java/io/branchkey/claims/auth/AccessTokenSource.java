package io.branchkey.claims.auth;

/**
 * Where the library gets the access token it sends to the realm's hierarchy endpoint, which answers only a service
 * account of the realm (a token of the client credentials grant): it shows every tenant's tree. The usual source is
 * {@link ClientCredentialsTokenSource}; an application that obtains such tokens otherwise (a sidecar, a secret
 * store) supplies them with a lambda. Implementations must be thread-safe and should cache: the library asks before
 * every hierarchy request.
 */
@FunctionalInterface
public interface AccessTokenSource {

    /**
     * @return a currently valid access token, without "Bearer "; never null
     * @throws io.branchkey.claims.BranchkeyUnavailableException (or any runtime exception) when none can be obtained
     */
    String accessToken();

    /**
     * The realm refused this token (401): a cache should drop it so that the next {@link #accessToken()} fetches a
     * fresh one. Only that token: another thread may have replaced it already. Default: nothing to drop.
     */
    default void invalidate(String refusedToken) {
    }
}
