package io.branchkey.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak's admin REST API over one keep-alive HTTP/1.1 connection, with a master-realm admin token that is
 * fetched again before it expires. {@link #ensureFreshToken()} is called outside timed sections only.
 */
final class AdminApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private String token;
    private long tokenRefreshAt;

    AdminApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Fetches a new token when the current one has less than a third of its lifetime left; true if it did. */
    boolean ensureFreshToken() throws IOException, InterruptedException {
        if (token != null && System.nanoTime() < tokenRefreshAt) {
            return false;
        }
        String form = "grant_type=password&client_id=admin-cli&username=" + enc(KeycloakProcess.ADMIN_USER)
                + "&password=" + enc(KeycloakProcess.ADMIN_PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin token: HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        long lifetimeSeconds = body.path("expires_in").asLong(60);
        token = body.path("access_token").asText();
        tokenRefreshAt = System.nanoTime() + Duration.ofSeconds(lifetimeSeconds * 2 / 3).toNanos();
        return true;
    }

    /** GET of an admin path (below /admin/realms/); fails unless the answer is 200. Returns the body. */
    String get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** POST of a JSON body to an admin path; fails unless the answer is 200, 201 or 204. Returns the body. */
    String post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200 && response.statusCode() != 204) {
            throw new IllegalStateException("POST " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** PUT of a JSON body to an admin path; fails unless the answer is 200 or 204. Returns the body. */
    String put(String path, String json) throws IOException, InterruptedException {
        return send("PUT " + path, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** DELETE of an admin path; fails unless the answer is 204 or 200. */
    void delete(String path) throws IOException, InterruptedException {
        send("DELETE " + path, HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + path)).DELETE());
    }

    /**
     * POST of a JSON body that creates something Keycloak answers with {@code 201} and a Location header but no
     * body (users, clients): returns the new id, the last segment of the location.
     */
    String create(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 201 || location.isEmpty()) {
            throw new IllegalStateException("POST " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String send(String what, HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(builder.header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 204) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
