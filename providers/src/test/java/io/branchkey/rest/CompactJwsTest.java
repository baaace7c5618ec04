package io.branchkey.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CompactJwsTest {

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String token(String alg, int signatureBytes) {
        return b64(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + b64("{\"sub\":\"x\"}".getBytes(StandardCharsets.UTF_8)) + "." + b64(new byte[signatureBytes]);
    }

    @Test
    void aWellFormedTokenPasses() {
        assertThat(CompactJws.isCanonical(token("ES256", 64))).isTrue();
        assertThat(CompactJws.isCanonical(token("RS256", 256))).isTrue();
    }

    @Test
    void charactersAppendedToTheSignatureAreRefused() {
        String token = token("ES256", 64);
        assertThat(CompactJws.isCanonical(token + "AA")).as("two more bytes' worth").isFalse();
        assertThat(CompactJws.isCanonical(token + "A")).as("a dangling character").isFalse();
        assertThat(CompactJws.isCanonical(token + "=")).as("padding").isFalse();
        assertThat(CompactJws.isCanonical(token.substring(0, token.length() - 1) + "B")).as("non-canonical last character")
                .isFalse();
    }

    @Test
    void anEcdsaSignatureHasItsAlgorithmsLength() {
        assertThat(CompactJws.isCanonical(token("ES256", 63))).isFalse();
        assertThat(CompactJws.isCanonical(token("ES256", 66))).isFalse();
        assertThat(CompactJws.isCanonical(token("ES384", 96))).isTrue();
        assertThat(CompactJws.isCanonical(token("ES512", 132))).isTrue();
    }

    @Test
    void malformedTokensAreRefused() {
        assertThat(CompactJws.isCanonical(null)).isFalse();
        assertThat(CompactJws.isCanonical("a.b")).isFalse();
        assertThat(CompactJws.isCanonical("a.b.c.d")).isFalse();
        assertThat(CompactJws.isCanonical("e30.e30.a+b")).isFalse();
        assertThat(CompactJws.isCanonical("bm90IGpzb24.e30." + b64(new byte[64]))).isFalse();
    }
}
