package io.branchkey.rest;

import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The strict form of a compact JWS, checked before any signature is: three parts of canonical unpadded base64url (each
 * decodes and encodes back to itself), and an ECDSA signature of exactly its algorithm's length. A decoder that
 * ignores trailing characters, or a verifier that reads only the first 64 bytes, would otherwise accept a token whose
 * signature was tampered with.
 */
public final class CompactJws {

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Map<String, Integer> ECDSA_SIGNATURE_BYTES = Map.of("ES256", 64, "ES384", 96, "ES512", 132);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompactJws() {
    }

    /** Whether the token is a compact JWS in its one canonical encoding. */
    public static boolean isCanonical(String token) {
        if (token == null) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        byte[][] decoded = new byte[3][];
        for (int i = 0; i < 3; i++) {
            if (!BASE64URL.matcher(parts[i]).matches()) {
                return false;
            }
            try {
                decoded[i] = Base64.getUrlDecoder().decode(parts[i]);
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (!Base64.getUrlEncoder().withoutPadding().encodeToString(decoded[i]).equals(parts[i])) {
                return false;
            }
        }
        try {
            JsonNode header = JSON.readTree(decoded[0]);
            Integer length = header == null ? null : ECDSA_SIGNATURE_BYTES.get(header.path("alg").asText());
            return length == null || decoded[2].length == length;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
