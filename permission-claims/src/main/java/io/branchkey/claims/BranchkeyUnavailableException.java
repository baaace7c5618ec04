package io.branchkey.claims;

/**
 * A Branchkey endpoint (JWKS, catalog, hierarchy, check) could not be reached or gave an unusable answer, so
 * nothing was decided. Not a verdict on the token: callers should answer "try again" (HTTP 503), never "allowed".
 */
public class BranchkeyUnavailableException extends RuntimeException {

    public BranchkeyUnavailableException(String message) {
        super(message);
    }

    public BranchkeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
