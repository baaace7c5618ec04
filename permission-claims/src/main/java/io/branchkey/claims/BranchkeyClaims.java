package io.branchkey.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.branchkey.claims.format.ClaimFormatException;
import io.branchkey.claims.format.CompactPermissions;

/**
 * The three Branchkey claims of one token, decoded and validated (docs/claims.md). Immutable. Claims that are
 * absent (their mapper is not configured for the client) read as: no permissions anywhere, no roles, no tenancy.
 */
public final class BranchkeyClaims {

    /** Far above any real role list, small enough that a hostile claim cannot cost much. */
    static final int MAX_ROLES = 10_000;

    private final CompactPermissions permissions;
    private final List<String> roles;
    private final Tenancy tenancy;

    private BranchkeyClaims(CompactPermissions permissions, List<String> roles, Tenancy tenancy) {
        this.permissions = permissions;
        this.roles = roles;
        this.tenancy = tenancy;
    }

    /**
     * @param permissions may be null (no claim)
     * @param roles not null
     * @param tenancy may be null (no claim)
     */
    public static BranchkeyClaims of(CompactPermissions permissions, List<String> roles, Tenancy tenancy) {
        return new BranchkeyClaims(permissions, List.copyOf(roles), tenancy);
    }

    /**
     * Decodes the claims of a verified token.
     *
     * @param claims the token's claims as parsed JSON, not null
     * @param names the claim names, not null
     * @throws ClaimFormatException when a present claim is malformed or has an unknown format version {@code v};
     *         never anything else
     */
    public static BranchkeyClaims decode(Map<String, ?> claims, ClaimNames names) {
        Objects.requireNonNull(claims, "claims");
        Object perms = claims.get(names.permissions());
        Object roles = claims.get(names.roles());
        Object tenancy = claims.get(names.tenancy());
        return new BranchkeyClaims(perms == null ? null : CompactPermissions.fromClaim(perms), roles(roles),
                tenancy == null ? null : Tenancy.fromClaim(tenancy));
    }

    private static List<String> roles(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (!(claim instanceof List<?> list)) {
            throw new ClaimFormatException("bk_roles must be an array");
        }
        if (list.size() > MAX_ROLES) {
            throw new ClaimFormatException("bk_roles is too long");
        }
        List<String> roles = new ArrayList<>(list.size());
        for (Object role : list) {
            if (!(role instanceof String name)) {
                throw new ClaimFormatException("bk_roles holds strings");
            }
            roles.add(name);
        }
        return List.copyOf(roles);
    }

    /** The compact permissions, or empty when the token has no {@code bk_perms} claim. */
    public Optional<CompactPermissions> permissions() {
        return Optional.ofNullable(permissions);
    }

    /** The role-group names at the active scope's node; empty when absent (always absent with scope all). */
    public List<String> roles() {
        return roles;
    }

    /** The tenancy claim, or empty when the token has none. */
    public Optional<Tenancy> tenancy() {
        return Optional.ofNullable(tenancy);
    }

    @Override
    public String toString() {
        return "BranchkeyClaims[" + permissions + ", roles=" + roles + ", " + tenancy + "]";
    }
}
