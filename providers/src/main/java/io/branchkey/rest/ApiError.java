package io.branchkey.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error Branchkey's REST endpoints return.
 *
 * @param error   a stable code: invalid_request, not_found, conflict, forbidden
 * @param message what went wrong, for people
 * @param field   the offending input field, or null when no single field is at fault
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String message, String field) {
}
