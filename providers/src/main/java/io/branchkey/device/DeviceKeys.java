package io.branchkey.device;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import io.branchkey.common.BranchkeyException;
import org.keycloak.jose.jwk.JWKParser;
import org.keycloak.util.JsonSerialization;

/**
 * The public keys devices may enroll with: EC P-256 (ES256) or RSA of at least 2048 bits (RS256, PS256), as a
 * public JWK. A JWK carrying private parts is refused: whoever sent it has leaked the key.
 */
public final class DeviceKeys {

    static final int MAX_JWK_CHARS = 4000;
    private static final int MIN_RSA_BITS = 2048;

    private DeviceKeys() {
    }

    /** Validates an enrollment key; returns it unchanged. */
    public static String requireValidPublicJwk(String jwk) {
        if (jwk == null || jwk.isBlank() || jwk.length() > MAX_JWK_CHARS) {
            throw BranchkeyException.invalid("publicKey", "publicKey must be a public JWK (EC P-256 or RSA 2048+)");
        }
        Map<String, Object> members;
        try {
            members = JsonSerialization.readValue(jwk, new TypeReference<Map<String, Object>>() { });
        } catch (java.io.IOException | RuntimeException e) {
            throw BranchkeyException.invalid("publicKey", "publicKey is not a JSON object");
        }
        if (members == null) {
            throw BranchkeyException.invalid("publicKey", "publicKey is not a JSON object");
        }
        for (String secret : new String[] {"d", "p", "q", "dp", "dq", "qi", "k"}) {
            if (members.containsKey(secret)) {
                throw BranchkeyException.invalid("publicKey", "publicKey must not contain private key material");
            }
        }
        PublicKey key = parse(jwk);
        if (key instanceof ECPublicKey ec) {
            if (ec.getParams().getCurve().getField().getFieldSize() != 256 || !"P-256".equals(members.get("crv"))) {
                throw BranchkeyException.invalid("publicKey", "an EC key must be on the P-256 curve");
            }
        } else if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw BranchkeyException.invalid("publicKey", "an RSA key must have at least " + MIN_RSA_BITS + " bits");
            }
        } else {
            throw BranchkeyException.invalid("publicKey", "publicKey must be an EC P-256 or RSA key");
        }
        return jwk;
    }

    /** The key of a stored (validated) JWK, or of an offered one; refuses anything unparseable. */
    static PublicKey parse(String jwk) {
        try {
            PublicKey key = JWKParser.create().parse(jwk).toPublicKey();
            if (key == null) {
                throw BranchkeyException.invalid("publicKey", "publicKey is not a supported JWK");
            }
            return key;
        } catch (BranchkeyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw BranchkeyException.invalid("publicKey", "publicKey is not a valid JWK");
        }
    }

    /** Whether the JWS algorithm fits the key: ES256 for EC keys, RS256 or PS256 for RSA keys. */
    static boolean algorithmFits(String algorithm, PublicKey key) {
        return key instanceof ECPublicKey ? "ES256".equals(algorithm)
                : key instanceof RSAPublicKey && ("RS256".equals(algorithm) || "PS256".equals(algorithm));
    }
}
