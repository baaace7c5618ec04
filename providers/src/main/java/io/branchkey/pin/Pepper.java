package io.branchkey.pin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of a realm's PINs, derived from its secret pepper (docs/pin.md): one to hash PINs, one for the blind
 * index, and a public fingerprint that tells which pepper a credential was made with. The pepper itself is not
 * kept. Never logged, never shown.
 */
public final class Pepper {

    public static final String ALGORITHM = "HmacSHA256";
    /** Shortest pepper accepted: 32 bytes (e.g. {@code openssl rand -base64 32} gives 44 characters). */
    public static final int MIN_BYTES = 32;

    private static final byte[] HASH_LABEL = "branchkey-pin/hash/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INDEX_LABEL = "branchkey-pin/index/v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID_LABEL = "branchkey-pin/id/v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] hashKey;
    private final byte[] indexKey;
    private final String id;
    private final String source;

    private Pepper(byte[] hashKey, byte[] indexKey, String id, String source) {
        this.hashKey = hashKey;
        this.indexKey = indexKey;
        this.id = id;
        this.source = source;
    }

    /**
     * Derives the keys from the pepper's bytes.
     *
     * @param source where the pepper came from ({@code vault}, {@code realm-attribute}), for credential metadata
     * @throws IllegalArgumentException if the pepper is shorter than {@link #MIN_BYTES}
     */
    public static Pepper derive(byte[] material, String source) {
        if (material == null || material.length < MIN_BYTES) {
            throw new IllegalArgumentException("a PIN pepper needs at least " + MIN_BYTES + " bytes");
        }
        byte[] fingerprint = hmac(material, ID_LABEL);
        return new Pepper(hmac(material, HASH_LABEL), hmac(material, INDEX_LABEL),
                HexFormat.of().formatHex(fingerprint, 0, 8), source);
    }

    /** A public fingerprint of the pepper: changes when the pepper does, reveals nothing about it. */
    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    /** HMAC-SHA256(hash key, salt || pin). */
    public byte[] hash(byte[] salt, String pin) {
        byte[] pinBytes = pin.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[salt.length + pinBytes.length];
        System.arraycopy(salt, 0, message, 0, salt.length);
        System.arraycopy(pinBytes, 0, message, salt.length, pinBytes.length);
        return hmac(hashKey, message);
    }

    /** Whether the PIN hashes to {@code expected} with this salt; the comparison takes the same time either way. */
    public boolean matches(String pin, byte[] salt, byte[] expected) {
        return MessageDigest.isEqual(hash(salt, pin), expected);
    }

    /**
     * The blind index of a PIN in a realm: HMAC-SHA256(index key, realmId ":" pin), base64url. Equal PINs of one
     * realm have equal indexes, so a PIN-only login finds its user with one indexed query; without the pepper the
     * index cannot be computed, so it does not give the PIN away.
     */
    public String blindIndex(String realmId, String pin) {
        byte[] mac = hmac(indexKey, (realmId + ":" + pin).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    @Override
    public String toString() {
        return "Pepper[id=" + id + ", source=" + source + "]";
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
