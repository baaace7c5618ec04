package io.branchkey.pin;

/**
 * The server is not set up to hash PINs for a realm: no pepper in the vault and the development fallback is
 * switched off, or the vault's pepper is too short. A server error, never a client's mistake; the message names
 * what to fix and never contains a secret.
 */
public final class PinConfigurationException extends IllegalStateException {

    public PinConfigurationException(String message) {
        super(message);
    }
}
