package io.branchkey.it.claims;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.claims.auth.ClientCredentialsTokenSource;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.DemoRealm;
import io.branchkey.it.support.OidcTokens;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The demo realm seen by a resource server: tokens of its clients, the public catalog, the hierarchy (read as the
 * resource server's service account), and the decision a token's claims give for a permission at a node.
 */
final class DemoClaims {

    static final String REGISTER = "register-app";
    static final String INTEGRATION = "relayorder-integration";
    static final String INTEGRATION_SECRET = "demo-integration-secret";
    /** The demo realm's client for resource servers: a service account without roles, for the hierarchy. */
    static final String RESOURCE_SERVER = "example-resource-server";
    static final String RESOURCE_SERVER_SECRET = "demo-resource-server-secret";
    static final List<String> PEOPLE = List.of("partner-admin", "gw-manager", "hv-manager", "gw-den-manager",
            "gw-den-cashier1", "gw-den-cashier2");

    final BranchkeyApi admin;
    final BranchkeyApi publicApi;
    /** The realm's endpoints with the resource server's service-account token: the hierarchy needs one. */
    final BranchkeyApi hierarchyApi;
    final OidcTokens tokens;
    private final Map<String, Integer> indexes = new HashMap<>();
    private final Map<String, long[]> paths = new HashMap<>();

    DemoClaims(Keycloak keycloak, KeycloakUrls urls) {
        admin = DemoRealm.ensure(keycloak, urls);
        publicApi = BranchkeyApi.publicApi(urls, DemoRealm.NAME);
        ClientCredentialsTokenSource serviceAccount = ClientCredentialsTokenSource.forRealm(
                URI.create(urls.getBase() + "/realms/" + DemoRealm.NAME), RESOURCE_SERVER, RESOURCE_SERVER_SECRET).build();
        hierarchyApi = publicApi.withBearer(serviceAccount::accessToken);
        tokens = new OidcTokens(urls, DemoRealm.NAME);
        for (JsonNode p : publicApi.get("catalog").expect(200).json().get("permissions")) {
            indexes.put(p.get("key").asText(), p.get("index").asInt());
        }
    }

    OidcTokens.TokenResponse login(String username, String... extra) {
        return tokens.password(REGISTER, username, DemoRealm.PASSWORD, extra).expectOk();
    }

    String node(String code) {
        return DemoRealm.node(admin, code);
    }

    long handle(String code) {
        return admin.get("nodes/by-code/" + code).expect(200).json().get("handle").asLong();
    }

    int index(String permission) {
        Integer index = indexes.get(permission);
        if (index == null) {
            throw new AssertionError("no permission " + permission + " in the demo catalog");
        }
        return index;
    }

    List<String> permissionKeys() {
        return List.copyOf(indexes.keySet());
    }

    /** Handles from the root to the node, from the hierarchy endpoint (cached per node). */
    long[] path(String nodeId) {
        return paths.computeIfAbsent(nodeId, id -> {
            JsonNode path = hierarchyApi.get("hierarchy/nodes/" + id).expect(200).json().get("path");
            long[] handles = new long[path.size()];
            for (int i = 0; i < handles.length; i++) {
                handles[i] = path.get(i).asLong();
            }
            return handles;
        });
    }

    static CompactPermissions permissions(JsonNode claims) {
        JsonNode claim = claims.get("bk_perms");
        if (claim == null) {
            throw new AssertionError("no bk_perms in " + claims);
        }
        return CompactPermissions.fromClaim(BranchkeyApi.JSON.convertValue(claim, Object.class));
    }

    /** What the token's claims say about a permission at a node. */
    boolean tokenAllows(JsonNode claims, String permission, String nodeId) {
        return permissions(claims).holds(index(permission), path(nodeId));
    }
}
