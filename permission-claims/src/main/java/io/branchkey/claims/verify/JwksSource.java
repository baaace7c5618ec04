package io.branchkey.claims.verify;

import java.util.Objects;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * The realm's signing keys. Thread-safe. {@link RemoteJwks} is the usual implementation; tests and applications
 * with pinned keys use {@link #fixed(JWKSet)}.
 */
public interface JwksSource {

    /**
     * @return the keys to verify with now, from a cache; not null
     * @throws io.branchkey.claims.BranchkeyUnavailableException when no keys could ever be obtained
     */
    JWKSet current();

    /**
     * Called when a token names a key that {@link #current()} lacks (a key rotation): fetch again unless that was
     * done very recently (implementations rate-limit, since anyone can send a token with a made-up kid).
     *
     * @return the keys after the refresh, or the cached ones when rate-limited; not null
     * @throws io.branchkey.claims.BranchkeyUnavailableException when no keys could ever be obtained
     */
    JWKSet refreshed();

    /** Fixed keys: {@link #refreshed()} answers the same set. */
    static JwksSource fixed(JWKSet keys) {
        Objects.requireNonNull(keys, "keys");
        return new JwksSource() {
            @Override
            public JWKSet current() {
                return keys;
            }

            @Override
            public JWKSet refreshed() {
                return keys;
            }
        };
    }
}
