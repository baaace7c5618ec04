package io.branchkey.device.jpa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Enrollment codes: 8 characters of Crockford's base32 (40 random bits) shown as {@code XXXX-XXXX}, read back
 * forgivingly (case, dashes, spaces, O for 0, I and L for 1), stored only as a hash bound to the realm.
 */
final class EnrollmentCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private EnrollmentCodes() {
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The canonical form of a typed code, or null when it cannot be one. */
    static String normalize(String typed) {
        if (typed == null || typed.length() > 32) {
            return null;
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || c == ' ') {
                continue;
            }
            char mapped = c == 'O' ? '0' : c == 'I' || c == 'L' ? '1' : c;
            if (ALPHABET.indexOf(mapped) < 0) {
                return null;
            }
            code.append(mapped);
        }
        return code.length() == LENGTH ? code.toString() : null;
    }

    static String hash(String realmId, String normalizedCode) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((realmId + ":" + normalizedCode).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
