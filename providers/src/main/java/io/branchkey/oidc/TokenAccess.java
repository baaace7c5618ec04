package io.branchkey.oidc;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.AccessScope;
import io.branchkey.access.ScopedAccess;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;

/**
 * Everything Branchkey's claims say about one token: its active scope and the user's access over it, computed
 * once per token request however many of our mappers run, and shared with the check endpoint.
 */
public final class TokenAccess {

    private static final String ATTRIBUTE = TokenAccess.class.getName();

    private final ScopedAccess access;
    private final Map<String, Long> handles;
    private final String homeAccountId;

    private TokenAccess(ScopedAccess access, Map<String, Long> handles, String homeAccountId) {
        this.access = access;
        this.handles = handles;
        this.homeAccountId = homeAccountId;
    }

    /**
     * For the token being issued in this request.
     *
     * @throws ErrorResponseException 400 invalid_request when the client asked for a scope the user cannot have
     */
    static TokenAccess of(KeycloakSession session, AuthenticatedClientSessionModel clientSession, UserModel user) {
        String key = ATTRIBUTE + ":" + clientSession.getId() + ":" + user.getId();
        TokenAccess cached = session.getAttribute(key, TokenAccess.class);
        if (cached != null) {
            return cached;
        }
        AccessScope scope;
        try {
            scope = ActiveScopes.current(session, clientSession, user);
        } catch (ActiveScopeException e) {
            throw new ErrorResponseException(OAuthErrorException.INVALID_REQUEST,
                    ActiveScopes.PARAMETER + ": " + e.getMessage(), Response.Status.BAD_REQUEST);
        }
        TokenAccess computed = forScope(session, clientSession.getRealm(), user, scope);
        session.setAttribute(key, computed);
        return computed;
    }

    /** For a user and a scope, outside token issuance (the check endpoint). */
    public static TokenAccess forScope(KeycloakSession session, RealmModel realm, UserModel user, AccessScope scope) {
        ScopedAccess access = session.getProvider(AccessProvider.class).scopedAccess(realm, user.getId(), scope);
        TenantTreeProvider tree = session.getProvider(TenantTreeProvider.class);
        Map<String, Long> handles = new HashMap<>(tree.getHandles(realm, access.anchors().keySet()));
        if (scope.nodeId() != null && !handles.containsKey(scope.nodeId())) {
            handles.putAll(tree.getHandles(realm, java.util.List.of(scope.nodeId())));
        }
        String home = session.getProvider(TenantMembershipProvider.class).getHomeAccountId(realm, user);
        return new TokenAccess(access, handles, home);
    }

    public ScopedAccess access() {
        return access;
    }

    public AccessScope scope() {
        return access.scope();
    }

    /** The scope's node handle, or null for ALL (or a node deleted since the scope was chosen). */
    public Long scopeHandle() {
        return access.scope().nodeId() == null ? null : handles.get(access.scope().nodeId());
    }

    public String homeAccountId() {
        return homeAccountId;
    }

    /** The anchors by handle, in the claim's form. Anchors whose node has gone since are left out. */
    public CompactPermissions compactPermissions() {
        Map<Long, BitSet> byHandle = new HashMap<>();
        access.anchors().forEach((nodeId, bits) -> {
            Long handle = handles.get(nodeId);
            if (handle != null) {
                byHandle.put(handle, bits);
            }
        });
        return CompactPermissions.of(access.catalogVersion(), byHandle);
    }
}
