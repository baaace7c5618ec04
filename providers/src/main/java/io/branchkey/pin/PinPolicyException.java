package io.branchkey.pin;

import io.branchkey.common.BranchkeyException;

/**
 * A PIN, or a PIN policy, that the rules refuse. {@link #getField()} names the offending input; the message is
 * meant for people and never contains a PIN.
 */
public final class PinPolicyException extends BranchkeyException {

    /** Why, so that forms can show their own words for it. */
    public enum Problem {
        /** missing, or not digits only */
        FORMAT,
        /** not the length the policy asks for (or outside 4 to 8) */
        LENGTH,
        /** on the blocklist (rules or the realm's extra list) */
        BLOCKED,
        /** another member of a PIN-only location has it */
        NOT_UNIQUE,
        /** the realm does not let users choose their own PIN, the user is at a PIN-only location, or cannot have one */
        NOT_ALLOWED,
        /** too many new PINs (chosen or generated) for this user lately */
        TOO_MANY_ATTEMPTS,
        /** a policy value out of range */
        INVALID
    }

    private final Problem problem;

    public PinPolicyException(String field, String message) {
        this(Problem.INVALID, field, message);
    }

    public PinPolicyException(Problem problem, String field, String message) {
        super(problem == Problem.NOT_UNIQUE ? Kind.CONFLICT : Kind.INVALID, field, message);
        this.problem = problem;
    }

    private PinPolicyException(String message, long retryAfterSeconds) {
        super(Kind.TOO_MANY, null, message, retryAfterSeconds);
        this.problem = Problem.TOO_MANY_ATTEMPTS;
    }

    /** The user's PIN changes are used up for now (SetPinAttempts): 429 on the APIs. */
    public static PinPolicyException tooManyAttempts(String message, long retryAfterSeconds) {
        return new PinPolicyException(message, retryAfterSeconds);
    }

    public Problem getProblem() {
        return problem;
    }
}
