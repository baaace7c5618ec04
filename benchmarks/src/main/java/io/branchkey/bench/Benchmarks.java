package io.branchkey.bench;

/**
 * Entry point of the Maven profile {@code bench}: runs the benchmark named by -Dbench.which, one at a time.
 * <ul>
 *   <li>{@code tenant-tree} (default): {@link TenantTreeBenchmark}, writes results/tenant-tree.md</li>
 *   <li>{@code access}: {@link AccessBenchmark}, writes results/access-resolution.md</li>
 *   <li>{@code claims}: {@link ClaimsBenchmark}, writes results/claims.md</li>
 *   <li>{@code pin}: {@link PinBenchmark}, writes results/pin-login.md</li>
 *   <li>{@code pin-timing}: {@link PinTimingBenchmark}, writes results/pin-timing.md</li>
 * </ul>
 */
public final class Benchmarks {

    public static void main(String[] args) throws Exception {
        String which = System.getProperty("bench.which", "tenant-tree").trim();
        switch (which) {
            case "", "tenant-tree" -> TenantTreeBenchmark.main(args);
            case "access" -> AccessBenchmark.main(args);
            case "claims" -> ClaimsBenchmark.main(args);
            case "pin" -> PinBenchmark.main(args);
            case "pin-timing" -> PinTimingBenchmark.main(args);
            default -> throw new IllegalArgumentException("-Dbench.which=" + which + ": expected tenant-tree, access, claims, pin or pin-timing");
        }
    }

    private Benchmarks() {
    }
}
