package io.branchkey.bench;

/**
 * Resolutions timed inside the server, and what they returned. The first resolution of each probe request is
 * also kept apart: it is the request's first database access, so it opens the transaction and takes a pooled
 * connection, which the later ones of the same request do not.
 */
final class Resolutions {

    private final Latencies latencies = new Latencies();
    private final Latencies firstOfRequest = new Latencies();
    private final Latencies laterInRequest = new Latencies();
    private long permissions;
    private int empty;

    void add(long nanos, int size, boolean first) {
        latencies.add(nanos);
        (first ? firstOfRequest : laterInRequest).add(nanos);
        permissions += size;
        if (size == 0) {
            empty++;
        }
    }

    Latencies latencies() {
        return latencies;
    }

    Latencies firstOfRequest() {
        return firstOfRequest;
    }

    Latencies laterInRequest() {
        return laterInRequest;
    }

    int count() {
        return latencies.count();
    }

    double meanPermissions() {
        return permissions / (double) Math.max(1, count());
    }

    double emptyPercent() {
        return 100.0 * empty / Math.max(1, count());
    }
}
