package io.branchkey.claims.format;

/**
 * A claim does not follow docs/claims.md. The only exception the decoder throws for any input, however hostile.
 */
public class ClaimFormatException extends RuntimeException {

    public ClaimFormatException(String message) {
        super(message);
    }

    public ClaimFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
