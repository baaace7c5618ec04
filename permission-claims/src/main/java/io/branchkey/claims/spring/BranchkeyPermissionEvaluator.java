package io.branchkey.claims.spring;

import java.io.Serializable;
import java.util.Locale;

import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.branchkey.claims.AccessDecoder;
import io.branchkey.claims.BranchkeyAccess;

/**
 * Makes {@code @PreAuthorize("hasPermission(#locationId, 'location', 'orders.export')")} answer from the token's
 * Branchkey permissions. The target type is {@code location}, {@code account} or {@code node} (case-insensitive;
 * the rule is the same for all, by node id); the target id is the node's id (any object, by its
 * {@code toString()}); the permission is the catalog key. Any other target type, a null id or permission, or an
 * authentication without Branchkey permissions is denied. The two-argument form {@code hasPermission(object,
 * permission)} is always denied: it names no node.
 *
 * <p>Register it on the method-security expression handler (see docs/resource-servers.md). Failures to obtain a
 * node's path ({@link io.branchkey.claims.BranchkeyUnavailableException}) propagate: nothing was decided, and the
 * caller should see an error rather than a silent 403.
 */
public final class BranchkeyPermissionEvaluator implements PermissionEvaluator {

    private final AccessDecoder fallbackDecoder;

    /** Answers only for {@link BranchkeyAuthentication}s (made by {@link BranchkeyJwtAuthenticationConverter}). */
    public BranchkeyPermissionEvaluator() {
        this(null);
    }

    /**
     * @param fallbackDecoder decodes plain {@link JwtAuthenticationToken}s too (per call, so slower); may be null
     */
    public BranchkeyPermissionEvaluator(AccessDecoder fallbackDecoder) {
        this.fallbackDecoder = fallbackDecoder;
    }

    @Override
    public boolean hasPermission(Authentication authentication, Object targetDomainObject, Object permission) {
        return false;
    }

    @Override
    public boolean hasPermission(Authentication authentication, Serializable targetId, String targetType,
            Object permission) {
        if (targetId == null || targetType == null || permission == null || !isNodeType(targetType)) {
            return false;
        }
        BranchkeyAccess access = accessOf(authentication);
        return access != null && access.hasPermission(permission.toString(), targetId.toString());
    }

    private static boolean isNodeType(String targetType) {
        String type = targetType.toLowerCase(Locale.ROOT);
        return type.equals("location") || type.equals("account") || type.equals("node");
    }

    private BranchkeyAccess accessOf(Authentication authentication) {
        if (authentication instanceof BranchkeyAuthentication branchkey) {
            return branchkey.access();
        }
        if (fallbackDecoder != null && authentication instanceof JwtAuthenticationToken jwt) {
            return fallbackDecoder.decode(jwt.getToken().getTokenValue(), jwt.getToken().getClaims());
        }
        return null;
    }
}
