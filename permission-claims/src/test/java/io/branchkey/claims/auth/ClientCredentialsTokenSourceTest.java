package io.branchkey.claims.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
        // nothing cached: the next call asks again
        assertThatThrownBy(tokens::accessToken).isInstanceOf(BranchkeyUnavailableException.class);
        assertThat(realm.count(TOKEN)).isEqualTo(2);
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
