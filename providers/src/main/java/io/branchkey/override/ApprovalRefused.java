package io.branchkey.override;

/**
 * An approval that cannot be given. {@code status} and {@code error} are what the register sees; {@code reason}
 * goes only to the audit trail and events (a refused PIN looks like any other refusal from outside).
 */
public final class ApprovalRefused extends RuntimeException {

    private final int status;
    private final String error;
    private final String field;
    private final String reason;

    ApprovalRefused(int status, String error, String field, String message, String reason) {
        super(message);
        this.status = status;
        this.error = error;
        this.field = field;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
