package io.branchkey.tenancy;

/**
 * A rule of the tenant tree was broken by the caller's input. Carries enough for a precise client error.
 */
public class TenancyException extends RuntimeException {

    public enum Reason { INVALID, NOT_FOUND, CONFLICT }

    private final Reason reason;
    private final String field;

    public TenancyException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public static TenancyException invalid(String field, String message) {
        return new TenancyException(Reason.INVALID, field, message);
    }

    public static TenancyException notFound(String field, String message) {
        return new TenancyException(Reason.NOT_FOUND, field, message);
    }

    public static TenancyException conflict(String field, String message) {
        return new TenancyException(Reason.CONFLICT, field, message);
    }

    public Reason getReason() {
        return reason;
    }

    /** The offending input field, or null when no single field is at fault. */
    public String getField() {
        return field;
    }
}
