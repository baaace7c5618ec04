package io.branchkey.claims.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.auth.ClientCredentialsTokenSource;
import io.branchkey.claims.support.MutableClock;
import io.branchkey.claims.support.ServiceAccount;
import io.branchkey.claims.support.StubRealm;
import io.branchkey.claims.support.StubRealm.Answer;

class CachingNodeAncestryTest {

    private static final String NODES = "/branchkey/hierarchy/nodes/";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private StubRealm realm;

    @BeforeEach
    void start() throws Exception {
        realm = new StubRealm();
        realm.on(NODES + "loc-12", Answer.json("""
                {"id": "loc-12", "handle": 12, "kind": "LOCATION", "path": [1, 2, 5, 12]}""",
                "Cache-Control", "max-age=300"));
    }

    @AfterEach
    void stop() {
        realm.close();
    }

    private CachingNodeAncestry.Builder ancestry() {
        return CachingNodeAncestry.builder(realm.base()).accessTokens(() -> "svc-fixed").clock(clock);
    }

    /** An ancestry with the client credentials of a service account whose tokens the node routes require. */
    private CachingNodeAncestry withServiceAccount(ServiceAccount account) {
        account.install(realm);
        return CachingNodeAncestry.builder(realm.base()).clock(clock)
                .accessTokens(ClientCredentialsTokenSource.forRealm(realm.base(), "orders-api", "s3cret").clock(clock)
                        .build())
                .build();
    }

    private void guardedNodes(ServiceAccount account) {
        for (int handle : new int[] {12, 13}) {
            realm.on(NODES + "loc-" + handle, account.guard(Answer.json("{\"id\": \"loc-" + handle
                    + "\", \"handle\": " + handle + ", \"kind\": \"LOCATION\", \"path\": [1, 2, 5, " + handle + "]}")));
        }
    }

    @Test
    void everyRequestCarriesTheAccessToken() {
        ancestry().build().pathOf("loc-12");
        assertThat(realm.requests()).singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer svc-fixed"));
    }

    @Test
    void withoutAccessTokensTheBuilderFails() {
        assertThatThrownBy(() -> CachingNodeAncestry.builder(realm.base()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("accessTokens");
    }

    @Test
    void clientCredentialsTokensAreFetchedOnceForManyNodes() {
        ServiceAccount account = new ServiceAccount("orders-api", "s3cret");
        guardedNodes(account);
        CachingNodeAncestry ancestry = withServiceAccount(account);
        assertThat(ancestry.pathOf("loc-12").handle()).isEqualTo(12);
        assertThat(ancestry.pathOf("loc-13").handle()).isEqualTo(13);
        assertThat(account.issued()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsReplacedAndTheRequestRetriedOnce() {
        ServiceAccount account = new ServiceAccount("orders-api", "s3cret");
        guardedNodes(account);
        CachingNodeAncestry ancestry = withServiceAccount(account);
        ancestry.pathOf("loc-12");
        account.revokeAll(); // svc-1 is refused from now on, though not expired
        assertThat(ancestry.pathOf("loc-13").handle()).isEqualTo(13);
        assertThat(account.issued()).isEqualTo(2);
        assertThat(realm.count(NODES + "loc-13")).isEqualTo(2);
        assertThat(realm.requests().get(realm.requests().size() - 1).header("Authorization")).isEqualTo("Bearer svc-2");
    }

    @Test
    void aSecond401IsUnavailableAfterExactlyOneRetry() {
        ServiceAccount account = new ServiceAccount("orders-api", "s3cret");
        realm.on(NODES + "loc-13", Answer.status(401));
        CachingNodeAncestry ancestry = withServiceAccount(account);
        assertThatThrownBy(() -> ancestry.pathOf("loc-13")).isInstanceOf(BranchkeyUnavailableException.class)
                .hasMessageContaining("401").hasMessageNotContaining("svc-");
        assertThat(realm.count(NODES + "loc-13")).isEqualTo(2);
        assertThat(account.issued()).isEqualTo(2);
    }

    @Test
    void aPersonsTokenIsForbiddenAndNotRetried() {
        realm.on(NODES + "loc-13", Answer.status(403));
        assertThatThrownBy(() -> ancestry().build().pathOf("loc-13")).isInstanceOf(BranchkeyUnavailableException.class)
                .hasMessageContaining("service account");
        assertThat(realm.count(NODES + "loc-13")).isEqualTo(1);
    }

    @Test
    void aFailingTokenSourceIsUnavailable() {
        CachingNodeAncestry ancestry = CachingNodeAncestry.builder(realm.base()).clock(clock)
                .accessTokens(() -> {
                    throw new IllegalStateException("vault sealed");
                }).build();
        assertThatThrownBy(() -> ancestry.pathOf("loc-12")).isInstanceOf(BranchkeyUnavailableException.class);
        assertThat(realm.count(NODES + "loc-12")).isZero();
    }

    @Test
    void aNodeIsFetchedOnceAndKeptForMaxAge() {
        CachingNodeAncestry ancestry = ancestry().build();
        NodePath path = ancestry.pathOf("loc-12");
        assertThat(path.handles()).containsExactly(1, 2, 5, 12);
        assertThat(path.handle()).isEqualTo(12);
        assertThat(path.kind()).isEqualTo("LOCATION");
        ancestry.pathOf("loc-12");
        clock.advance(Duration.ofSeconds(299));
        ancestry.pathOf("loc-12");
        assertThat(realm.count(NODES + "loc-12")).isEqualTo(1);

        // moved meanwhile: seen once the entry expires
        realm.on(NODES + "loc-12", Answer.json("""
                {"id": "loc-12", "handle": 12, "kind": "LOCATION", "path": [1, 3, 12]}""", "Cache-Control", "max-age=300"));
        clock.advance(Duration.ofSeconds(2));
        assertThat(ancestry.pathOf("loc-12").handles()).containsExactly(1, 3, 12);
        assertThat(realm.count(NODES + "loc-12")).isEqualTo(2);
    }

    @Test
    void anUnknownIdIsRememberedBriefly() {
        CachingNodeAncestry ancestry = ancestry().notFoundTtl(Duration.ofSeconds(10)).build();
        assertThat(ancestry.pathOf("nope")).isNull();
        assertThat(ancestry.pathOf("nope")).isNull();
        assertThat(realm.count(NODES + "nope")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(11));
        assertThat(ancestry.pathOf("nope")).isNull();
        assertThat(realm.count(NODES + "nope")).isEqualTo(2);
        assertThat(ancestry.pathOf("x".repeat(500))).isNull(); // never sent
        assertThat(ancestry.pathOf("")).isNull();
    }

    @Test
    void idsAreEncodedAsOnePathSegment() {
        realm.on(NODES + "a%2Fb%20c", Answer.json("""
                {"id": "a/b c", "handle": 7, "kind": "ACCOUNT", "path": [7]}"""));
        assertThat(ancestry().build().pathOf("a/b c").handle()).isEqualTo(7);
    }

    @Test
    void anUnusableAnswerIsUnavailableNotAnAnswer() {
        CachingNodeAncestry ancestry = ancestry().build();
        realm.on(NODES + "bad1", Answer.json("{\"id\": \"bad1\", \"handle\": 12, \"kind\": \"LOCATION\", \"path\": [1, 2]}"));
        realm.on(NODES + "bad2", Answer.json("{\"id\": \"other\", \"handle\": 12, \"kind\": \"LOCATION\", \"path\": [12]}"));
        realm.on(NODES + "bad3", Answer.json("{\"id\": \"bad3\", \"handle\": 12, \"kind\": \"LOCATION\", \"path\": []}"));
        realm.on(NODES + "down", Answer.status(503));
        for (String id : List.of("bad1", "bad2", "bad3", "down")) {
            assertThatThrownBy(() -> ancestry.pathOf(id)).as(id).isInstanceOf(BranchkeyUnavailableException.class);
        }
    }

    @Test
    void theCacheIsBounded() {
        for (int i = 0; i < 30; i++) {
            realm.on(NODES + "n" + i, Answer.json("{\"id\": \"n" + i + "\", \"handle\": " + (i + 1)
                    + ", \"kind\": \"LOCATION\", \"path\": [" + (i + 1) + "]}"));
        }
        CachingNodeAncestry ancestry = ancestry().maxEntries(10).build();
        for (int i = 0; i < 30; i++) {
            assertThat(ancestry.pathOf("n" + i).handle()).isEqualTo(i + 1);
            assertThat(ancestry.cachedEntries()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void concurrentMissesShareOneRequest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        realm.on(NODES + "slow", request -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json("{\"id\": \"slow\", \"handle\": 9, \"kind\": \"LOCATION\", \"path\": [9]}");
        });
        CachingNodeAncestry ancestry = ancestry().build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<NodePath>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> ancestry.pathOf("slow")));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<NodePath> answer : answers) {
                assertThat(answer.get().handle()).isEqualTo(9);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(realm.count(NODES + "slow")).isEqualTo(1);
    }
}
