package io.branchkey.claims.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.support.MutableClock;
import io.branchkey.claims.support.ServiceAccount;
import io.branchkey.claims.support.StubRealm;
import io.branchkey.claims.support.StubRealm.Answer;

class ClientCredentialsTokenSourceTest {

    private static final String TOKEN = ServiceAccount.TOKEN_PATH;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private StubRealm realm;
    private ServiceAccount account;

    @BeforeEach
    void start() throws Exception {
        realm = new StubRealm();
        account = new ServiceAccount("orders-api", "s3cret-value").install(realm);
    }

    @AfterEach
    void stop() {
        realm.close();
    }

    private ClientCredentialsTokenSource.Builder source(String secret) {
        return ClientCredentialsTokenSource.forRealm(realm.base(), "orders-api", secret).clock(clock);
    }

    @Test
    void aTokenIsFetchedWithBasicAuthenticationAndReused() {
        ClientCredentialsTokenSource tokens = source("s3cret-value").build();
        assertThat(tokens.accessToken()).isEqualTo("svc-1");
        assertThat(tokens.accessToken()).isEqualTo("svc-1");
        assertThat(realm.count(TOKEN)).isEqualTo(1);

        StubRealm.Request request = realm.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("Basic b3JkZXJzLWFwaTpzM2NyZXQtdmFsdWU="); // orders-api:s3cret-value
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.body()).isEqualTo("grant_type=client_credentials").doesNotContain("s3cret");
    }

    @Test
    void aNewTokenIsFetchedShortlyBeforeExpiresInRunsOut() {
        ClientCredentialsTokenSource tokens = source("s3cret-value").build(); // expires_in 300, margin 30 s
        assertThat(tokens.accessToken()).isEqualTo("svc-1");
        clock.advance(Duration.ofSeconds(269));
        assertThat(tokens.accessToken()).isEqualTo("svc-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.accessToken()).isEqualTo("svc-2");
        assertThat(realm.count(TOKEN)).isEqualTo(2);

        // a short lifetime: the margin is at most half of it
        account.expiresIn(20);
        clock.advance(Duration.ofSeconds(300));
        assertThat(tokens.accessToken()).isEqualTo("svc-3");
        clock.advance(Duration.ofSeconds(9));
        assertThat(tokens.accessToken()).isEqualTo("svc-3");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.accessToken()).isEqualTo("svc-4");
    }

    @Test
    void withoutExpiresInATokenIsReusedForTheConfiguredLifetime() {
        account.expiresIn(0);
        ClientCredentialsTokenSource tokens = source("s3cret-value").lifetimeWithoutExpiresIn(Duration.ofSeconds(60))
                .build();
        assertThat(tokens.accessToken()).isEqualTo("svc-1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(tokens.accessToken()).isEqualTo("svc-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.accessToken()).isEqualTo("svc-2");
    }

    @Test
    void invalidateDropsOnlyTheRefusedToken() {
        ClientCredentialsTokenSource tokens = source("s3cret-value").build();
        assertThat(tokens.accessToken()).isEqualTo("svc-1");
        tokens.invalidate("svc-0"); // an older one, already replaced
        assertThat(tokens.accessToken()).isEqualTo("svc-1");
        tokens.invalidate("svc-1");
        assertThat(tokens.accessToken()).isEqualTo("svc-2");
        assertThat(realm.count(TOKEN)).isEqualTo(2);
    }

    @Test
    void aRefusedGrantIsUnavailableAndTheMessageHoldsNoSecret() {
        ClientCredentialsTokenSource tokens = source("wrong-secret").build();
        assertThatThrownBy(tokens::accessToken).isInstanceOf(BranchkeyUnavailableException.class)
                .hasMessageContaining("invalid_client").hasMessageContaining("service accounts")
                .hasMessageNotContaining("wrong-secret");
        // remembered for the back-off (1 s by default): the same error at once, without asking again
        assertThatThrownBy(tokens::accessToken).isInstanceOf(BranchkeyUnavailableException.class)
                .hasMessageContaining("invalid_client").hasMessageContaining("remembered failure")
                .hasMessageContaining("2026-11-23T12:00:01Z").hasMessageNotContaining("wrong-secret");
        clock.advance(Duration.ofMillis(999));
        assertThatThrownBy(tokens::accessToken).hasMessageContaining("remembered failure");
        assertThat(realm.count(TOKEN)).isEqualTo(1);

        // after the back-off the endpoint is asked again
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(tokens::accessToken).isInstanceOf(BranchkeyUnavailableException.class)
                .hasMessageContaining("invalid_client").hasMessageNotContaining("remembered");
        assertThat(realm.count(TOKEN)).isEqualTo(2);
    }

    @Test
    void theBackOffDoublesUpToTheMaximumAndASuccessResetsIt() {
        AtomicBoolean down = new AtomicBoolean(true);
        realm.on(TOKEN, request -> down.get() ? Answer.status(503)
                : Answer.json("{\"access_token\": \"up\", \"token_type\": \"Bearer\", \"expires_in\": 300}"));
        ClientCredentialsTokenSource tokens = source("s3cret-value")
                .failureBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4)).build();

        // failures at 0 s, 1 s, 3 s, 7 s, 11 s: back-offs 1, 2, 4, 4 (capped)
        long[] backoffsMillis = {1000, 2000, 4000, 4000};
        assertThatThrownBy(tokens::accessToken).hasMessageContaining("HTTP 503");
        int requests = 1;
        for (long backoff : backoffsMillis) {
            clock.advance(Duration.ofMillis(backoff - 1));
            assertThatThrownBy(tokens::accessToken).hasMessageContaining("HTTP 503")
                    .hasMessageContaining("remembered failure");
            assertThat(realm.count(TOKEN)).isEqualTo(requests);
            clock.advance(Duration.ofMillis(1));
            assertThatThrownBy(tokens::accessToken).hasMessageNotContaining("remembered");
            assertThat(realm.count(TOKEN)).isEqualTo(++requests);
        }

        // the endpoint is back: after the back-off a fetch succeeds
        down.set(false);
        clock.advance(Duration.ofSeconds(4));
        assertThat(tokens.accessToken()).isEqualTo("up");
        assertThat(realm.count(TOKEN)).isEqualTo(++requests);

        // the success reset the back-off to 1 s
        down.set(true);
        tokens.invalidate("up");
        assertThatThrownBy(tokens::accessToken).hasMessageContaining("HTTP 503");
        clock.advance(Duration.ofMillis(999));
        assertThatThrownBy(tokens::accessToken).hasMessageContaining("remembered failure");
        assertThat(realm.count(TOKEN)).isEqualTo(requests + 1);
        down.set(false);
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.accessToken()).isEqualTo("up");
        assertThat(realm.count(TOKEN)).isEqualTo(requests + 2);
    }

    @Test
    void theFailureBackOffIsValidated() {
        assertThatThrownBy(() -> source("s").failureBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source("s").failureBackoff(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> source("s").failureBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        source("s").failureBackoff(Duration.ofMillis(1), Duration.ofMillis(1)).build();
    }

    @Test
    void aCallerWaitingForAHungFetchGivesUpAfterTheRequestTimeout() throws Exception {
        // headers at once, the body only when released: the request timeout ends with the headers, so the fetch
        // hangs as long as the endpoint wants
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer hung = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        hung.createContext("/token", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                arrived.countDown();
                release.await();
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("{\"access_token\": \"late\", \"token_type\": \"Bearer\", \"expires_in\": 300}"
                            .getBytes(StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
        hung.start();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + hung.getAddress().getPort() + "/token");
            ClientCredentialsTokenSource tokens = ClientCredentialsTokenSource.builder(endpoint, "orders-api", "s")
                    .clock(clock).requestTimeout(Duration.ofMillis(300)).build();
            Future<String> fetcher = pool.submit(tokens::accessToken);
            assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            Future<Throwable> waiter = pool.submit(() -> catching(tokens::accessToken));
            Throwable gaveUp = waiter.get(5, TimeUnit.SECONDS);
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(gaveUp).isInstanceOf(BranchkeyUnavailableException.class)
                    .hasMessageContaining("another thread is fetching a token").hasMessageContaining("300 ms");
            assertThat(waitedMillis).isBetween(250L, 3000L);

            // an interrupted waiter gives up at once and keeps its interrupt flag
            AtomicBoolean stillInterrupted = new AtomicBoolean();
            Future<Throwable> interrupted = pool.submit(() -> {
                Thread.currentThread().interrupt();
                Throwable thrown = catching(tokens::accessToken);
                stillInterrupted.set(Thread.interrupted());
                return thrown;
            });
            assertThat(interrupted.get(5, TimeUnit.SECONDS)).isInstanceOf(BranchkeyUnavailableException.class)
                    .hasMessageContaining("interrupted");
            assertThat(stillInterrupted).isTrue();

            release.countDown();
            assertThat(fetcher.get(5, TimeUnit.SECONDS)).isEqualTo("late");
            assertThat(tokens.accessToken()).isEqualTo("late");
            assertThat(requests).hasValue(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
            hung.stop(0);
        }
    }

    private static Throwable catching(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void anAnswerThatIsNoTokenResponseIsUnavailableWithoutQuotingIt() {
        realm.on(TOKEN, new Answer(200, "access_token=leaked-token-value", Map.of()));
        assertThatThrownBy(() -> source("s3cret-value").build().accessToken())
                .isInstanceOf(BranchkeyUnavailableException.class)
                .hasMessageContaining("HTTP 200").hasMessageNotContaining("leaked-token-value").hasNoCause();
        realm.on(TOKEN, Answer.json("{\"token_type\": \"Bearer\", \"expires_in\": 300}"));
        assertThatThrownBy(() -> source("s3cret-value").build().accessToken())
                .isInstanceOf(BranchkeyUnavailableException.class);
    }

    @Test
    void concurrentCallersShareOneFetch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        realm.on(TOKEN, request -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json("{\"access_token\": \"shared\", \"token_type\": \"Bearer\", \"expires_in\": 300}");
        });
        ClientCredentialsTokenSource tokens = source("s3cret-value").build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(tokens::accessToken));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("shared");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(realm.count(TOKEN)).isEqualTo(1);
    }

    @Test
    void theClientsCredentialsAreRequired() {
        assertThatThrownBy(() -> ClientCredentialsTokenSource.forRealm(realm.base(), "orders-api", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientCredentialsTokenSource.forRealm(realm.base(), " ", "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
