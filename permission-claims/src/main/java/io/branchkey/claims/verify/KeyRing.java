package io.branchkey.claims.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The verifiers of one JWKS, built once per fetched set (building an RSA public key costs more than a check).
 * Only public signing keys become verifiers: a JWKS key is never used as an HMAC secret. Immutable.
 */
final class KeyRing {

    /** Below this an RSA key is ignored (RFC 7518 requires 2048 bits). */
    static final int MIN_RSA_BITS = 2048;

    private record Key(String kid, JWSAlgorithm alg, JWSAlgorithm.Family family, Curve curve, JWSVerifier verifier) {

        boolean fits(String tokenKid, JWSAlgorithm tokenAlg) {
            if (tokenKid != null && !tokenKid.equals(kid)) {
                return false;
            }
            if (alg != null && !alg.equals(tokenAlg)) {
                return false;
            }
            if (!family.contains(tokenAlg)) {
                return false;
            }
            return curve == null || Curve.forJWSAlgorithm(tokenAlg).contains(curve);
        }
    }

    private final JWKSet source;
    private final List<Key> keys;

    private KeyRing(JWKSet source, List<Key> keys) {
        this.source = source;
        this.keys = keys;
    }

    static KeyRing of(JWKSet set) {
        List<Key> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
                continue; // Keycloak publishes its encryption keys in the same set
            }
            JWSAlgorithm alg = jwk.getAlgorithm() == null ? null : JWSAlgorithm.parse(jwk.getAlgorithm().getName());
            try {
                if (jwk instanceof RSAKey rsa && !rsa.isPrivate() && rsa.size() >= MIN_RSA_BITS) {
                    keys.add(new Key(jwk.getKeyID(), alg, JWSAlgorithm.Family.RSA, null, new RSASSAVerifier(rsa)));
                } else if (jwk instanceof ECKey ec && !ec.isPrivate()) {
                    keys.add(new Key(jwk.getKeyID(), alg, JWSAlgorithm.Family.EC, ec.getCurve(), new ECDSAVerifier(ec)));
                }
            } catch (JOSEException | RuntimeException e) {
                // An unusable key (unsupported curve, bad parameters) verifies nothing; the others still do.
            }
        }
        return new KeyRing(set, List.copyOf(keys));
    }

    /** Whether this ring was built from exactly that set instance. */
    boolean isFor(JWKSet set) {
        return source == set;
    }

    /** The verifiers that could have signed a token with this kid (null: any) and algorithm. */
    List<JWSVerifier> candidates(String kid, JWSAlgorithm alg) {
        List<JWSVerifier> found = new ArrayList<>(1);
        for (Key key : keys) {
            if (key.fits(kid, alg)) {
                found.add(key.verifier);
            }
        }
        return found;
    }

    static boolean isHmac(JWSAlgorithm alg) {
        return JWSAlgorithm.Family.HMAC_SHA.contains(alg);
    }

    static Set<JWSAlgorithm> defaultAlgorithms() {
        return Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256);
    }
}
