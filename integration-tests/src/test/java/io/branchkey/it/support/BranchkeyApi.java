package io.branchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * A deliberately small client for {@code /admin/realms/{realm}/branchkey/...}: it sends exactly what a test gives it
 * (raw JSON strings included, so malformed bodies can be sent) and hands back status, headers and body untouched.
 */
public final class BranchkeyApi {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** Where a flavour of the API lives below the server, given the realm name. */
    private enum Base {
        ADMIN("/admin/realms/%s/branchkey/"),
        DELEGATED("/realms/%s/branchkey/manage/"),
        PUBLIC("/realms/%s/branchkey/");

        private final String pattern;

        Base(String pattern) {
            this.pattern = pattern;
        }
    }

    private final String serverBase;
    private final String realm;
    private final Supplier<String> token;
    private final Base base;

    private BranchkeyApi(String serverBase, String realm, Supplier<String> token, Base base) {
        this.serverBase = serverBase;
        this.realm = realm;
        this.token = token;
        this.base = base;
    }

    private BranchkeyApi(String serverBase, String realm, Supplier<String> token) {
        this(serverBase, realm, token, Base.ADMIN);
    }

    /** The delegated API ({@code /realms/{realm}/branchkey/manage/...}) with an ordinary user's bearer token. */
    public static BranchkeyApi delegated(KeycloakUrls urls, String realm, String accessToken) {
        return new BranchkeyApi(urls.getBase(), realm, () -> accessToken, Base.DELEGATED);
    }

    /** The realm's Branchkey endpoints ({@code /realms/{realm}/branchkey/...}), without a token. */
    public static BranchkeyApi publicApi(KeycloakUrls urls, String realm) {
        return new BranchkeyApi(urls.getBase(), realm, () -> null, Base.PUBLIC);
    }

    /** Calls as the framework's bootstrap admin (master realm, full admin rights). */
    public static BranchkeyApi asAdmin(KeycloakUrls urls, Keycloak admin, String realm) {
        return new BranchkeyApi(urls.getBase(), realm, () -> admin.tokenManager().getAccessTokenString());
    }

    /** Calls with a fixed bearer token (null: no Authorization header at all). */
    public static BranchkeyApi withToken(KeycloakUrls urls, String realm, String accessToken) {
        return new BranchkeyApi(urls.getBase(), realm, () -> accessToken);
    }

    /** The same API with a fixed bearer token (null: none). */
    public BranchkeyApi withBearer(String accessToken) {
        return new BranchkeyApi(serverBase, realm, () -> accessToken, base);
    }

    /** The same API with a bearer token asked for before each request (a cache that renews it, e.g.). */
    public BranchkeyApi withBearer(Supplier<String> accessTokens) {
        return new BranchkeyApi(serverBase, realm, accessTokens, base);
    }

    /** The same caller against another realm's API. */
    public BranchkeyApi forRealm(String otherRealm) {
        return new BranchkeyApi(serverBase, otherRealm, token, base);
    }

    public String realm() {
        return realm;
    }

    /** The absolute URL of a path below this API's base, e.g. {@code /admin/realms/{realm}/branchkey/}. */
    public String url(String path) {
        return serverBase + String.format(base.pattern, realm) + path;
    }

    public ApiResponse get(String path) {
        return send("GET", path, null);
    }

    public ApiResponse getUrl(String absoluteUrl) {
        return sendTo("GET", URI.create(absoluteUrl), null);
    }

    /** POST with a body: a String is sent as-is, anything else is serialised to JSON. */
    public ApiResponse post(String path, Object body) {
        return send("POST", path, body);
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, body);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null);
    }

    public ApiResponse send(String method, String path, Object body) {
        return sendTo(method, URI.create(url(path)), body);
    }

    /** POST with extra request headers, e.g. a device assertion. */
    public ApiResponse postWithHeaders(String path, Object body, java.util.Map<String, String> headers) {
        return sendTo("POST", URI.create(url(path)), body, headers);
    }

    /** GET with one extra request header, e.g. If-None-Match. */
    public ApiResponse getWithHeader(String path, String header, String value) {
        return sendTo("GET", URI.create(url(path)), null, java.util.Map.of(header, value));
    }

    private ApiResponse sendTo(String method, URI uri, Object body) {
        return sendTo(method, uri, body, java.util.Map.of());
    }

    private ApiResponse sendTo(String method, URI uri, Object body, java.util.Map<String, String> headers) {
        String payload = body == null ? null : body instanceof String s ? s : toJson(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        headers.forEach(request::header);
        String bearer = token.get();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (payload != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(method, uri.toString(), response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + uri, e);
        }
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Gets an access token for a user of {@code realm} with the password grant of the realm's admin-cli client. */
    public static String passwordToken(KeycloakUrls urls, String realm, String username, String password) {
        return passwordToken(urls, realm, username, password, null);
    }

    /**
     * A management token (for the delegated API): the same, asking for the management scope, which admin-cli hands
     * out once {@link ManagementScope#allow} ran.
     */
    public static String managementToken(KeycloakUrls urls, String realm, String username, String password) {
        return passwordToken(urls, realm, username, password, ManagementScope.NAME);
    }

    /** The same with the scopes asked for ({@code null}: the client's defaults). */
    public static String passwordToken(KeycloakUrls urls, String realm, String username, String password, String scope) {
        String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password)
                + (scope == null ? "" : "&scope=" + encode(scope));
        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.getToken(realm)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token for " + username + "@" + realm + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
