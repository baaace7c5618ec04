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
import io.branchkey.claims.support.MutableClock;
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
        return CachingNodeAncestry.builder(realm.base()).clock(clock);
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
