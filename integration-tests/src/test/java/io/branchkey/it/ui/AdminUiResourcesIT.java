package io.branchkey.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.DemoRealm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The admin UI's files as the server hands them out: content types, caching, the security headers, and nothing
 * but the listed files (unknown names, other builds' versions and traversal attempts are 404). Also the demo
 * realm's client that signs in to the UI and that the admin console links to.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class AdminUiResourcesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(v/([0-9a-f]{16})/[^\"]+)\"");

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    String ui;

    @BeforeEach
    void demo() {
        DemoRealm.ensure(admin, urls);
        ui = urls.getBase() + "/realms/" + DemoRealm.NAME + "/branchkey/ui/";
    }

    @Test
    void thePageIsServedFresh() throws Exception {
        HttpResponse<String> page = get(ui, Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertSecured(page);
        assertThat(page.body()).contains("<main id=\"main\"").doesNotContain("@BRANCHKEY_UI_VERSION@");

        String etag = page.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get(ui, Map.of("If-None-Match", etag));
        assertThat(again.statusCode()).as("unchanged page").isEqualTo(304);

        HttpResponse<String> bare = get(ui.substring(0, ui.length() - 1), Map.of());
        assertThat(bare.statusCode()).as(".../ui without the slash").isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValue(ui);
    }

    @Test
    void assetsAreVersionedAndCachedForAYear() throws Exception {
        String page = get(ui, Map.of()).body();
        Matcher matcher = ASSET.matcher(page);
        List<String> assets = new ArrayList<>();
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        assertThat(assets).as("assets named by the page").hasSizeGreaterThanOrEqualTo(4)
                .anyMatch(a -> a.endsWith("/js/main.js")).anyMatch(a -> a.endsWith("/vendor/keycloak.js"))
                .anyMatch(a -> a.endsWith("/css/app.css")).anyMatch(a -> a.endsWith("/img/icon.svg"));
        Map<String, String> types = Map.of(".js", "text/javascript; charset=utf-8", ".css", "text/css; charset=utf-8",
                ".svg", "image/svg+xml");
        for (String asset : assets) {
            HttpResponse<String> response = get(ui + asset, Map.of());
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
            String type = types.get(asset.substring(asset.lastIndexOf('.')));
            assertThat(response.headers().firstValue("Content-Type")).as(asset).hasValue(type);
            assertThat(response.headers().firstValue("Cache-Control")).as(asset).hasValue("public, max-age=31536000, immutable");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(asset).hasValue("nosniff");
        }
        String version = version(page);
        // A module the page does not name directly, imported by main.js.
        assertThat(get(ui + "v/" + version + "/js/screens/node.js", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void nothingElseIsThere() throws Exception {
        String version = version(get(ui, Map.of()).body());
        String other = version.equals("0000000000000000") ? "1111111111111111" : "0000000000000000";
        for (String path : List.of(
                "nope.html",
                "index.htm",
                "assets.txt",
                "js/main.js",
                "v/" + other + "/js/main.js",
                "v/" + version + "/index.html",
                "v/" + version + "/assets.txt",
                "v/" + version + "/js/nope.js",
                "v/" + version + "/JS/MAIN.JS",
                "v/" + version + "/..%2fassets.txt",
                "v/" + version + "/js%2f..%2f..%2fassets.txt",
                "v/" + version + "/..%2f..%2f..%2f..%2fMETA-INF%2fbeans.xml",
                "..%2f..%2fMETA-INF%2fbeans.xml",
                "v/" + version + "/..%5c..%5cMETA-INF%5cbeans.xml")) {
            HttpResponse<String> response = get(ui + path, Map.of());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("<beans", "index.html");
        }
        // Encoded dot segments are refused by the server before the UI sees them.
        HttpResponse<String> dots = get(ui + "v/" + version + "/%2e%2e/%2e%2e/assets.txt", Map.of());
        assertThat(dots.statusCode()).isIn(400, 404);
        assertThat(dots.body()).doesNotContain("index.html");

        HttpResponse<String> missing = get(ui + "v/" + version + "/js/nope.js", Map.of());
        assertSecured(missing);
        assertThat(missing.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    /** The console lists this client with the UI as its home URL, which is how admins find the UI. */
    @Test
    void theDemoRealmHasThePublicPkceClientWhoseHomeIsTheUi() {
        ClientRepresentation client = admin.realm(DemoRealm.NAME).clients().findByClientId("branchkey-admin-ui").get(0);
        assertThat(client.isPublicClient()).isTrue();
        assertThat(client.isStandardFlowEnabled()).isTrue();
        assertThat(client.isDirectAccessGrantsEnabled()).isFalse();
        assertThat(client.isImplicitFlowEnabled()).isFalse();
        assertThat(client.getAttributes()).containsEntry("pkce.code.challenge.method", "S256");
        assertThat(client.getRootUrl()).isEqualTo("${authBaseUrl}");
        assertThat(client.getBaseUrl()).isEqualTo("/realms/" + DemoRealm.NAME + "/branchkey/ui/");
        assertThat(client.getRedirectUris()).contains("/realms/" + DemoRealm.NAME + "/branchkey/ui/*");
    }

    private static void assertSecured(HttpResponse<String> response) {
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
                "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'").doesNotContain("unsafe");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().allValues("Content-Security-Policy")).as("one policy, ours").hasSize(1);
    }

    private static String version(String page) {
        Matcher matcher = ASSET.matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(2);
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
