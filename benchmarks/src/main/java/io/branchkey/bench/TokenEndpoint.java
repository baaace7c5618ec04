package io.branchkey.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A realm's OIDC token endpoint over one keep-alive HTTP/1.1 connection: password logins, refresh-token grants and
 * Branchkey's PIN grant of public clients. Tokens and passwords are never printed; a refusal is reported with its error code only.
 */
final class TokenEndpoint {

    /** The tokens of one answer; {@code idToken} is empty when the answer had none. */
    record Tokens(String accessToken, String refreshToken, String idToken) {
    }

    static final String PIN_GRANT = "urn:branchkey:params:oauth:grant-type:pin";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    TokenEndpoint(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * @param openid whether to ask for an ID token too (scope openid), as a back-office web app does
     * @param scope  the {@code branchkey_scope} parameter, or null
     */
    Tokens password(String realm, String clientId, String username, String password, boolean openid, String scope)
            throws IOException, InterruptedException {
        List<String> form = new ArrayList<>(List.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password));
        if (openid) {
            form.addAll(List.of("scope", "openid"));
        }
        return request(realm, form, scope);
    }

    /** @param scope the {@code branchkey_scope} parameter, or null to keep the client session's */
    Tokens refresh(String realm, String clientId, String refreshToken, String scope) throws IOException, InterruptedException {
        return request(realm, new ArrayList<>(List.of("grant_type", "refresh_token", "client_id", clientId,
                "refresh_token", refreshToken)), scope);
    }

    /**
     * A PIN login at a registered device (docs/pin.md).
     *
     * @param userId the tile the person picked, or null at a PIN-only location
     */
    Tokens pin(String realm, String clientId, String deviceAssertion, String pin, String userId)
            throws IOException, InterruptedException {
        List<String> form = new ArrayList<>(List.of("grant_type", PIN_GRANT, "client_id", clientId,
                "device_assertion", deviceAssertion, "pin", pin));
        if (userId != null) {
            form.addAll(List.of("user_id", userId));
        }
        return request(realm, form, null);
    }

    /** A PIN grant expected to be refused: its HTTP status, whatever it is (the body is read and dropped). */
    int pinStatus(String realm, String clientId, String deviceAssertion, String pin, String userId)
            throws IOException, InterruptedException {
        List<String> form = new ArrayList<>(List.of("grant_type", PIN_GRANT, "client_id", clientId,
                "device_assertion", deviceAssertion, "pin", pin, "user_id", userId));
        return http.send(post(realm, form), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private Tokens request(String realm, List<String> form, String scope) throws IOException, InterruptedException {
        if (scope != null) {
            form.addAll(List.of("branchkey_scope", scope));
        }
        HttpResponse<String> response = http.send(post(realm, form), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = AdminApi.JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request (" + form.get(1) + ") in " + realm + ": HTTP " + response.statusCode()
                    + " " + answer.path("error").asText() + ": " + answer.path("error_description").asText());
        }
        return new Tokens(answer.path("access_token").asText(), answer.path("refresh_token").asText(),
                answer.path("id_token").asText());
    }

    private HttpRequest post(String realm, List<String> form) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.size(); i += 2) {
            body.append(i == 0 ? "" : "&").append(AdminApi.enc(form.get(i))).append('=').append(AdminApi.enc(form.get(i + 1)));
        }
        return HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}
