package io.branchkey.claims.verify;

import java.util.Objects;

/**
 * The access token is not acceptable (HTTP 401). The only exception {@link TokenVerifier#verify} throws for a bad
 * token; the message names the reason and never contains the token.
 */
public class TokenRejectedException extends RuntimeException {

    /** Why a token was rejected. */
    public enum Reason {
        /** Not a compact JWS, unparseable header or claims, missing exp, unsupported critical header, too long. */
        MALFORMED,
        /** {@code alg} is none, HMAC without an explicitly configured secret, or otherwise not allowed. */
        ALGORITHM_NOT_ALLOWED,
        /** The header's {@code typ} is not one of an access token. */
        WRONG_HEADER_TYPE,
        /** No key of the realm's JWKS (even after a refresh) matches the token's kid and algorithm. */
        UNKNOWN_KEY,
        /** The signature does not verify: tampered header, payload or signature, or signed with another key. */
        BAD_SIGNATURE,
        /** {@code iss} is not the configured issuer. */
        WRONG_ISSUER,
        /** Neither {@code aud} nor {@code azp} is one of the expected values. */
        WRONG_AUDIENCE,
        /** {@code exp} has passed (beyond the allowed clock skew). */
        EXPIRED,
        /** {@code nbf} or {@code iat} lies in the future (beyond the allowed clock skew). */
        NOT_YET_VALID,
        /** The {@code typ} claim is not {@code Bearer}: an ID, refresh or logout token. */
        WRONG_TOKEN_TYPE,
        /** Keycloak itself refused the token (the check endpoint answered 401, e.g. a revoked session). */
        REJECTED_BY_ISSUER
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public TokenRejectedException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Never null. */
    public Reason reason() {
        return reason;
    }
}
