package io.branchkey.claims.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** Keys generated once per test JVM (RSA generation is slow). */
public final class TestKeys {

    public static final RSAKey RSA = rsa("rsa-1");
    /** The key a realm rotates to. */
    public static final RSAKey RSA_NEXT = rsa("rsa-2");
    /** A key the realm never published. */
    public static final RSAKey RSA_FOREIGN = rsa("rsa-1");
    public static final ECKey EC = ec("ec-1");

    private TestKeys() {
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWKS of these keys, as a realm would publish it. */
    public static JWKSet publicSet(JWK... keys) {
        JWKSet set = new JWKSet(java.util.List.of(keys));
        return set.toPublicJWKSet();
    }
}
