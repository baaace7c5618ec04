package io.branchkey.claims.format;

import java.util.Base64;
import java.util.BitSet;

/**
 * A set of catalog indexes as text: the bytes of {@link BitSet#toByteArray()} (index i is bit i mod 8, least
 * significant first, of byte i div 8; no trailing zero bytes), base64url-encoded without padding.
 */
public final class PermissionBits {

    /** Far above any real catalog (4096 permissions), small enough that a hostile claim cannot cost much. */
    public static final int MAX_INDEXES = 1 << 15;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PermissionBits() {
    }

    public static String encode(BitSet bits) {
        return ENCODER.encodeToString(bits.toByteArray());
    }

    /** @throws ClaimFormatException for anything but canonical, unpadded base64url of at most MAX_INDEXES bits */
    public static BitSet decode(String text) {
        if (text.length() > MAX_INDEXES / 6 + 2) {
            throw new ClaimFormatException("permission set too long");
        }
        if (text.indexOf('=') >= 0) {
            throw new ClaimFormatException("permission set must be unpadded base64url");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new ClaimFormatException("permission set is not base64url", e);
        }
        if (bytes.length > 0 && bytes[bytes.length - 1] == 0) {
            throw new ClaimFormatException("permission set has trailing zero bytes");
        }
        BitSet bits = BitSet.valueOf(bytes);
        // Only the canonical form is accepted, so a set has exactly one spelling.
        if (!encode(bits).equals(text)) {
            throw new ClaimFormatException("permission set is not in canonical form");
        }
        return bits;
    }
}
