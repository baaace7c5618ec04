package io.branchkey.claims.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake Keycloak realm on an ephemeral loopback port: each path answers with whatever the test set, and every
 * request is counted and recorded.
 */
public final class StubRealm implements AutoCloseable {

    /** One answer. */
    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer json(String body, String... headerPairs) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (int i = 0; i < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Answer(200, body, headers);
        }

        public static Answer status(int status) {
            return new Answer(status, null, Map.of());
        }
    }

    /** A request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public StubRealm() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The realm's issuer-like base URL: http://127.0.0.1:{port}/realms/test */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test");
    }

    public String issuer() {
        return base().toString();
    }

    /** Answers requests to {@code /realms/test + path} (exact path, without the query). */
    public void on(String path, Function<Request, Answer> answer) {
        routes.put("/realms/test" + path, answer);
    }

    public void on(String path, Answer answer) {
        on(path, request -> answer);
    }

    public int count(String path) {
        AtomicInteger count = counts.get("/realms/test" + path);
        return count == null ? 0 : count.get();
    }

    public List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Request request = new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()),
                    body);
            requests.add(request);
            counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Function<Request, Answer> route = routes.get(path);
            Answer answer = route == null ? Answer.status(404) : route.apply(request);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (answer.body() == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
