package io.branchkey.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls the benchmark probe (benchmarks/probe) in the running Keycloak: {@code POST
 * /realms/{realm}/branchkey-bench-probe/resolve}, which times each resolution inside the server.
 */
final class ProbeClient {

    /** The probe's environment variable and header (see io.branchkey.bench.probe.ResolveProbeFactory). */
    static final String SECRET_ENV = "BRANCHKEY_BENCH_PROBE_SECRET";
    private static final String SECRET_HEADER = "X-Bench-Probe-Secret";

    /** Per resolution, in order: its time inside the server and the number of permissions it returned. */
    record Result(long[] nanos, int[] sizes) {
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;
    private final String secret;

    ProbeClient(String baseUrl, String secret) {
        this.baseUrl = baseUrl;
        this.secret = secret;
    }

    /** A fresh random secret for one run; it lives only in this process and in Keycloak's environment. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Fails unless the probe refuses a request without the secret. */
    void requireGuarded(String realm) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/branchkey-bench-probe/resolve"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pairs\": []}")).build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 401) {
            throw new IllegalStateException("the probe answered HTTP " + status + " to a request without its secret");
        }
    }

    Result resolve(String realm, List<ResolutionPairs.Pair> pairs) throws IOException, InterruptedException {
        ObjectNode body = AdminApi.JSON.createObjectNode();
        ArrayNode array = body.putArray("pairs");
        pairs.forEach(p -> array.addArray().add(p.userId()).add(p.nodeId()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/branchkey-bench-probe/resolve"))
                .header(SECRET_HEADER, secret)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("probe in " + realm + ": HTTP " + response.statusCode() + " " + response.body());
        }
        JsonNode answer = AdminApi.JSON.readTree(response.body());
        long[] nanos = new long[pairs.size()];
        int[] sizes = new int[pairs.size()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = answer.path("nanos").get(i).asLong();
            sizes[i] = answer.path("sizes").get(i).asInt();
        }
        return new Result(nanos, sizes);
    }
}
