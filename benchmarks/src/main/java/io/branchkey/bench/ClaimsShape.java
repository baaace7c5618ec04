package io.branchkey.bench;

import java.util.List;

/**
 * A realm of the claims benchmark: a partner reaching {@code locations} locations in its accounts, the partner's
 * staff member granted at every account plus per-location exceptions at {@value #EXCEPTION_PERCENT} % of the
 * locations.
 */
record ClaimsShape(int locations, TreeShape tree) {

    static final int EXCEPTION_PERCENT = 5;

    /**
     * 10 locations cannot fill 20 accounts: ten single-store accounts (the most accounts 10 locations allow).
     * 100: 20 accounts of one region with 5 stores. 1,000 and 5,000: 20 accounts of 5 regions each.
     */
    static final List<ClaimsShape> ALL = List.of(
            of(10, 10, 1, 1),
            of(100, 20, 1, 5),
            of(1_000, 20, 5, 10),
            of(5_000, 20, 5, 50));

    /** Trees this large are created through the admin API: the seed importer runs a whole file in one transaction. */
    static final int API_LOAD_FROM = 5_000;

    private static ClaimsShape of(int locations, int accounts, int regionsPerAccount, int locationsPerRegion) {
        TreeShape tree = new TreeShape("bench-claims-" + locations, accounts, regionsPerAccount, locationsPerRegion);
        if (tree.locations() != locations) {
            throw new IllegalStateException(tree + " has " + tree.locations() + " locations, not " + locations);
        }
        return new ClaimsShape(locations, tree);
    }

    static ClaimsShape withLocations(int locations) {
        return ALL.stream().filter(s -> s.locations == locations).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no claims realm with " + locations + " locations"));
    }

    String realm() {
        return tree.realm();
    }

    int accounts() {
        return tree.accounts();
    }

    /** Per-location exceptions: 5 % of the locations, rounded, at least one. */
    int exceptions() {
        return Math.max(1, Math.round(locations * EXCEPTION_PERCENT / 100f));
    }

    boolean loadedViaApi() {
        return locations >= API_LOAD_FROM;
    }
}
