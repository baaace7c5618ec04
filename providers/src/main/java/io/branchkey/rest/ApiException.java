package io.branchkey.rest;

import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponseException;

/**
 * A client error with its JSON body at hand. Thrown out of a resource it becomes the response (and marks the
 * transaction rollback-only); caught by a bulk operation, its status and body become that item's result.
 */
public final class ApiException extends ErrorResponseException {

    private final int status;
    private final ApiError error;

    ApiException(Response response, int status, ApiError error) {
        super(response);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return error;
    }
}
