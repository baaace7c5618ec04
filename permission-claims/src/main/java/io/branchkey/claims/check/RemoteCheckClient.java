package io.branchkey.claims.check;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.internal.JsonHttp;
import io.branchkey.claims.internal.JsonResponse;
import io.branchkey.claims.verify.TokenRejectedException;

/**
 * {@code POST {issuer}/branchkey/check} with the token as bearer and
 * {@code {"checks": [{"permission", "node"}]}}, in batches of at most 100 (the endpoint's limit). The answer is
 * evaluated now by Keycloak, within the token's active scope. Thread-safe; never logs the token.
 */
public final class RemoteCheckClient implements PermissionCheckClient {

    /** The endpoint's limit per request. */
    public static final int MAX_CHECKS_PER_REQUEST = 100;

    private final URI uri;
    private final JsonHttp http;

    /**
     * @param endpointBase the realm's issuer URL or another base reaching the same realm, not null
     * @param httpClient null for a default client
     * @param requestTimeout not null
     */
    public RemoteCheckClient(URI endpointBase, HttpClient httpClient, Duration requestTimeout) {
        this.uri = JsonHttp.endpoint(Objects.requireNonNull(endpointBase, "endpointBase"), "/branchkey/check");
        this.http = JsonHttp.of(httpClient, Objects.requireNonNull(requestTimeout, "requestTimeout"));
    }

    @Override
    public List<Boolean> check(String accessToken, List<PermissionCheck> checks) {
        Objects.requireNonNull(accessToken, "accessToken");
        List<Boolean> answers = new ArrayList<>(checks.size());
        for (int from = 0; from < checks.size(); from += MAX_CHECKS_PER_REQUEST) {
            answers.addAll(batch(accessToken, checks.subList(from, Math.min(checks.size(), from + MAX_CHECKS_PER_REQUEST))));
        }
        return List.copyOf(answers);
    }

    private List<Boolean> batch(String accessToken, List<PermissionCheck> checks) {
        List<Map<String, String>> items = new ArrayList<>(checks.size());
        for (PermissionCheck check : checks) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("permission", check.permission());
            item.put("node", check.nodeId());
            items.add(item);
        }
        JsonResponse response = http.postJson(uri, accessToken, Map.of("checks", items));
        if (response.status() == 401) {
            throw new TokenRejectedException(TokenRejectedException.Reason.REJECTED_BY_ISSUER,
                    "the check endpoint refused the token");
        }
        if (response.status() != 200 || response.body() == null) {
            throw new BranchkeyUnavailableException("check endpoint answered " + response.status());
        }
        return answers(checks, response.body());
    }

    /** {@code {"subject", "results": [{"permission", "node", "allowed"}]}}, one result per check in order. */
    static List<Boolean> answers(List<PermissionCheck> checks, Map<String, Object> body) {
        if (!(body.get("results") instanceof List<?> results) || results.size() != checks.size()) {
            throw new BranchkeyUnavailableException("check endpoint answered without one result per check");
        }
        List<Boolean> answers = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            PermissionCheck check = checks.get(i);
            if (!(results.get(i) instanceof Map<?, ?> result) || !check.permission().equals(result.get("permission"))
                    || !check.nodeId().equals(result.get("node")) || !(result.get("allowed") instanceof Boolean allowed)) {
                throw new BranchkeyUnavailableException("check endpoint answered result " + i
                        + " for another question or without a boolean allowed");
            }
            answers.add(allowed);
        }
        return answers;
    }
}
