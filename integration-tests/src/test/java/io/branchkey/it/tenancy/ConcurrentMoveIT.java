package io.branchkey.it.tenancy;

import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.ApiAssertions;
import io.branchkey.it.support.Tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.support.BranchkeyServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Moves in parallel: 20 threads moving regions between two parent regions, including mutual moves (A under B
 * while B under A) released at the same instant. Afterwards the tree must still be a tree, as seen through the API.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class ConcurrentMoveIT {

    static final int THREADS = 20;
    static final int PAIRS = THREADS / 2;

    @InjectRealm(config = ConcurrentRealm.class, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    BranchkeyApi api;
    Tree tree;
    ExecutorService pool;

    String account;
    String north;
    String south;
    /** Per pair: two regions, each with a location below. */
    final List<String[]> pairs = new ArrayList<>();
    final List<String> movable = new ArrayList<>();
    final List<String> locations = new ArrayList<>();

    @BeforeEach
    void tree() {
        api = BranchkeyApi.asAdmin(urls, admin, realm.getName());
        tree = new Tree(api);
        pool = Executors.newFixedThreadPool(THREADS);
        account = tree.account(null, "Concurrent Account");
        north = tree.region(account, "North");
        south = tree.region(account, "South");
        for (int i = 0; i < PAIRS; i++) {
            String parent = i % 2 == 0 ? north : south;
            String a = tree.region(parent, String.format("Pair %02d A", i));
            String b = tree.region(parent, String.format("Pair %02d B", i));
            locations.add(tree.location(a, String.format("Store %02d A", i)));
            locations.add(tree.location(b, String.format("Store %02d B", i)));
            pairs.add(new String[] {a, b});
            movable.add(a);
            movable.add(b);
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Test
    void mutualMovesAtTheSameInstantLetExactlyOneWin() throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<ApiResponse>> results = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            String a = pairs.get(i)[0];
            String b = pairs.get(i)[1];
            results.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return tree.move(a, b);
            }));
            results.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return tree.move(b, a);
            }));
        }

        List<String> failures = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            ApiResponse aUnderB = results.get(2 * i).get(3, TimeUnit.MINUTES);
            ApiResponse bUnderA = results.get(2 * i + 1).get(3, TimeUnit.MINUTES);
            List<Integer> statuses = new ArrayList<>(List.of(aUnderB.status(), bUnderA.status()));
            Collections.sort(statuses);
            if (!statuses.equals(List.of(200, 409))) {
                failures.add("pair " + i + ": " + aUnderB.describe() + " / " + bUnderA.describe());
                continue;
            }
            String[] pair = pairs.get(i);
            String winner = aUnderB.status() == 200 ? pair[0] : pair[1];
            String loser = aUnderB.status() == 200 ? pair[1] : pair[0];
            ApiAssertions.assertFieldError(aUnderB.status() == 409 ? aUnderB : bUnderA, 409, "conflict", "parentId");
            assertThat(tree.get(winner).get("parentId").asText()).isEqualTo(loser);
            assertThat(tree.get(loser).get("parentId").asText()).isEqualTo(i % 2 == 0 ? north : south);
        }
        assertThat(failures).as("each mutual pair: one 200, one 409").isEmpty();
        assertConsistentTree();
    }

    @Test
    void twentyThreadsMovingRegionsAroundKeepTheTreeATree() throws Exception {
        int rounds = 8;
        CyclicBarrier round = new CyclicBarrier(THREADS);
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> statusCounts = Collections.synchronizedMap(new HashMap<>());
        List<String> targets = new ArrayList<>(movable);
        targets.add(north);
        targets.add(south);
        long seed = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                // partners share a random sequence, so in every round thread 2k moves X under Y while 2k+1 moves Y under X
                Random random = new Random(seed + thread / 2);
                for (int r = 0; r < rounds; r++) {
                    String x = movable.get(random.nextInt(movable.size()));
                    String y = targets.get(random.nextInt(targets.size()));
                    boolean locationMove = random.nextInt(5) == 0;
                    String location = locations.get(random.nextInt(locations.size()));
                    round.await(60, TimeUnit.SECONDS);
                    ApiResponse response;
                    if (locationMove && thread % 2 == 0) {
                        // a location moving to a region is always legal
                        response = tree.move(location, y);
                        if (response.status() != 200) {
                            unexpected.add("location move: " + response.describe());
                        }
                    } else {
                        boolean mutual = thread % 2 == 1 && movable.contains(y) && !locationMove;
                        response = mutual ? tree.move(y, x) : tree.move(x, y);
                        if (response.status() != 200 && response.status() != 409) {
                            unexpected.add(response.describe());
                        }
                    }
                    statusCounts.merge(response.status(), 1, Integer::sum);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(10, TimeUnit.MINUTES);
        }

        assertThat(unexpected).as("only 200 and 409 (cycle) are acceptable; seed %s; statuses %s", seed, statusCounts).isEmpty();
        assertThat(statusCounts.getOrDefault(200, 0)).as("some moves succeeded: %s", statusCounts).isPositive();
        assertConsistentTree();
    }

    /**
     * Through the API only: every node's ancestors chain runs from a root down to its parent without repeats, depth
     * is the number of ancestors, children and subtree agree with the parent links, counts add up, nothing is lost.
     */
    private void assertConsistentTree() {
        Map<String, JsonNode> all = tree.all();
        assertThat(all).as("no node lost or added").hasSize(3 + 2 * PAIRS + locations.size());

        Map<String, String> parentOf = new HashMap<>();
        Map<String, List<String>> childrenOf = new HashMap<>();
        for (JsonNode node : all.values()) {
            String id = node.get("id").asText();
            String parent = node.path("parentId").asText(null);
            parentOf.put(id, parent);
            childrenOf.computeIfAbsent(id, k -> new ArrayList<>());
            if (parent != null) {
                assertThat(all).as("parent of %s exists", id).containsKey(parent);
                childrenOf.computeIfAbsent(parent, k -> new ArrayList<>()).add(id);
            }
        }
        assertThat(parentOf.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList())
                .as("the only root").containsExactly(account);

        for (JsonNode node : all.values()) {
            String id = node.get("id").asText();
            List<JsonNode> ancestors = api.get("nodes/" + id + "/ancestors").expect(200).elements();
            List<String> ancestorIds = ancestors.stream().map(a -> a.get("id").asText()).toList();
            assertThat(node.get("depth").asInt()).as("depth of %s = number of ancestors %s", id, ancestorIds).isEqualTo(ancestors.size());
            assertThat(new HashSet<>(ancestorIds)).as("no repeats in ancestors of %s", id).hasSize(ancestorIds.size()).doesNotContain(id);
            // the chain as the parent links describe it, walked upwards
            Deque<String> chain = new ArrayDeque<>();
            Set<String> seen = new HashSet<>();
            for (String p = parentOf.get(id); p != null; p = parentOf.get(p)) {
                assertThat(seen.add(p)).as("cycle above %s", id).isTrue();
                chain.addFirst(p);
            }
            assertThat(ancestorIds).as("ancestors of %s", id).containsExactlyElementsOf(chain);
            if (!ancestors.isEmpty()) {
                assertThat(ancestors.get(0).path("parentId").isMissingNode() || ancestors.get(0).get("parentId").isNull())
                        .as("the chain of %s starts at a root", id).isTrue();
            }
            for (int i = 0; i < ancestors.size(); i++) {
                assertThat(ancestors.get(i).get("depth").asInt()).as("depth of ancestor %s of %s", i, id).isEqualTo(i);
            }
            if ("LOCATION".equals(node.get("kind").asText())) {
                assertThat(childrenOf.get(id)).as("a location stays a leaf").isEmpty();
                assertThat(all.get(parentOf.get(id)).get("kind").asText()).isIn("ACCOUNT", "REGION");
            }
        }

        for (String id : all.keySet()) {
            assertThat(tree.childrenIds(id)).as("children of %s", id).containsExactlyInAnyOrderElementsOf(childrenOf.get(id));
            Set<String> descendants = descendants(id, childrenOf);
            assertThat(tree.count(id)).as("subtree/count of %s", id).isEqualTo(descendants.size());
            List<JsonNode> subtree = api.get("nodes/" + id + "/subtree?max=1000").expect(200).elements();
            assertThat(subtree).extracting(n -> n.get("id").asText()).as("subtree of %s", id)
                    .containsExactlyInAnyOrderElementsOf(descendants);
            int depth = all.get(id).get("depth").asInt();
            int previous = 0;
            for (JsonNode d : subtree) {
                int relative = d.get("depth").asInt() - depth;
                assertThat(relative).as("relative depth in subtree of %s", id).isPositive().isGreaterThanOrEqualTo(previous);
                previous = relative;
            }
            long sum = childrenOf.get(id).stream().mapToLong(c -> 1 + tree.count(c)).sum();
            assertThat(tree.count(id)).as("count of %s = children + their counts", id).isEqualTo(sum);
        }
        assertThat(tree.count(account)).isEqualTo(all.size() - 1);
    }

    private static Set<String> descendants(String id, Map<String, List<String>> childrenOf) {
        Set<String> result = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(childrenOf.get(id));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            assertThat(result.add(next)).as("%s reached twice below %s", next, id).isTrue();
            todo.addAll(childrenOf.get(next));
        }
        return result;
    }

    public static class ConcurrentRealm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-concurrent");
        }
    }
}
