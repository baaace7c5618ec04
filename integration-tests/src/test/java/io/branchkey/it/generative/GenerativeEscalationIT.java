package io.branchkey.it.generative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.it.generative.RandomOperations.Op;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.ManagementScope;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The generative escalation test: for each seed, a random world in a realm of its own, then random delegated
 * operations by random people of it, valid and invalid, over every operation of the service layer. After every
 * operation the five invariants ({@link EscalationInvariants}) are checked against snapshots of the whole realm, and
 * no answer may be a server error. A failure names its seed and operation and is rerun exactly with
 * {@code -Dbranchkey.generative.seeds=<seed> -Dbranchkey.generative.ops=<n>}.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class GenerativeEscalationIT {

    /** CI's fixed seeds and operations per seed: 2,000 operations in all. */
    static final String SEEDS = System.getProperty("branchkey.generative.seeds", "11,23,37,41");
    static final int OPS = Integer.getInteger("branchkey.generative.ops", 500);
    /** People sign in again after this many operations (tokens live an hour in these realms). */
    static final int TOKEN_OPS = 1000;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    @Test
    void noSequenceOfDelegatedOperationsEscalates() {
        List<String> summaries = new ArrayList<>();
        for (String seed : SEEDS.split(",")) {
            summaries.add(run(Long.parseLong(seed.trim()), OPS));
        }
        System.out.println("[generative] " + String.join("; ", summaries));
    }

    private String run(long seed, int operations) {
        GenerativeWorld w = new GenerativeWorld(seed, keycloak, urls);
        try {
            w.build();
            Map<String, Integer> outcomes = new TreeMap<>();
            Map<String, CachedToken> tokens = new HashMap<>();
            RealmSnapshot before = w.snapshot();
            for (int i = 1; i <= operations; i++) {
                String caller = caller(w, before);
                Op op = new RandomOperations(w, before, caller).next();
                String token = token(w, tokens, caller, i);
                ApiResponse response = BranchkeyApi.delegated(urls, w.realmName, token).send(op.method(), op.path(), op.body());
                int status = status(op, response);
                String where = "seed " + seed + ", operation " + i + " of " + operations + ", caller "
                        + w.usernames.get(caller) + ", " + op + " -> " + response.status() + " " + abbreviate(response.body())
                        + "\n  rerun: mvn -B verify -pl integration-tests -am -Dit.test=GenerativeEscalationIT"
                        + " -Dbranchkey.generative.seeds=" + seed + " -Dbranchkey.generative.ops=" + i;
                assertThat(status).as("no server error: %s", where).isLessThan(500);
                remember(w, op, response, status);
                RealmSnapshot after = w.snapshot();
                List<String> violations = new EscalationInvariants(before, after, caller, w.keycloakAdmins).check(status >= 400);
                assertThat(violations).as("invariants after %s", where).isEmpty();
                outcomes.merge(op.label() + " " + (status >= 400 ? "refused" : "done"), 1, Integer::sum);
                before = after;
            }
            long done = outcomes.entrySet().stream().filter(e -> e.getKey().endsWith("done")).mapToLong(Map.Entry::getValue).sum();
            return "seed " + seed + ": " + operations + " operations, " + done + " done, " + (operations - done) + " refused "
                    + outcomes;
        } finally {
            w.remove();
        }
    }

    /**
     * Someone of the world who can still sign in with a password (enabled, nothing pending); four times in five one
     * who holds some administrative right somewhere, since they are the ones who can escalate.
     */
    private static String caller(GenerativeWorld w, RealmSnapshot now) {
        List<String> able = w.people.stream().filter(id -> {
            JsonNode user = now.users.get(id);
            return user != null && user.get("enabled").asBoolean()
                    && (user.get("requiredActions") == null || user.get("requiredActions").isEmpty());
        }).toList();
        assertThat(able).as("people left who can sign in").isNotEmpty();
        List<String> managers = able.stream().filter(id -> now.nodes.keySet().stream()
                .anyMatch(n -> now.effective(id, n).stream().anyMatch(GenerativeWorld.ADMIN_RIGHTS::contains))).toList();
        return w.random.nextInt(5) > 0 && !managers.isEmpty() ? w.pick(managers) : w.pick(able);
    }

    private record CachedToken(String token, int since) {
    }

    private String token(GenerativeWorld w, Map<String, CachedToken> tokens, String caller, int operation) {
        CachedToken cached = tokens.get(caller);
        if (cached == null || operation - cached.since() >= TOKEN_OPS) {
            cached = new CachedToken(BranchkeyApi.passwordToken(urls, w.realmName, w.usernames.get(caller),
                    GenerativeWorld.PASSWORD, ManagementScope.NAME), operation);
            tokens.put(caller, cached);
        }
        return cached.token();
    }

    /** The status that decides: the one item's for bulk requests. */
    private static int status(Op op, ApiResponse response) {
        if (op.bulk() && response.status() == 200) {
            return response.elements().get(0).get("status").asInt();
        }
        return response.status();
    }

    /** Keeps what an operation created, so later operations can pick it. */
    private static void remember(GenerativeWorld w, Op op, ApiResponse response, int status) {
        if (status >= 300) {
            return;
        }
        if (op.label().equals("grant")) {
            w.grants.add(response.id());
        } else if (op.label().equals("bulk grant")) {
            w.grants.add(response.elements().get(0).get("result").get("id").asText());
        } else if ("users".equals(op.createsIn())) {
            String id = response.id();
            w.users.add(id);
            w.usernames.put(id, response.json().get("username").asText());
        } else if ("groups".equals(op.createsIn())) {
            w.groups.add(response.id());
        } else if (op.createsIn() != null) {
            String id = response.id();
            w.nodes.add(id);
            if (op.createsIn().equals("locations")) {
                w.locations.add(id);
            }
            if ("ACCOUNT".equals(response.json().get("kind").asText())) {
                w.accounts.add(id);
                w.owners.add(id);
            }
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
