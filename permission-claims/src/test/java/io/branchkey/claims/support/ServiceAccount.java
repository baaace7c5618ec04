package io.branchkey.claims.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.branchkey.claims.support.StubRealm.Answer;
import io.branchkey.claims.support.StubRealm.Request;

/**
 * A confidential client of a {@link StubRealm} with a service account: its token endpoint answers the client
 * credentials grant with tokens {@code svc-1}, {@code svc-2}, … for the right Basic credentials only, and
 * {@link #guard} makes a route answer 401 unless the request carries a token it issued and did not revoke.
 */
public final class ServiceAccount {

    public static final String TOKEN_PATH = "/protocol/openid-connect/token";

    private final String clientId;
    private final String secret;
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> live = ConcurrentHashMap.newKeySet();
    private volatile long expiresIn = 300;

    public ServiceAccount(String clientId, String secret) {
        this.clientId = clientId;
        this.secret = secret;
    }

    /** Serves the realm's token endpoint. */
    public ServiceAccount install(StubRealm realm) {
        realm.on(TOKEN_PATH, this::token);
        return this;
    }

    /** The lifetime announced as expires_in from now on; 0 leaves it out. */
    public void expiresIn(long seconds) {
        expiresIn = seconds;
    }

    /** How many tokens the endpoint has issued. */
    public int issued() {
        return issued.get();
    }

    /** The token the endpoint issued last. */
    public String lastToken() {
        return "svc-" + issued.get();
    }

    /** Every token issued so far is refused from now on, as after a key rotation or a revocation. */
    public void revokeAll() {
        live.clear();
    }

    /** The answer for requests with a live bearer token of this account; 401 otherwise. */
    public Function<Request, Answer> guard(Function<Request, Answer> answer) {
        return request -> {
            String authorization = request.header("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")
                    || !live.contains(authorization.substring("Bearer ".length()))) {
                return new Answer(401, "{\"error\": \"unauthorized\", \"message\": \"a bearer token is required\"}",
                        java.util.Map.of("WWW-Authenticate", "Bearer"));
            }
            return answer.apply(request);
        };
    }

    public Function<Request, Answer> guard(Answer answer) {
        return guard(request -> answer);
    }

    private Answer token(Request request) {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(request.method()) || !basic.equals(request.header("Authorization"))) {
            return new Answer(401, "{\"error\": \"invalid_client\", \"error_description\": \"Invalid client or"
                    + " Invalid client credentials\"}", java.util.Map.of());
        }
        if (!request.body().contains("grant_type=client_credentials") || request.body().contains("client_secret")) {
            return new Answer(400, "{\"error\": \"invalid_request\"}", java.util.Map.of());
        }
        String token = "svc-" + issued.incrementAndGet();
        live.add(token);
        return Answer.json("{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\""
                + (expiresIn > 0 ? ", \"expires_in\": " + expiresIn : "") + ", \"scope\": \"profile\"}");
    }
}
