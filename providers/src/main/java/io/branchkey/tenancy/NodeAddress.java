package io.branchkey.tenancy;

/**
 * A postal address; every part may be null.
 */
public record NodeAddress(String line1, String line2, String city, String region, String postalCode, String country) {

    public static final NodeAddress EMPTY = new NodeAddress(null, null, null, null, null, null);

    public boolean isEmpty() {
        return line1 == null && line2 == null && city == null && region == null && postalCode == null && country == null;
    }
}
