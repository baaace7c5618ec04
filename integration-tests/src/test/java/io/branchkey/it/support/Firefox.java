package io.branchkey.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Firefox driven over WebDriver BiDi, the W3C protocol Firefox speaks itself: no geckodriver, which
 * Debian does not package and which ships only from GitHub. Enough for end-to-end checks of the admin UI: open a
 * page, run a script in it, wait for a condition, take a screenshot, and collect what the page logged as errors.
 * Without a Firefox on the machine the calling test is skipped, not failed.
 */
public final class Firefox implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final String context;

    private Firefox(Process process, Path profile, WebSocket socket, Listener listener) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
        listener.attach(this);
        command("session.new", Map.of("capabilities", Map.of()));
        command("session.subscribe", Map.of("events", List.of("log.entryAdded")));
        context = command("browsingContext.getTree", Map.of()).get("contexts").get(0).get("context").asText();
        command("browsingContext.setViewport", Map.of("context", context,
                "viewport", Map.of("width", Chromium.DESKTOP.width, "height", Chromium.DESKTOP.height)));
    }

    /** Starts Firefox (Debian: apt-get install firefox-esr), or skips the test when none is installed. */
    public static Firefox start() {
        Optional<String> binary = Stream.of(System.getenv("FIREFOX_BIN"), "/usr/bin/firefox-esr", "/usr/bin/firefox")
                .filter(p -> p != null && new File(p).canExecute()).findFirst();
        Assumptions.assumeTrue(binary.isPresent(), "no Firefox found (apt-get install firefox-esr): Firefox tests skipped");
        try {
            Path profile = Files.createTempDirectory("branchkey-firefox-");
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Process process = new ProcessBuilder(binary.get(), "--headless", "--no-remote", "--profile",
                    profile.toString(), "--remote-debugging-port=" + port, "about:blank")
                    .redirectErrorStream(true).redirectOutput(profile.resolve("firefox.log").toFile()).start();
            Listener listener = new Listener();
            return new Firefox(process, profile, connect(port, process, listener), listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebSocket connect(int port, Process process, Listener listener) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/session"), listener)
                        .get(5, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroyForcibly();
                    throw new IllegalStateException("Firefox's WebDriver BiDi endpoint did not come up on port " + port, notYet);
                }
                sleep(200);
            }
        }
    }

    /** Routes the socket's messages to the Firefox that owns it (the socket exists before its owner does). */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile Firefox owner;
        private final List<JsonNode> early = new ArrayList<>();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = BranchkeyApi.JSON.readTree(text);
                    synchronized (this) {
                        if (owner == null) {
                            early.add(message);
                        } else {
                            owner.receive(message);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            webSocket.request(1);
            return null;
        }

        synchronized void attach(Firefox firefox) {
            owner = firefox;
            early.forEach(firefox::receive);
            early.clear();
        }
    }

    private void receive(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> waiting = pending.remove(message.get("id").asLong());
            if (waiting != null) {
                waiting.complete(message);
            }
        } else if ("log.entryAdded".equals(message.path("method").asText())
                && "error".equals(message.path("params").path("level").asText())) {
            JsonNode entry = message.get("params");
            errors.add(entry.path("type").asText() + ": " + entry.path("text").asText());
        }
    }

    /** Sends one command and returns its result; an error answer fails the test with Firefox's message. */
    private JsonNode command(String method, Map<String, Object> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode request = BranchkeyApi.JSON.createObjectNode().put("id", id).put("method", method);
        request.set("params", BranchkeyApi.JSON.valueToTree(params));
        socket.sendText(request.toString(), true).join();
        JsonNode response;
        try {
            response = answer.get(WAIT.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no answer from Firefox to " + method, e);
        }
        if (!"success".equals(response.path("type").asText())) {
            throw new AssertionError("Firefox refused " + method + ": " + response);
        }
        return response.get("result");
    }

    public void open(String url) {
        command("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"));
    }

    /** Evaluates a JavaScript expression in the page and returns its value as text ("" for null or undefined). */
    public String eval(String expression) {
        JsonNode result = command("script.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "target", Map.of("context", context))).get("result");
        JsonNode value = result.get("value");
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** Waits until a JavaScript expression is true in the page (a navigation meanwhile is simply waited out). */
    public void waitUntil(String condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                if ("true".equals(eval("!!(" + condition + ")"))) {
                    return;
                }
            } catch (AssertionError navigating) {
                last = navigating.getMessage();
            }
            sleep(100);
        }
        throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + condition + " on " + eval("location.href")
                + "; the page says: " + pageText() + (last.isEmpty() ? "" : "; last error: " + last));
    }

    public String pageText() {
        return eval("document.body ? document.body.innerText : ''");
    }

    /** Saves the viewport as {name}.png in {@link Chromium#SCREENSHOTS}. */
    public Path screenshot(String name) {
        String png = command("browsingContext.captureScreenshot", Map.of("context", context)).get("data").asText();
        try {
            Files.createDirectories(Chromium.SCREENSHOTS);
            Path target = Chromium.SCREENSHOTS.resolve(name + ".png");
            Files.write(target, Base64.getDecoder().decode(png));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the pages logged as errors so far (uncaught exceptions, console.error, CSP violations). */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /** Forgets the errors logged so far (e.g. those of Keycloak's login page, whose fonts stop loading on submit). */
    public void clearErrors() {
        errors.clear();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            command("session.end", Map.of());
        } catch (RuntimeException | AssertionError ignored) {
            // Firefox is stopped below anyway.
        } finally {
            socket.abort();
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
