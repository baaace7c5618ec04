package io.branchkey.bench;

/**
 * A generated realm tree: one partner, its accounts, regions per account, locations per region.
 */
record TreeShape(String realm, int accounts, int regionsPerAccount, int locationsPerRegion) {

    /** 100 locations; every listing below the partner, account or region returns the same page of 100. */
    static final TreeShape SMALL = new TreeShape("bench-small", 1, 1, 100);
    /** 10,000 locations: 1 partner, 20 accounts, 5 regions each, 100 locations per region. */
    static final TreeShape LARGE = new TreeShape("bench-large", 20, 5, 100);

    int regions() {
        return accounts * regionsPerAccount;
    }

    int locations() {
        return regions() * locationsPerRegion;
    }

    int nodes() {
        return 1 + accounts + regions() + locations();
    }

    String describe() {
        return String.format("1 partner → %d account%s → %d region%s each → %d location%s each = %,d locations (%,d nodes)",
                accounts, accounts == 1 ? "" : "s", regionsPerAccount, regionsPerAccount == 1 ? "" : "s",
                locationsPerRegion, locationsPerRegion == 1 ? "" : "s", locations(), nodes());
    }
}
