package io.branchkey.example;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The realm endpoints the library reads, served on an ephemeral loopback port with fixed answers. Like the real
 * realm, the token endpoint answers the client credentials grant of one confidential client (HTTP Basic), and the
 * hierarchy endpoints answer 401 unless the request carries a live access token it issued.
 */
final class StubKeycloak implements AutoCloseable {

    static final String CLIENT_ID = "example-resource-server";
    static final String CLIENT_SECRET = "stub-client-secret";

    private static final String REALM = "/realms/demo";
    private static final String TOKEN = REALM + "/protocol/openid-connect/token";
    private static final String HIERARCHY = REALM + "/branchkey/hierarchy";

    private final HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final Set<String> liveTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger refusedHierarchyRequests = new AtomicInteger();
    private final AtomicBoolean grantRefused = new AtomicBoolean();

    StubKeycloak() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath();
                if (path.equals(TOKEN)) {
                    token(exchange);
                    return;
                }
                if ((path.equals(HIERARCHY) || path.startsWith(HIERARCHY + "/")) && !authorized(exchange)) {
                    refusedHierarchyRequests.incrementAndGet();
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                    send(exchange, 401, "{\"error\": \"unauthorized\"}", false);
                    return;
                }
                String body = answers.get(path);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                send(exchange, 200, body, true);
            }
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
    }

    void answer(String pathBelowRealm, String json) {
        answers.put(REALM + pathBelowRealm, json);
    }

    /** How many access tokens the token endpoint has issued. */
    int issuedTokens() {
        return issued.get();
    }

    /** How many hierarchy requests were answered 401 (no or no live token). */
    int refusedHierarchyRequests() {
        return refusedHierarchyRequests.get();
    }

    /** Every token issued so far is refused from now on, as after a key rotation. */
    void revokeTokens() {
        liveTokens.clear();
    }

    /** The token endpoint refuses the client (invalid_client), as after a rotated secret; false undoes it. */
    void refuseGrant(boolean refuse) {
        grantRefused.set(refuse);
    }

    private boolean authorized(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ")
                && liveTokens.contains(authorization.substring("Bearer ".length()));
    }

    private void token(HttpExchange exchange) throws IOException {
        String form;
        try (InputStream in = exchange.getRequestBody()) {
            form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod()) || grantRefused.get()
                || !basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\": \"invalid_client\", \"error_description\": \"Invalid client or Invalid"
                    + " client credentials\"}", false);
            return;
        }
        if (!form.contains("grant_type=client_credentials")) {
            send(exchange, 400, "{\"error\": \"unsupported_grant_type\"}", false);
            return;
        }
        String token = "stub-service-account-token-" + issued.incrementAndGet();
        liveTokens.add(token);
        send(exchange, 200, "{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}",
                false);
    }

    private static void send(HttpExchange exchange, int status, String body, boolean cacheable) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", cacheable ? "private, max-age=300" : "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
