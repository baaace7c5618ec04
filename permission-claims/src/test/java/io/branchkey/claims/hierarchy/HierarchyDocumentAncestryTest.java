package io.branchkey.claims.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.auth.ClientCredentialsTokenSource;
import io.branchkey.claims.support.MutableClock;
import io.branchkey.claims.support.ServiceAccount;
import io.branchkey.claims.support.StubRealm;
import io.branchkey.claims.support.StubRealm.Answer;

class HierarchyDocumentAncestryTest {

    private static final String DOC = "/branchkey/hierarchy";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
    private StubRealm realm;
    private ServiceAccount account;
    private volatile String version = "v1";
    private volatile String nodes = """
            [[1, 0, "PARTNER", "p"], [2, 1, "ACCOUNT", "acct-a"], [5, 2, "REGION", "reg-a"],
             [12, 5, "LOCATION", "loc-12"]]""";

    @BeforeEach
    void start() throws Exception {
        realm = new StubRealm();
        account = new ServiceAccount("orders-api", "s3cret").install(realm);
        realm.on(DOC, account.guard(request -> {
            String etag = "\"" + version + "\"";
            if (etag.equals(request.header("If-None-Match"))) {
                return new Answer(304, null, Map.of("ETag", etag));
            }
            return Answer.json("{\"version\": \"" + version + "\", \"nodes\": " + nodes + "}", "ETag", etag);
        }));
    }

    @AfterEach
    void stop() {
        realm.close();
    }

    /** With the client credentials of the service account whose tokens the document route requires. */
    private HierarchyDocumentAncestry ancestry() {
        return HierarchyDocumentAncestry.builder(realm.base()).clock(clock).refreshInterval(Duration.ofMinutes(1))
                .minRefreshInterval(Duration.ofSeconds(10))
                .accessTokens(ClientCredentialsTokenSource.forRealm(realm.base(), "orders-api", "s3cret").clock(clock)
                        .build())
                .build();
    }

    private List<StubRealm.Request> documentRequests() {
        return realm.requests().stream().filter(r -> r.path().endsWith(DOC)).toList();
    }

    @Test
    void theDocumentIsAskedForWithTheServiceAccountsToken() {
        HierarchyDocumentAncestry ancestry = ancestry();
        assertThat(ancestry.pathOf("loc-12")).isNotNull();
        clock.advance(Duration.ofSeconds(61));
        assertThat(ancestry.pathOf("loc-12")).isNotNull();
        assertThat(documentRequests()).hasSize(2).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer svc-1"));
        assertThat(account.issued()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsReplacedOnceAndTheEtagStillCounts() {
        HierarchyDocumentAncestry ancestry = ancestry();
        ancestry.pathOf("p");
        account.revokeAll();
        clock.advance(Duration.ofSeconds(61));
        assertThat(ancestry.pathOf("loc-12")).isNotNull();
        List<StubRealm.Request> documentRequests = documentRequests();
        assertThat(documentRequests).hasSize(3);
        assertThat(documentRequests.get(2).header("Authorization")).isEqualTo("Bearer svc-2");
        assertThat(documentRequests.get(2).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(account.issued()).isEqualTo(2);
    }

    @Test
    void withoutAccessTokensTheBuilderFails() {
        assertThatThrownBy(() -> HierarchyDocumentAncestry.builder(realm.base()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("accessTokens");
    }

    @Test
    void pathsComeFromOneDocumentRevalidatedByEtag() {
        HierarchyDocumentAncestry ancestry = ancestry();
        assertThat(ancestry.pathOf("loc-12").handles()).containsExactly(1, 2, 5, 12);
        assertThat(ancestry.pathOf("acct-a").handles()).containsExactly(1, 2);
        assertThat(ancestry.pathOf("p").kind()).isEqualTo("PARTNER");
        assertThat(realm.count(DOC)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        assertThat(ancestry.pathOf("loc-12")).isNotNull();
        assertThat(realm.count(DOC)).isEqualTo(2);
        assertThat(documentRequests().get(1).header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(ancestry.current().version()).isEqualTo("v1");

        // a move: the next revalidation brings the new document
        version = "v2";
        nodes = "[[1, 0, \"PARTNER\", \"p\"], [2, 1, \"ACCOUNT\", \"acct-a\"], [12, 2, \"LOCATION\", \"loc-12\"]]";
        clock.advance(Duration.ofSeconds(61));
        assertThat(ancestry.pathOf("loc-12").handles()).containsExactly(1, 2, 12);
        assertThat(ancestry.pathOf("reg-a")).isNull();
    }

    @Test
    void anUnknownIdLooksAgainAtMostOncePerMinimumInterval() {
        HierarchyDocumentAncestry ancestry = ancestry();
        ancestry.pathOf("p");
        clock.advance(Duration.ofSeconds(11));
        version = "v2";
        nodes = nodes.replace("]]", "], [13, 5, \"LOCATION\", \"loc-13\"]]");
        assertThat(ancestry.pathOf("loc-13").handles()).containsExactly(1, 2, 5, 13);
        assertThat(ancestry.pathOf("nope")).isNull();
        assertThat(ancestry.pathOf("nope")).isNull();
        assertThat(realm.count(DOC)).isEqualTo(2);
    }

    @Test
    void aFailedRevalidationKeepsTheDocument() {
        HierarchyDocumentAncestry ancestry = ancestry();
        ancestry.pathOf("p");
        realm.on(DOC, Answer.status(502));
        clock.advance(Duration.ofSeconds(61));
        assertThat(ancestry.pathOf("loc-12")).isNotNull();
    }

    @Test
    void aBrokenTreeIsUnavailable() {
        for (String broken : List.of(
                "[[1, 2, \"ACCOUNT\", \"a\"], [2, 1, \"ACCOUNT\", \"b\"]]",
                "[[1, 7, \"ACCOUNT\", \"a\"]]",
                "[[1, 0, \"ACCOUNT\", \"a\"], [1, 0, \"ACCOUNT\", \"b\"]]",
                "[[1, 0, \"ACCOUNT\", \"a\"], [2, 0, \"ACCOUNT\", \"a\"]]",
                "[[1, 0, \"ACCOUNT\"]]",
                "[[\"1\", 0, \"ACCOUNT\", \"a\"]]")) {
            nodes = broken;
            assertThatThrownBy(() -> ancestry().pathOf("a")).as(broken)
                    .isInstanceOf(BranchkeyUnavailableException.class);
        }
    }

    @Test
    void pathsUpToTheMaximumDepthWorkDeeperOnesAreRefused() {
        nodes = chain(NodePath.MAX_DEPTH);
        assertThat(ancestry().pathOf("n" + NodePath.MAX_DEPTH).depth()).isEqualTo(NodePath.MAX_DEPTH);
        nodes = chain(NodePath.MAX_DEPTH + 1);
        assertThatThrownBy(() -> ancestry().pathOf("n1")).isInstanceOf(BranchkeyUnavailableException.class)
                .hasMessageContaining("deeper");
    }

    private static String chain(int depth) {
        StringBuilder chain = new StringBuilder("[[1, 0, \"PARTNER\", \"n1\"]");
        for (int i = 2; i <= depth; i++) {
            chain.append(", [").append(i).append(", ").append(i - 1).append(", \"REGION\", \"n").append(i).append("\"]");
        }
        return chain.append("]").toString();
    }
}
