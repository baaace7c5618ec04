package io.branchkey.bench;

/**
 * The claims benchmark's own numbers, as system properties (the Maven profile {@code bench} passes them on).
 *
 * @param refreshes        timed refresh-token grants per realm and back-office client
 * @param batch            refreshes per batch (CPU time is read before and after each)
 * @param warmup           untimed refreshes per realm and client before timing
 * @param countCalls       refreshes per realm and client whose SQL statements are counted (claims cached)
 * @param uncachedCounts   first refreshes after a change whose SQL statements are counted, per realm
 * @param firstTokens      first refreshes after a change timed per realm, for context
 * @param profileRefreshes refreshes per profiled realm and client (Java Flight Recorder), 0 for no profile
 */
record ClaimsSettings(int refreshes, int batch, int warmup, int countCalls, int uncachedCounts, int firstTokens,
                      int profileRefreshes) {

    static ClaimsSettings fromSystemProperties() {
        ClaimsSettings s = new ClaimsSettings(BenchSettings.intProperty("bench.claims.refreshes", 2_000),
                BenchSettings.intProperty("bench.claims.batch", 100),
                BenchSettings.intProperty("bench.claims.warmup", 1_000),
                BenchSettings.intProperty("bench.claims.countCalls", 50),
                BenchSettings.intProperty("bench.claims.uncachedCounts", 10),
                BenchSettings.intProperty("bench.claims.firstTokens", 30),
                BenchSettings.intProperty("bench.claims.profileRefreshes", 5_000));
        if (s.refreshes % s.batch != 0 || s.warmup % s.batch != 0) {
            throw new IllegalArgumentException("bench.claims.refreshes and bench.claims.warmup must be multiples of bench.claims.batch");
        }
        return s;
    }
}
