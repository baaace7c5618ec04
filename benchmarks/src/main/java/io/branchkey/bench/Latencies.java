package io.branchkey.bench;

import java.util.Arrays;

/** Client-side latencies of one operation, in nanoseconds. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    int count() {
        return size;
    }

    /** Nearest-rank percentile in milliseconds, p in (0, 100]. */
    double percentileMs(double p) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    double maxMs() {
        return percentileMs(100);
    }
}
