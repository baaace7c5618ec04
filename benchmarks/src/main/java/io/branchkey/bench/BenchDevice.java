package io.branchkey.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A register as the device app would be (docs/devices.md): an EC P-256 key pair it generated, enrolled at a location
 * with a one-time code, and device assertions signed with plain JDK crypto (ES256, kid = iss = sub = the device id,
 * aud = the realm's issuer, a fresh jti each).
 */
final class BenchDevice {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** What an assertion may live at most is 120 s; a minute leaves room for a batch signed ahead. */
    private static final long LIFETIME_SECONDS = 60;

    private final KeyPair keys;
    private final String id;
    private final String issuer;

    private BenchDevice(KeyPair keys, String id, String issuer) {
        this.keys = keys;
        this.id = id;
        this.issuer = issuer;
    }

    /** Asks the admin API for an enrollment code at the location and redeems it at the public endpoint. */
    static BenchDevice enroll(AdminApi api, String baseUrl, String realm, String locationId, String type)
            throws IOException, InterruptedException, GeneralSecurityException {
        api.ensureFreshToken();
        String code = AdminApi.JSON.readTree(api.post(realm + "/branchkey/devices/enrollments", AdminApi.JSON.createObjectNode()
                .put("locationId", locationId).put("type", type).toString())).path("code").asText();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        ObjectNode body = AdminApi.JSON.createObjectNode().put("code", code);
        body.set("publicKey", publicJwk((ECPublicKey) keys.getPublic()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/branchkey/devices/enroll"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("device enrollment: HTTP " + response.statusCode() + " " + response.body());
        }
        return new BenchDevice(keys, AdminApi.JSON.readTree(response.body()).path("id").asText(),
                baseUrl + "/realms/" + realm);
    }

    String id() {
        return id;
    }

    /** A fresh assertion, valid for a minute from now. */
    String assertion() {
        long now = System.currentTimeMillis() / 1000;
        ObjectNode claims = AdminApi.JSON.createObjectNode().put("iss", id).put("sub", id).put("aud", issuer)
                .put("iat", now).put("exp", now + LIFETIME_SECONDS).put("jti", UUID.randomUUID().toString());
        String input = B64.encodeToString(("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8))
                + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(keys.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode publicJwk(ECPublicKey key) {
        return AdminApi.JSON.createObjectNode().put("kty", "EC").put("crv", "P-256")
                .put("x", B64.encodeToString(fixed(key.getW().getAffineX())))
                .put("y", B64.encodeToString(fixed(key.getW().getAffineY())));
    }

    /** A coordinate as exactly 32 big-endian bytes (BigInteger may add a sign byte or drop leading zeros). */
    private static byte[] fixed(BigInteger coordinate) {
        byte[] bytes = coordinate.toByteArray();
        byte[] out = new byte[32];
        int from = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, from, out, 32 - (bytes.length - from), bytes.length - from);
        return out;
    }
}
