package io.branchkey.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;



import io.branchkey.access.AccessEpoch;
import io.branchkey.access.AccessProvider;
import io.branchkey.access.AccessScope;
import io.branchkey.access.EpochCache;
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
import org.keycloak.util.JsonSerialization;

/**
 * Everything Branchkey's claims say about one token: its active scope and the user's access over it, computed
 * once per token request however many of our mappers run, and shared with the check endpoint.
 * <p>
 * Instances are immutable and cached per (realm, user, scope) on each server node for as long as the realm's access
 * epoch stays (grants, role groups, catalog, tree shape and home accounts all advance it) and no grant window opens
 * or closes: a refresh then costs no query, and the claim values are built and measured once.
 */
public final class TokenAccess {

    private static final String ATTRIBUTE = TokenAccess.class.getName();
    private static final EpochCache<UserInScope, TokenAccess> CACHE = new EpochCache<>();

    private record UserInScope(String realmId, String userId, AccessScope scope) {
    }

    /** The {@code bk_perms} value and the size of its JSON, which the mapper compares with its byte budget. */
    record PermissionsClaim(Map<String, Object> value, int bytes) {
    }

    private final ScopedAccess access;
    private final Map<String, Long> handles;
    private final String homeAccountId;
    private final CompactPermissions compactPermissions;
    private final PermissionsClaim permissionsClaim;
    private final Map<String, Object> tenancyClaim;

    private TokenAccess(ScopedAccess access, Map<String, Long> handles, String homeAccountId) {
        this.access = access;
        this.handles = Map.copyOf(handles);
        this.homeAccountId = homeAccountId;
        this.compactPermissions = anchorsByHandle(access, this.handles);
        Map<String, Object> perms = Collections.unmodifiableMap(compactPermissions.toClaim());
        this.permissionsClaim = new PermissionsClaim(perms, jsonSize(perms));
        this.tenancyClaim = tenancy(access.scope(), scopeHandle(), homeAccountId, access.partner());
    }

    /**
     * For the token being issued in this request.
     *
     * @throws ErrorResponseException 400 invalid_request when the client asked for a scope the user cannot have
     */
    static TokenAccess of(KeycloakSession session, AuthenticatedClientSessionModel clientSession, UserModel user) {
        String key = ATTRIBUTE + ":" + clientSession.getId() + ":" + user.getId();
        TokenAccess current = session.getAttribute(key, TokenAccess.class);
        if (current != null) {
            return current;
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

    /** For a user and a scope, outside token issuance too (the check endpoint). */
    public static TokenAccess forScope(KeycloakSession session, RealmModel realm, UserModel user, AccessScope scope) {
        // The epoch is read before the data, so an entry can only ever be older than its epoch says, never newer.
        String epoch = AccessEpoch.current(realm);
        long now = System.currentTimeMillis();
        UserInScope key = new UserInScope(realm.getId(), user.getId(), scope);
        TokenAccess cached = CACHE.get(key, epoch, now);
        if (cached != null) {
            return cached;
        }
        ScopedAccess access = session.getProvider(AccessProvider.class).scopedAccess(realm, user.getId(), scope);
        TenantTreeProvider tree = session.getProvider(TenantTreeProvider.class);
        Map<String, Long> handles = new HashMap<>(tree.getHandles(realm, access.anchors().keySet()));
        if (scope.nodeId() != null && !handles.containsKey(scope.nodeId())) {
            handles.putAll(tree.getHandles(realm, List.of(scope.nodeId())));
        }
        String home = session.getProvider(TenantMembershipProvider.class).getHomeAccountId(realm, user);
        TokenAccess computed = new TokenAccess(access, handles, home);
        CACHE.put(key, epoch, access.validUntil(), computed);
        return computed;
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
        return compactPermissions;
    }

    /** {@link #compactPermissions()} as the claim value (unmodifiable: tokens share it) and its JSON size. */
    PermissionsClaim permissionsClaim() {
        return permissionsClaim;
    }

    /** The {@code bk_tenancy} value (unmodifiable: tokens share it). */
    Map<String, Object> tenancyClaim() {
        return tenancyClaim;
    }

    private static CompactPermissions anchorsByHandle(ScopedAccess access, Map<String, Long> handles) {
        Map<Long, BitSet> byHandle = new HashMap<>();
        access.anchors().forEach((nodeId, bits) -> {
            Long handle = handles.get(nodeId);
            if (handle != null) {
                byHandle.put(handle, bits);
            }
        });
        return CompactPermissions.of(access.catalogVersion(), byHandle);
    }

    private static Map<String, Object> tenancy(AccessScope scope, Long scopeHandle, String home, boolean partner) {
        Map<String, Object> scopeClaim = new LinkedHashMap<>();
        scopeClaim.put("type", scope.type().name().toLowerCase(Locale.ROOT));
        if (scope.nodeId() != null) {
            scopeClaim.put("id", scope.nodeId());
            if (scopeHandle != null) {
                scopeClaim.put("handle", scopeHandle);
            }
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        if (home != null) {
            claim.put("home", home);
        }
        claim.put("scope", Collections.unmodifiableMap(scopeClaim));
        claim.put("partner", partner);
        return Collections.unmodifiableMap(claim);
    }

    private static int jsonSize(Object claim) {
        try {
            return JsonSerialization.writeValueAsBytes(claim).length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
