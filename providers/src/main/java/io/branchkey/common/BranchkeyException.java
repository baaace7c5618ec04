package io.branchkey.common;

/**
 * Branchkey's one error model: a request broke a rule. The kind says which way (the REST layer maps it to 400,
 * 403, 404 or 409 in one place), {@link #getField()} names the offending input, and the message is meant for
 * people. It never carries a secret (PIN, token, key).
 */
public class BranchkeyException extends RuntimeException {

    public enum Kind {
        /** The input itself is wrong: 400. */
        INVALID,
        /** The caller may not do this: 403. */
        FORBIDDEN,
        /** Unknown, or out of the caller's reach: 404. */
        NOT_FOUND,
        /** The input is fine but the current state refuses it: 409. */
        CONFLICT,
        /** The caller (or the target) has used up a budget for now: 429, with when to try again. */
        TOO_MANY
    }

    private final Kind kind;
    private final String field;
    private final long retryAfterSeconds;

    public BranchkeyException(Kind kind, String field, String message) {
        this(kind, field, message, 0);
    }

    protected BranchkeyException(Kind kind, String field, String message, long retryAfterSeconds) {
        // Rule violations are expected answers, not bugs: no stack trace to fill.
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static BranchkeyException invalid(String field, String message) {
        return new BranchkeyException(Kind.INVALID, field, message);
    }

    public static BranchkeyException forbidden(String message) {
        return new BranchkeyException(Kind.FORBIDDEN, null, message);
    }

    public static BranchkeyException forbidden(String field, String message) {
        return new BranchkeyException(Kind.FORBIDDEN, field, message);
    }

    public static BranchkeyException notFound(String field, String message) {
        return new BranchkeyException(Kind.NOT_FOUND, field, message);
    }

    public static BranchkeyException conflict(String field, String message) {
        return new BranchkeyException(Kind.CONFLICT, field, message);
    }

    public Kind getKind() {
        return kind;
    }

    /** For {@link Kind#TOO_MANY}: seconds until the budget has room again; else 0. */
    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The offending input field, or null when no single field is at fault. */
    public String getField() {
        return field;
    }
}
