package io.branchkey.access;

import java.util.BitSet;
import java.util.Collection;

import io.branchkey.access.catalog.PermissionCatalog;

/**
 * THE rule for a user's effective permissions at a node, used by every caller (REST, token mappers, PIN login,
 * overrides): the union over the grants on the node and its ancestors that are in force now, each expanded by
 * the catalog's implications and kept only where the grant's node reaches the permission's minimum level.
 * Nothing else confers a permission: no role is a catch-all.
 */
public final class EffectivePermissionRule {

    private EffectivePermissionRule() {
    }

    /** The outcome, and the instant it stops being true because some grant's window opens or closes. */
    public record Resolution(PermissionSet permissions, long validUntil) {
    }

    public static Resolution resolve(PermissionCatalog catalog, Collection<GrantedRoleGroup> grants, long now) {
        BitSet effective = new BitSet(catalog.size());
        long validUntil = Long.MAX_VALUE;
        for (GrantedRoleGroup grant : grants) {
            validUntil = Math.min(validUntil, grant.window().nextChangeAfter(now));
            if (!grant.window().isActiveAt(now)) {
                continue;
            }
            BitSet granted = grant.permissions();
            for (int i = granted.nextSetBit(0); i >= 0; i = granted.nextSetBit(i + 1)) {
                catalog.addEffective(effective, i, grant.grantedAt());
            }
        }
        return new Resolution(new PermissionSet(catalog.version(), effective), validUntil);
    }
}
