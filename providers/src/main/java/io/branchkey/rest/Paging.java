package io.branchkey.rest;

/**
 * Validated `first`/`max` query parameters. Parsed from strings so that a non-number is a 400, not the 404
 * JAX-RS gives for an unconvertible parameter.
 */
public record Paging(int first, int max) {

    public static final int DEFAULT_MAX = 100;
    public static final int LIMIT = 1000;

    public static Paging of(String first, String max) {
        int f = QueryParams.integer("first", first, 0, 0, Integer.MAX_VALUE);
        int m = QueryParams.integer("max", max, DEFAULT_MAX, 1, LIMIT);
        return new Paging(f, m);
    }
}
