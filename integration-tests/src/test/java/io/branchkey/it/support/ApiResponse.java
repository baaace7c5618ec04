package io.branchkey.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** What one call of the Branchkey admin API answered: status, headers and the raw body. */
public record ApiResponse(String method, String uri, int status, HttpHeaders headers, String body) {

    /** The body as JSON; fails the test if it is not JSON. */
    public JsonNode json() {
        try {
            return BranchkeyApi.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + describe(), e);
        }
    }

    /** Asserts the status, showing the request and body on failure; returns this for chaining. */
    public ApiResponse expect(int expectedStatus) {
        assertThat(status).as("status of %s", describe()).isEqualTo(expectedStatus);
        return this;
    }

    /** The `id` of a node (or other object) in the body. */
    public String id() {
        JsonNode id = json().get("id");
        assertThat(id).as("id in %s", describe()).isNotNull();
        return id.asText();
    }

    /** For an array body: the `id` of each element, in order. */
    public List<String> ids() {
        JsonNode array = json();
        assertThat(array.isArray()).as("array body of %s", describe()).isTrue();
        List<String> ids = new ArrayList<>();
        array.forEach(element -> ids.add(element.path("id").asText(null)));
        return ids;
    }

    /** For an array body: the elements. */
    public List<JsonNode> elements() {
        JsonNode array = json();
        assertThat(array.isArray()).as("array body of %s", describe()).isTrue();
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String describe() {
        String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
        return method + " " + uri + " -> " + status + " " + shown;
    }

    @Override
    public String toString() {
        return describe();
    }
}
