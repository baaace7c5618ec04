package io.branchkey.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import io.branchkey.access.AccessScope;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.rest.BearerTokens;
import io.branchkey.rest.ApiErrors;
import io.branchkey.rest.JsonBodies;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Answers permission checks for a token's subject within the token's active scope, evaluated now, with the same
 * decision rule as the claims (docs/claims.md): for overage tokens and servers that do not decode claims.
 */
public final class CheckResource {

    /** Realm role that lets a caller check for other users. */
    public static final String CHECKER_ROLE = "branchkey-permission-checker";
    static final int MAX_CHECKS = 100;
    private static final int MAX_TEXT = 255;
    private static final String TENANCY_CLAIM = "bk_tenancy";

    public record Check(String permission, String node) {
    }

    public record CheckRequest(List<Check> checks, String userId) {
    }

    public record Result(String permission, String node, boolean allowed) {
    }

    public record CheckResponse(String subject, List<Result> results) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    public CheckResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public CheckResponse check(String body) {
        AuthenticationManager.AuthResult caller = authenticate();
        return evaluate(caller, JsonBodies.read(body, CheckRequest.class));
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Boolean> checkOne(@QueryParam("permission") String permission, @QueryParam("node") String node) {
        AuthenticationManager.AuthResult caller = authenticate();
        CheckResponse response = evaluate(caller, new CheckRequest(List.of(new Check(permission, node)), null));
        return Map.of("allowed", response.results().get(0).allowed());
    }

    private CheckResponse evaluate(AuthenticationManager.AuthResult caller, CheckRequest request) {
        List<Check> checks = validated(request.checks());
        UserModel subject;
        AccessScope scope;
        if (request.userId() != null) {
            subject = otherSubject(caller.user(), request.userId());
            scope = AccessScope.ALL;
        } else {
            subject = caller.user();
            scope = scopeOf(caller);
        }
        CompactPermissions permissions = TokenAccess.forScope(session, realm, subject, scope).compactPermissions();
        PermissionCatalog catalog = session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);
        TenantTreeProvider tree = session.getProvider(TenantTreeProvider.class);
        List<Result> results = new ArrayList<>();
        Map<String, long[]> paths = new java.util.HashMap<>();
        for (Check check : checks) {
            Permission permission = catalog.get(check.permission());
            long[] path = paths.computeIfAbsent(check.node(), node ->
                    tree.getPathHandles(realm, node).stream().mapToLong(Long::longValue).toArray());
            boolean allowed = permission != null && permissions.holds(permission.index(), path);
            results.add(new Result(check.permission(), check.node(), allowed));
        }
        return new CheckResponse(subject.getId(), results);
    }

    private AuthenticationManager.AuthResult authenticate() {
        return BearerTokens.authenticate(session, realm);
    }

    private static List<Check> validated(List<Check> checks) {
        if (checks == null || checks.isEmpty()) {
            throw ApiErrors.invalid("checks", "give at least one check");
        }
        if (checks.size() > MAX_CHECKS) {
            throw ApiErrors.invalid("checks", "at most " + MAX_CHECKS + " checks per request");
        }
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            if (check == null) {
                throw ApiErrors.invalid("checks." + i, "a check is an object with permission and node");
            }
            requireText("checks." + i + ".permission", check.permission());
            requireText("checks." + i + ".node", check.node());
        }
        return checks;
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw ApiErrors.invalid(field, field + " must be 1 to " + MAX_TEXT + " characters");
        }
    }

    private UserModel otherSubject(UserModel caller, String userId) {
        RoleModel checker = realm.getRole(CHECKER_ROLE);
        if (checker == null || !caller.hasRole(checker)) {
            throw ApiErrors.forbidden("checking for other users needs the realm role " + CHECKER_ROLE);
        }
        UserModel subject = userId.length() > MAX_TEXT ? null : session.users().getUserById(realm, userId);
        if (subject == null) {
            throw ApiErrors.notFound("userId", "no user with id " + userId);
        }
        return subject;
    }

    /** The token's own scope claim when it has one, else its client session's current scope, else all. */
    private AccessScope scopeOf(AuthenticationManager.AuthResult caller) {
        AccessToken token = caller.token();
        if (token.getOtherClaims().get(TENANCY_CLAIM) instanceof Map<?, ?> tenancy
                && tenancy.get("scope") instanceof Map<?, ?> scope) {
            return fromClaim(scope);
        }
        ClientModel client = realm.getClientByClientId(token.getIssuedFor());
        AuthenticatedClientSessionModel clientSession = client == null || caller.session() == null ? null
                : caller.session().getAuthenticatedClientSessionByClient(client.getId());
        String stored = clientSession == null ? null : clientSession.getNote(ActiveScopes.NOTE);
        return stored == null ? AccessScope.ALL : ActiveScopes.parseStored(stored);
    }

    private static AccessScope fromClaim(Map<?, ?> scope) {
        Object type = scope.get("type");
        Object id = scope.get("id");
        if ("all".equals(type)) {
            return AccessScope.ALL;
        }
        if (id instanceof String nodeId && ("location".equals(type) || "account".equals(type))) {
            return "location".equals(type) ? AccessScope.location(nodeId) : AccessScope.account(nodeId);
        }
        // Our own signed claim, yet unreadable: refuse rather than guess a scope.
        throw ApiErrors.invalid(null, "the token's bk_tenancy scope is not readable");
    }
}
