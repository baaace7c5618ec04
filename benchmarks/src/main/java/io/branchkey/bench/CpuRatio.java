package io.branchkey.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The ratio of two means per item over batches (CPU time per refresh with mappers to without; wall time per password
 * login to per PIN login), and a 95 % interval for it from a bootstrap over the batches (resampling each side's batches
 * with replacement), so batch-to-batch noise shows.
 */
record CpuRatio(double ratio, double low, double high) {

    private static final int RESAMPLES = 4000;

    static CpuRatio of(List<Long> withNanos, List<Integer> withRefreshes, List<Long> withoutNanos, List<Integer> withoutRefreshes,
                       long seed) {
        Random random = new Random(seed);
        double[] ratios = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            ratios[r] = resampledMean(withNanos, withRefreshes, random) / resampledMean(withoutNanos, withoutRefreshes, random);
        }
        Arrays.sort(ratios);
        return new CpuRatio(mean(withNanos, withRefreshes) / mean(withoutNanos, withoutRefreshes),
                ratios[(int) (RESAMPLES * 0.025)], ratios[(int) (RESAMPLES * 0.975) - 1]);
    }

    private static double mean(List<Long> nanos, List<Integer> refreshes) {
        return nanos.stream().mapToLong(Long::longValue).sum() / (double) refreshes.stream().mapToInt(Integer::intValue).sum();
    }

    private static double resampledMean(List<Long> nanos, List<Integer> refreshes, Random random) {
        long sum = 0;
        long count = 0;
        for (int i = 0; i < nanos.size(); i++) {
            int pick = random.nextInt(nanos.size());
            sum += nanos.get(pick);
            count += refreshes.get(pick);
        }
        return sum / (double) count;
    }
}
