package io.branchkey.claims.check;

import java.util.List;

import io.branchkey.claims.BranchkeyUnavailableException;

/**
 * Asks Keycloak's check endpoint (docs/claims.md) for the answers an overage token does not carry. Pluggable so
 * that tests and applications with their own transport can replace {@link RemoteCheckClient}. Thread-safe.
 */
@FunctionalInterface
public interface PermissionCheckClient {

    /**
     * @param accessToken the caller's access token (sent as the bearer), not null
     * @param checks not null, not empty
     * @return one answer per check, in the same order
     * @throws io.branchkey.claims.BranchkeyUnavailableException when the endpoint could not answer
     * @throws io.branchkey.claims.verify.TokenRejectedException when Keycloak refuses the token (401)
     */
    List<Boolean> check(String accessToken, List<PermissionCheck> checks);

    /** A client that must never be asked: for applications that refuse overage tokens. Throws when asked. */
    static PermissionCheckClient none() {
        return (token, checks) -> {
            throw new BranchkeyUnavailableException(
                    "the token is an overage token and no check endpoint client is configured");
        };
    }
}
