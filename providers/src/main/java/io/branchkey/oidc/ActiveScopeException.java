package io.branchkey.oidc;

/** A requested active scope the user cannot have: unknown node, wrong kind, nothing held there. */
final class ActiveScopeException extends RuntimeException {

    ActiveScopeException(String message) {
        super(message);
    }
}
