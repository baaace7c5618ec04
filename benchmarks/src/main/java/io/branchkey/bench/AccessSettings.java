package io.branchkey.bench;

/**
 * The access benchmark's own numbers, as system properties (the Maven profile {@code bench} passes them on).
 *
 * @param pairs       distinct (user, location) pairs timed per pass in the large realm
 * @param smallPairs  the same in the small realm
 * @param warmup      pairs per realm resolved (uncached, then cached) before timing
 * @param batch       resolutions per probe request
 * @param countCalls  resolutions per realm and mode whose SQL statements are counted, one per request
 * @param httpCalls   calls of the admin REST endpoint timed per mode in the large realm, for context
 */
record AccessSettings(int pairs, int smallPairs, int warmup, int batch, int countCalls, int httpCalls) {

    static AccessSettings fromSystemProperties() {
        return new AccessSettings(BenchSettings.intProperty("bench.access.pairs", 20_000),
                BenchSettings.intProperty("bench.access.smallPairs", 5_000),
                BenchSettings.intProperty("bench.access.warmup", 2_000),
                BenchSettings.intProperty("bench.access.batch", 100),
                BenchSettings.intProperty("bench.access.countCalls", 200),
                BenchSettings.intProperty("bench.access.httpCalls", 1_000));
    }

    int pairsFor(AccessShape shape) {
        return shape == AccessShape.LARGE ? pairs : smallPairs;
    }
}
