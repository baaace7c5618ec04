package io.branchkey.access;

/**
 * When a grant is in force: from {@code startsAt} (inclusive) until {@code endsAt} (exclusive), epoch millis;
 * null means unbounded on that side.
 */
public record GrantWindow(Long startsAt, Long endsAt) {

    public static final GrantWindow ALWAYS = new GrantWindow(null, null);

    public boolean isActiveAt(long now) {
        return (startsAt == null || startsAt <= now) && (endsAt == null || now < endsAt);
    }

    /** The first instant after {@code now} at which this window opens or closes, or Long.MAX_VALUE. */
    public long nextChangeAfter(long now) {
        long next = Long.MAX_VALUE;
        if (startsAt != null && startsAt > now) {
            next = startsAt;
        }
        if (endsAt != null && endsAt > now) {
            next = Math.min(next, endsAt);
        }
        return next;
    }
}
