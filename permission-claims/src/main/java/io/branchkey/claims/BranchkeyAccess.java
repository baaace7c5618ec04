package io.branchkey.claims;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.branchkey.claims.catalog.Catalog;
import io.branchkey.claims.check.PermissionCheck;
import io.branchkey.claims.check.PermissionCheckClient;
import io.branchkey.claims.format.AnchorTable;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.claims.hierarchy.NodeAncestry;
import io.branchkey.claims.hierarchy.NodePath;

/**
 * What one access token allows, decoded once (per request) and asked many times. Built by {@link AccessDecoder}
 * or {@link BranchkeyResourceServer#access}. Thread-safe.
 *
 * <p>{@link #hasPermission} follows docs/claims.md: the nearest anchor on the node's path (the node itself
 * included) decides; no anchor, an unknown node or an unknown permission key means false. A check costs a map
 * read for the key, one for the node's path (from the {@link NodeAncestry}'s cache) and a few array reads. For an
 * overage token the answer comes from the check endpoint instead, and is remembered for this object's lifetime.
 */
public final class BranchkeyAccess {

    private final String token;
    private final String subject;
    private final BranchkeyClaims claims;
    private final AnchorTable anchors;
    private final Catalog catalog;
    private final NodeAncestry ancestry;
    private final PermissionCheckClient checkClient;
    private final boolean overage;
    /** The active scope's node when it is an anchor: checks at that node need no ancestry lookup. */
    private final String scopeNodeId;
    private final int scopeSetId;
    private final Map<PermissionCheck, Boolean> overageAnswers;

    BranchkeyAccess(String token, String subject, BranchkeyClaims claims, AnchorTable anchors, Catalog catalog,
            NodeAncestry ancestry, PermissionCheckClient checkClient) {
        this.token = token;
        this.subject = subject;
        this.claims = claims;
        this.anchors = anchors;
        this.catalog = catalog;
        this.ancestry = ancestry;
        this.checkClient = checkClient;
        this.overage = claims.permissions().map(CompactPermissions::isOverage).orElse(false);
        ActiveScope scope = claims.tenancy().map(Tenancy::scope).orElse(ActiveScope.ALL);
        int setId = scope.nodeId() == null ? -1 : anchors.find(scope.handle());
        this.scopeNodeId = setId >= 0 ? scope.nodeId() : null;
        this.scopeSetId = setId;
        this.overageAnswers = overage ? new ConcurrentHashMap<>() : Map.of();
    }

    /**
     * Whether the token holds the permission at the node (a location, an account or any other node).
     *
     * @param permission the catalog key, e.g. {@code orders.export}; null or unknown: false
     * @param nodeId the node's id; null or unknown: false
     * @throws io.branchkey.claims.BranchkeyUnavailableException when the node's path or (overage) the check endpoint's
     *         answer could not be obtained: nothing was decided
     * @throws io.branchkey.claims.verify.TokenRejectedException when (overage) Keycloak refuses the token
     */
    public boolean hasPermission(String permission, String nodeId) {
        if (permission == null || nodeId == null) {
            return false;
        }
        if (overage) {
            return overageAnswers.computeIfAbsent(new PermissionCheck(permission, nodeId),
                    check -> checkClient.check(token, List.of(check)).get(0));
        }
        if (anchors.isEmpty()) {
            return false;
        }
        int index = catalog.indexOf(permission);
        if (index < 0) {
            return false;
        }
        if (nodeId.equals(scopeNodeId)) {
            return anchors.holds(scopeSetId, index);
        }
        NodePath path = ancestry.pathOf(nodeId);
        return path != null && anchors.decide(path, index);
    }

    /** {@link #hasPermission} for an account: the same rule, named for readability at call sites. */
    public boolean hasPermissionAtAccount(String permission, String accountId) {
        return hasPermission(permission, accountId);
    }

    /** {@link #hasPermission} for a location. */
    public boolean hasPermissionAtLocation(String permission, String locationId) {
        return hasPermission(permission, locationId);
    }

    /** The token's {@code sub}, or null when it has none. */
    public String subject() {
        return subject;
    }

    /** Whether the token's permissions did not fit its byte budget, so checks go to the check endpoint. */
    public boolean isOverage() {
        return overage;
    }

    /** The decoded claims. */
    public BranchkeyClaims claims() {
        return claims;
    }

    /** The catalog the token's bits are read with; empty for overage tokens and tokens without anchors. */
    public Optional<Catalog> catalog() {
        return Optional.ofNullable(catalog);
    }

    /** Role-group names held at the active scope's node ({@code bk_roles}); empty when the claim is absent. */
    public List<String> roles() {
        return claims.roles();
    }

    /** Whether {@code bk_roles} names this role group. */
    public boolean hasRole(String roleGroupName) {
        return roleGroupName != null && claims.roles().contains(roleGroupName);
    }

    /** The tenancy claim, or empty. */
    public Optional<Tenancy> tenancy() {
        return claims.tenancy();
    }

    /** The token's active scope; {@link ActiveScope#ALL} when the token has no tenancy claim (the server default). */
    public ActiveScope activeScope() {
        return claims.tenancy().map(Tenancy::scope).orElse(ActiveScope.ALL);
    }

    /** The user's home account id, or empty. */
    public Optional<String> homeAccountId() {
        return claims.tenancy().flatMap(Tenancy::home);
    }

    /** Whether the user holds a grant at a partner node; false when the tenancy claim is absent. */
    public boolean isPartner() {
        return claims.tenancy().map(Tenancy::partner).orElse(false);
    }

    @Override
    public String toString() {
        return "BranchkeyAccess[sub=" + subject + (overage ? ", overage" : ", " + anchors.size() + " anchors")
                + ", scope=" + activeScope() + "]";
    }
}
