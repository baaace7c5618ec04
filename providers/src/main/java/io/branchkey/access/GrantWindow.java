package io.branchkey.access;

import io.branchkey.common.BranchkeyException;

/**
 * When a grant is in force: from {@code startsAt} (inclusive) until {@code endsAt} (exclusive), epoch millis;
 * null means unbounded on that side.
 */
public record GrantWindow(Long startsAt, Long endsAt) {

    public static final GrantWindow ALWAYS = new GrantWindow(null, null);

    /** A window from a request: an end at or before the start is refused, naming {@code endsAt}. */
    public static GrantWindow of(Long startsAt, Long endsAt) {
        if (startsAt != null && endsAt != null && startsAt >= endsAt) {
            throw BranchkeyException.invalid("endsAt", "endsAt must be after startsAt");
        }
        return new GrantWindow(startsAt, endsAt);
    }

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
