package io.branchkey.claims.internal;

import java.math.BigInteger;

/** Reading integers from parsed JSON, whichever Number type the parser chose. Internal to the library. */
public final class JsonValues {

    private JsonValues() {
    }

    /** The value as a long if it is an integral JSON number that fits; otherwise null. */
    public static Long integer(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        return null;
    }
}
