package io.branchkey.pin.jpa;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Every refused PIN attempt is answered no sooner than {@link #FLOOR_MILLIS} after it began. The guard already does the
 * same work for every kind of refusal, but what is left (a user found in the cache or not, a credential row or the
 * decoy row) still differed by a few tenths of a millisecond, enough to tell over many tries whom a tile names and
 * whether they have a PIN. Waiting out a fixed time after the work is done hides that: a refusal's time is the
 * floor plus scheduling, whoever it was for. Successful logins are not slowed. The wait happens after the attempt's
 * transaction has committed, so no row lock is held meanwhile.
 */
final class RefusalPace {

    /** Far above what a refusal's work takes on a loaded server (about 3 ms), far below what a person notices. */
    static final long FLOOR_MILLIS = 25;

    private final long deadline;

    private RefusalPace(long startedNanos) {
        this.deadline = startedNanos + TimeUnit.MILLISECONDS.toNanos(FLOOR_MILLIS);
    }

    static RefusalPace startNow() {
        return new RefusalPace(System.nanoTime());
    }

    /** Returns at the floor (at once if the attempt took longer); keeps the thread's interrupt status. */
    void awaitFloor() {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
