package io.branchkey.claims.approval;

/** An approval that must not be honoured, with why. */
public final class ApprovalRejectedException extends RuntimeException {

    public enum Reason { INVALID, EXPIRED, REPLAYED }

    private final Reason reason;

    public ApprovalRejectedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
