package io.branchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.testframework.server.KeycloakUrls;

/** Token requests to a realm's token endpoint, as a client app makes them, with the raw answer kept. */
public final class OidcTokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final KeycloakUrls urls;
    private final String realm;

    public OidcTokens(KeycloakUrls urls, String realm) {
        this.urls = urls;
        this.realm = realm;
    }

    /** What the token endpoint answered. */
    public record TokenResponse(int status, JsonNode body) {

        public TokenResponse expectOk() {
            if (status != 200) {
                throw new AssertionError("token request failed: " + status + " " + body);
            }
            return this;
        }

        public String accessToken() {
            return body.get("access_token").asText();
        }

        public String refreshToken() {
            return body.get("refresh_token").asText();
        }

        /** The access token's payload (not verified: the server just issued it). */
        public JsonNode claims() {
            return payload(accessToken());
        }
    }

    public TokenResponse password(String clientId, String username, String password, String... extra) {
        return request(form("grant_type", "password", "client_id", clientId, "username", username,
                "password", password), extra);
    }

    public TokenResponse refresh(String clientId, String refreshToken, String... extra) {
        return request(form("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken), extra);
    }

    public TokenResponse clientCredentials(String clientId, String secret, String... extra) {
        return request(form("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret), extra);
    }

    /** Any grant, e.g. Branchkey's device and PIN grants: form parameters as name, value pairs. */
    public TokenResponse grant(String... pairs) {
        return request(form(pairs));
    }

    /** The decoded payload of a JWT. */
    public static JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return BranchkeyApi.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private TokenResponse request(Map<String, String> form, String... extra) {
        for (int i = 0; i < extra.length; i += 2) {
            form.put(extra[i], extra[i + 1]);
        }
        String body = form.entrySet().stream()
                .map(e -> BranchkeyApi.encode(e.getKey()) + "=" + BranchkeyApi.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.getToken(realm)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new TokenResponse(response.statusCode(), BranchkeyApi.JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
