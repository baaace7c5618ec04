package io.branchkey.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a resource server receives, measured: the access token's size as sent (the compact JWS string), the size of
 * its {@code bk_perms} claim as JSON (compact, as the mapper measures it against its byte budget), and the claim's
 * anchors and distinct permission sets.
 *
 * @param claimBytes  -1 without a bk_perms claim
 * @param overage     whether bk_perms is an overage marker ({@code "over": true})
 */
record TokenFacts(int tokenBytes, int payloadBytes, int claimBytes, int anchors, int sets, boolean overage,
                  String algorithm) {

    static TokenFacts of(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWS: " + parts.length + " parts");
        }
        try {
            JsonNode header = AdminApi.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode claims = AdminApi.JSON.readTree(payload);
            JsonNode perms = claims.get("bk_perms");
            int claimBytes = perms == null ? -1 : AdminApi.JSON.writeValueAsBytes(perms).length;
            int anchors = 0;
            if (perms != null) {
                for (JsonNode handles : perms.path("at")) {
                    anchors += handles.size();
                }
            }
            return new TokenFacts(jwt.getBytes(StandardCharsets.US_ASCII).length, payload.length, claimBytes, anchors,
                    perms == null ? 0 : perms.path("sets").size(), perms != null && perms.path("over").asBoolean(false),
                    header.path("alg").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
