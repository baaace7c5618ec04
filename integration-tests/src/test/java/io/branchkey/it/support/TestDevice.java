package io.branchkey.it.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A device as a register app would be: an EC P-256 key pair it generated, its id once enrolled, and signed
 * assertions (docs/devices.md) made with plain JDK crypto, independent of the server's code.
 */
public final class TestDevice {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private String id;

    private TestDevice(KeyPair keys) {
        this.keys = keys;
    }

    public static TestDevice generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return new TestDevice(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK the device enrolls with. */
    public ObjectNode publicJwk() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        return BranchkeyApi.JSON.createObjectNode().put("kty", "EC").put("crv", "P-256")
                .put("x", B64.encodeToString(fixed(key.getW().getAffineX())))
                .put("y", B64.encodeToString(fixed(key.getW().getAffineY())));
    }

    /** Redeems an enrollment code at the public device endpoint; remembers the device id. */
    public ApiResponse enroll(BranchkeyApi publicApi, String code) {
        ApiResponse response = publicApi.post("devices/enroll", Map.of("code", code, "publicKey", publicJwk()));
        if (response.status() == 201) {
            id = response.id();
        }
        return response;
    }

    public String id() {
        return id;
    }

    /** A fresh assertion for the realm's issuer, valid for a minute. */
    public String assertion(String issuer) {
        long now = System.currentTimeMillis() / 1000;
        return assertion(Map.of("iss", id, "sub", id, "aud", issuer, "iat", now, "exp", now + 60,
                "jti", UUID.randomUUID().toString()));
    }

    /** An assertion with exactly these claims, signed with ES256 and kid = the device id. */
    public String assertion(Map<String, Object> claims) {
        return sign("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + id + "\"}", BranchkeyApi.toJson(claims));
    }

    /** The same claims signed by another key pair: the server must refuse it. */
    public String assertionSignedBy(TestDevice other, String issuer) {
        long now = System.currentTimeMillis() / 1000;
        return other.sign("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + id + "\"}", BranchkeyApi.toJson(Map.of(
                "iss", id, "sub", id, "aud", issuer, "iat", now, "exp", now + 60, "jti", UUID.randomUUID().toString())));
    }

    private String sign(String header, String payload) {
        String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(keys.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token naming this device (alg none). */
    public String unsignedAssertion(String issuer) {
        long now = System.currentTimeMillis() / 1000;
        String header = B64.encodeToString(("{\"alg\":\"none\",\"kid\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
        String payload = B64.encodeToString(BranchkeyApi.toJson(Map.of("iss", id, "sub", id, "aud", issuer, "iat", now,
                "exp", now + 60, "jti", UUID.randomUUID().toString())).getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static byte[] fixed(BigInteger coordinate) {
        byte[] bytes = coordinate.toByteArray();
        if (bytes.length == 32) {
            return bytes;
        }
        byte[] out = new byte[32];
        int from = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, from, out, 32 - (bytes.length - from), bytes.length - from);
        return Arrays.copyOf(out, 32);
    }
}
