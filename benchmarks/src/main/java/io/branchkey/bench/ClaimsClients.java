package io.branchkey.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The claims benchmark's clients in a realm, created through the admin API like the demo realm's
 * (realm-config/demo-realm.json):
 * <ul>
 *   <li>{@value #WITH_MAPPERS} and {@value #WITHOUT_MAPPERS}: two back-office clients, identical (public, PKCE,
 *   the realm's default client scopes, RS256) except that the first carries Branchkey's three mappers configured
 *   as on the demo's backoffice-app (access, ID and introspection token, lightweight tokens);</li>
 *   <li>{@value #REGISTER}: a register client like the demo's register-app: only the {@code basic} client scope,
 *   no full scope, Branchkey's mappers in access tokens only, ES256 access-token signatures.</li>
 * </ul>
 * All three allow direct access grants: the benchmark logs in with a password, the apps would use the code flow.
 */
final class ClaimsClients {

    static final String WITH_MAPPERS = "bench-backoffice-bk";
    static final String WITHOUT_MAPPERS = "bench-backoffice-plain";
    static final String REGISTER = "bench-register";
    static final int DEFAULT_BUDGET = 2048;
    /** The budget of {@value #WITH_MAPPERS} where the default one would make its partner token an overage token. */
    static final int RAISED_BUDGET = 8192;

    private static final String PERMISSIONS_MAPPER = "branchkey-permissions-mapper";

    /**
     * @param budget              the byte budget of {@value #WITH_MAPPERS}'s bk_perms mapper now
     * @param backOfficeScopes    the default client scopes of both back-office clients
     * @param registerScopes      the default client scopes of the register client
     */
    record Created(String withMappersId, String withoutMappersId, String registerId, int budget,
                   List<String> backOfficeScopes, List<String> registerScopes) {

        Created withBudget(int newBudget) {
            return new Created(withMappersId, withoutMappersId, registerId, newBudget, backOfficeScopes, registerScopes);
        }
    }

    private final AdminApi api;

    ClaimsClients(AdminApi api) {
        this.api = api;
    }

    Created create(String realm) throws IOException, InterruptedException {
        api.ensureFreshToken();
        String with = api.create(realm + "/clients", backOffice(WITH_MAPPERS, true).toString());
        String without = api.create(realm + "/clients", backOffice(WITHOUT_MAPPERS, false).toString());
        String register = createRegister(realm, REGISTER, Map.of(), List.of());
        List<String> scopes = defaultScopes(realm, with);
        if (!scopes.equals(defaultScopes(realm, without))) {
            throw new IllegalStateException("the two back-office clients differ in their default client scopes");
        }
        return new Created(with, without, register, DEFAULT_BUDGET, scopes, defaultScopes(realm, register));
    }

    /**
     * Creates a register client like the demo's register-app (the {@code basic} client scope only, Branchkey's mappers
     * in access tokens, ES256) with extra client attributes and protocol mappers; returns its id.
     */
    String createRegister(String realm, String clientId, Map<String, String> attributes, List<Map<String, Object>> extraMappers)
            throws IOException, InterruptedException {
        api.ensureFreshToken();
        String id = api.create(realm + "/clients", register(clientId, attributes, extraMappers).toString());
        onlyBasicScope(realm, id);
        return id;
    }

    /** Sets the byte budget of {@value #WITH_MAPPERS}'s bk_perms mapper. */
    Created setBudget(String realm, Created clients, int budget) throws IOException, InterruptedException {
        api.ensureFreshToken();
        String models = realm + "/clients/" + clients.withMappersId() + "/protocol-mappers/models";
        for (JsonNode mapper : api.getJson(models)) {
            if (PERMISSIONS_MAPPER.equals(mapper.path("protocolMapper").asText())) {
                ObjectNode updated = mapper.deepCopy();
                ((ObjectNode) updated.path("config")).put("branchkey.byteBudget", String.valueOf(budget));
                api.put(models + "/" + mapper.path("id").asText(), updated.toString());
                return clients.withBudget(budget);
            }
        }
        throw new IllegalStateException("no " + PERMISSIONS_MAPPER + " on " + WITH_MAPPERS + " in " + realm);
    }

    private static ObjectNode backOffice(String clientId, boolean mappers) {
        ObjectNode client = common(clientId, "Back office (benchmark" + (mappers ? ", with Branchkey's mappers)" : ", no Branchkey mappers)"));
        client.putObject("attributes").put("pkce.code.challenge.method", "S256").put("post.logout.redirect.uris", "+");
        if (mappers) {
            client.set("protocolMappers", AdminApi.JSON.valueToTree(mappers(true)));
        }
        return client;
    }

    private static ObjectNode register(String clientId, Map<String, String> attributes, List<Map<String, Object>> extraMappers) {
        ObjectNode client = common(clientId, "Register (benchmark)");
        ObjectNode attrs = client.putObject("attributes").put("pkce.code.challenge.method", "S256")
                .put("post.logout.redirect.uris", "+").put("access.token.signed.response.alg", "ES256");
        attributes.forEach(attrs::put);
        client.putArray("defaultClientScopes").add("basic");
        client.putArray("optionalClientScopes");
        client.put("fullScopeAllowed", false);
        List<Map<String, Object>> mappers = new ArrayList<>(mappers(false));
        mappers.addAll(extraMappers);
        client.set("protocolMappers", AdminApi.JSON.valueToTree(mappers));
        return client;
    }

    private static ObjectNode common(String clientId, String name) {
        ObjectNode client = AdminApi.JSON.createObjectNode();
        client.put("clientId", clientId).put("name", name).put("enabled", true).put("protocol", "openid-connect")
                .put("publicClient", true).put("standardFlowEnabled", true).put("implicitFlowEnabled", false)
                .put("directAccessGrantsEnabled", true).put("serviceAccountsEnabled", false).put("frontchannelLogout", true);
        client.putArray("redirectUris").add("http://localhost:*").add("http://127.0.0.1:*");
        client.putArray("webOrigins").add("+");
        return client;
    }

    /** Branchkey's three mappers as the demo configures them; {@code idToken}: also in ID tokens (back office). */
    private static List<Map<String, Object>> mappers(boolean idToken) {
        List<Map<String, Object>> mappers = new ArrayList<>();
        mappers.add(mapper("branchkey permissions", PERMISSIONS_MAPPER, "bk_perms", idToken, DEFAULT_BUDGET));
        mappers.add(mapper("branchkey location roles", "branchkey-roles-mapper", "bk_roles", idToken, 0));
        mappers.add(mapper("branchkey tenancy", "branchkey-tenancy-mapper", "bk_tenancy", idToken, 0));
        return mappers;
    }

    /** A protocol mapper of the given type (in ID tokens too if asked), with its claim name unless null. */
    static Map<String, Object> mapper(String name, String type, String claim, boolean idToken, int budget) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("access.token.claim", "true");
        config.put("introspection.token.claim", "true");
        config.put("lightweight.claim", "true");
        config.put("id.token.claim", String.valueOf(idToken));
        config.put("userinfo.token.claim", "false");
        if (claim != null) {
            config.put("claim.name", claim);
        }
        if (budget > 0) {
            config.put("branchkey.byteBudget", String.valueOf(budget));
        }
        Map<String, Object> mapper = new LinkedHashMap<>();
        mapper.put("name", name);
        mapper.put("protocol", "openid-connect");
        mapper.put("protocolMapper", type);
        mapper.put("config", config);
        return mapper;
    }

    /** Makes sure the register client has the basic scope only, whatever Keycloak made of the representation. */
    private void onlyBasicScope(String realm, String clientId) throws IOException, InterruptedException {
        String client = realm + "/clients/" + clientId;
        for (JsonNode scope : api.getJson(client + "/default-client-scopes")) {
            if (!"basic".equals(scope.path("name").asText())) {
                api.delete(client + "/default-client-scopes/" + scope.path("id").asText());
            }
        }
        for (JsonNode scope : api.getJson(client + "/optional-client-scopes")) {
            api.delete(client + "/optional-client-scopes/" + scope.path("id").asText());
        }
    }

    private List<String> defaultScopes(String realm, String clientId) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        api.getJson(realm + "/clients/" + clientId + "/default-client-scopes").forEach(s -> names.add(s.path("name").asText()));
        names.sort(null);
        return names;
    }
}
