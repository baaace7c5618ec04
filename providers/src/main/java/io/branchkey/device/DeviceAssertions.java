package io.branchkey.device;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import io.branchkey.device.DeviceProofException.Reason;
import org.keycloak.common.VerificationException;
import org.keycloak.crypto.AsymmetricSignatureVerifierContext;
import org.keycloak.crypto.ECDSASignatureVerifierContext;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureVerifierContext;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.representations.JsonWebToken;

/**
 * Reads and checks a device assertion (docs/devices.md): a compact JWS signed with the device's enrolled key,
 * {@code kid} = device id, claims iss = sub = device id, aud = the realm's issuer, a short life (exp within two
 * minutes of iat) and a jti. Single use is the caller's part: it records the jti.
 */
public final class DeviceAssertions {

    public static final long MAX_LIFETIME_SECONDS = 120;
    static final long CLOCK_SKEW_SECONDS = 10;
    static final int MAX_ASSERTION_CHARS = 8192;
    static final int MAX_JTI_CHARS = 128;

    /** What a checked assertion says. */
    public record Checked(String deviceId, String jti, long expiresAtMillis) {
    }

    private DeviceAssertions() {
    }

    /** The device id the assertion claims to come from (its kid), before anything is verified. */
    public static String claimedDevice(String assertion) {
        JWSInput jws = parse(assertion);
        String kid = jws.getHeader().getKeyId();
        if (kid == null || kid.isBlank() || kid.length() > 64) {
            throw new DeviceProofException(Reason.MALFORMED, "the assertion's kid must name the device");
        }
        return kid;
    }

    /** Verifies signature and claims against the device's enrolled key; nowSeconds is epoch seconds. */
    public static Checked verify(String assertion, String deviceId, String publicJwk, String audience, long nowSeconds) {
        JWSInput jws = parse(assertion);
        PublicKey key = DeviceKeys.parse(publicJwk);
        String algorithm = jws.getHeader().getRawAlgorithm();
        if (algorithm == null || !DeviceKeys.algorithmFits(algorithm, key)) {
            throw new DeviceProofException(Reason.BAD_SIGNATURE, "the assertion's algorithm does not fit the device's key");
        }
        if (!signatureHolds(jws, key, algorithm)) {
            throw new DeviceProofException(Reason.BAD_SIGNATURE, "the assertion's signature does not verify");
        }
        JsonWebToken claims;
        try {
            claims = jws.readJsonContent(JsonWebToken.class);
        } catch (JWSInputException | RuntimeException e) {
            throw new DeviceProofException(Reason.MALFORMED, "the assertion's claims are not readable");
        }
        if (!deviceId.equals(claims.getIssuer()) || !deviceId.equals(claims.getSubject())) {
            throw new DeviceProofException(Reason.MALFORMED, "iss and sub must be the device id");
        }
        if (claims.getAudience() == null || !Arrays.asList(claims.getAudience()).contains(audience)) {
            throw new DeviceProofException(Reason.BAD_AUDIENCE, "aud must be " + audience);
        }
        Long exp = claims.getExp();
        Long iat = claims.getIat();
        if (exp == null || iat == null || exp - iat > MAX_LIFETIME_SECONDS || exp < iat
                || iat > nowSeconds + CLOCK_SKEW_SECONDS || exp + CLOCK_SKEW_SECONDS <= nowSeconds) {
            throw new DeviceProofException(Reason.EXPIRED, "the assertion is expired or lives too long");
        }
        String jti = claims.getId();
        if (jti == null || jti.isBlank() || jti.length() > MAX_JTI_CHARS) {
            throw new DeviceProofException(Reason.MALFORMED, "the assertion needs a jti of at most " + MAX_JTI_CHARS + " characters");
        }
        return new Checked(deviceId, jti, (exp + CLOCK_SKEW_SECONDS) * 1000L);
    }

    private static JWSInput parse(String assertion) {
        if (assertion == null || assertion.isBlank() || assertion.length() > MAX_ASSERTION_CHARS) {
            throw new DeviceProofException(Reason.MALFORMED, "a device assertion is required");
        }
        try {
            return new JWSInput(assertion.trim());
        } catch (JWSInputException | RuntimeException e) {
            throw new DeviceProofException(Reason.MALFORMED, "the device assertion is not a JWS");
        }
    }

    private static boolean signatureHolds(JWSInput jws, PublicKey key, String algorithm) {
        KeyWrapper wrapper = new KeyWrapper();
        wrapper.setAlgorithm(algorithm);
        wrapper.setPublicKey(key);
        wrapper.setType(key instanceof ECPublicKey ? "EC" : "RSA");
        if (key instanceof ECPublicKey) {
            wrapper.setCurve("P-256");
        }
        SignatureVerifierContext verifier = key instanceof ECPublicKey ? new ECDSASignatureVerifierContext(wrapper)
                : new AsymmetricSignatureVerifierContext(wrapper);
        try {
            return verifier.verify(jws.getEncodedSignatureInput().getBytes(StandardCharsets.UTF_8), jws.getSignature());
        } catch (VerificationException | RuntimeException e) {
            return false;
        }
    }
}
