package io.branchkey.rest;

import java.util.function.Supplier;

import io.branchkey.common.BranchkeyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponseException;

/**
 * The one mapper from Branchkey's error model ({@link BranchkeyException}) to HTTP. Client errors are thrown as
 * {@link ErrorResponseException}, which also marks the transaction rollback-only, so a refused request never
 * leaves anything half-written.
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ApiException forbidden(String message) {
        return error(Response.Status.FORBIDDEN, "forbidden", null, message);
    }

    public static ApiException invalid(String field, String message) {
        return error(Response.Status.BAD_REQUEST, "invalid_request", field, message);
    }

    public static ApiException notFound(String field, String message) {
        return error(Response.Status.NOT_FOUND, "not_found", field, message);
    }

    public static ApiException conflict(String field, String message) {
        return error(Response.Status.CONFLICT, "conflict", field, message);
    }

    /** 429 with Retry-After: the caller has used up a budget (no field: the request itself is fine). */
    public static ApiException tooManyRequests(String message, long retryAfterSeconds) {
        ApiError body = new ApiError("too_many_requests", message, null);
        return new ApiException(Response.status(429).header("Retry-After", retryAfterSeconds)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build(), 429, body);
    }

    public static ApiException from(BranchkeyException e) {
        return switch (e.getKind()) {
            case INVALID -> invalid(e.getField(), e.getMessage());
            case FORBIDDEN -> error(Response.Status.FORBIDDEN, "forbidden", e.getField(), e.getMessage());
            case NOT_FOUND -> notFound(e.getField(), e.getMessage());
            case CONFLICT -> conflict(e.getField(), e.getMessage());
            case TOO_MANY -> tooManyRequests(e.getMessage(), e.getRetryAfterSeconds());
        };
    }

    /** Runs a domain operation, turning a broken rule into the matching client error. */
    public static <T> T translate(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (BranchkeyException e) {
            throw from(e);
        }
    }

    public static void translate(Runnable operation) {
        translate(() -> {
            operation.run();
            return null;
        });
    }

    private static ApiException error(Response.Status status, String code, String field, String message) {
        ApiError body = new ApiError(code, message, field);
        return new ApiException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build(),
                status.getStatusCode(), body);
    }
}
