package io.branchkey.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on the error bodies the contract promises: {@code {"error", "message", "field"?}}. */
public final class ApiAssertions {

    private ApiAssertions() {
    }

    /** The status, a JSON body with a contract error code and a non-blank message. Returns the body. */
    public static JsonNode assertError(ApiResponse response, int status, String error) {
        response.expect(status);
        assertThat(response.header("Content-Type").orElse(""))
                .as("Content-Type of %s", response.describe()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.isObject()).as("error body of %s", response.describe()).isTrue();
        assertThat(body.path("error").asText(null)).as("error of %s", response.describe()).isEqualTo(error);
        assertThat(body.path("message").asText("")).as("message of %s", response.describe()).isNotBlank();
        return body;
    }

    /** As {@link #assertError}, and the error names exactly this field. */
    public static JsonNode assertFieldError(ApiResponse response, int status, String error, String field) {
        JsonNode body = assertError(response, status, error);
        assertThat(body.path("field").asText(null)).as("field of %s", response.describe()).isEqualTo(field);
        return body;
    }

    /** As {@link #assertError}, and the error names a field starting with this prefix (nested fields). */
    public static JsonNode assertFieldErrorStartingWith(ApiResponse response, int status, String error, String fieldPrefix) {
        JsonNode body = assertError(response, status, error);
        assertThat(body.path("field").asText("")).as("field of %s", response.describe()).startsWith(fieldPrefix);
        return body;
    }

    /** As {@link #assertError}, for errors where no single field is at fault: {@code field} is absent. */
    public static JsonNode assertErrorWithoutField(ApiResponse response, int status, String error) {
        JsonNode body = assertError(response, status, error);
        assertThat(body.has("field") && !body.get("field").isNull())
                .as("no field expected in %s", response.describe()).isFalse();
        return body;
    }

    public static JsonNode invalid(ApiResponse response, String field) {
        return assertFieldError(response, 400, "invalid_request", field);
    }

    public static JsonNode notFound(ApiResponse response) {
        return assertError(response, 404, "not_found");
    }

    /** 404 naming the field whose id was not found. */
    public static JsonNode notFound(ApiResponse response, String field) {
        return assertFieldError(response, 404, "not_found", field);
    }

    public static JsonNode conflict(ApiResponse response) {
        return assertError(response, 409, "conflict");
    }

    /** Whether the field is JSON null or left out. */
    public static boolean nullOrAbsent(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull();
    }
}
