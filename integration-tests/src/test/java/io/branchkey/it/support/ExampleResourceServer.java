package io.branchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The example resource server (examples/resource-server) as its own process, pointed at a realm of the test
 * server: what an application behind Keycloak would run.
 */
public final class ExampleResourceServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String base;
    private final Path log;

    private ExampleResourceServer(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /**
     * @param clientId the app's own confidential client in that realm, with service accounts enabled (for the
     *        hierarchy endpoint); its secret goes to the process in the environment, not on the command line
     */
    public static ExampleResourceServer start(String issuer, String authorizedParties, String clientId,
            String clientSecret) {
        String jar = System.getProperty("branchkey.example.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("the example jar is missing (" + jar + "): build examples/resource-server first");
        }
        try {
            Path portFile = Files.createTempFile("branchkey-example", ".port");
            Files.delete(portFile);
            Path log = Files.createTempFile("branchkey-example", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar,
                    "--branchkey.issuer=" + issuer, "--branchkey.authorized-parties=" + authorizedParties,
                    "--branchkey.client-id=" + clientId, "--server.port=0", "--branchkey.port-file=" + portFile));
            builder.environment().put("BRANCHKEY_CLIENT_SECRET", clientSecret);
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!Files.exists(portFile) || Files.readString(portFile).isBlank()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the example did not start; its log:\n" + Files.readString(log));
                }
                Thread.sleep(200);
            }
            return new ExampleResourceServer(process, "http://localhost:" + Files.readString(portFile).trim(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET with a bearer token (null: none); returns status and body. */
    public ApiResponse get(String path, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse("GET", base + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST of a JSON body with a bearer token and, when given, a manager's approval. */
    public ApiResponse post(String path, String accessToken, String approval, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BranchkeyApi.toJson(body)));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (approval != null) {
            request.header("Branchkey-Approval", approval);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse("POST", base + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
