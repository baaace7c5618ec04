package io.branchkey.access;

import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.tenancy.NodeKind;

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

    /** What a role group with these permissions confers when granted, for ever, at a node of the kind. */
    public static PermissionSet conferred(PermissionCatalog catalog, NodeKind grantedAt, BitSet permissions) {
        return resolve(catalog, List.of(new GrantedRoleGroup(grantedAt, GrantWindow.ALWAYS, permissions)), 0).permissions();
    }

    /**
     * The permissions held at every instant from {@code from} (inclusive) until {@code until} (exclusive; null:
     * for ever after). Windows only open and close at their bounds, so the rule is evaluated at {@code from} and at
     * every bound inside the interval, and what all of those hold is held throughout.
     */
    public static PermissionSet heldThroughout(PermissionCatalog catalog, Collection<GrantedRoleGroup> grants,
                                               long from, Long until) {
        TreeSet<Long> instants = new TreeSet<>(List.of(from));
        for (GrantedRoleGroup grant : grants) {
            for (Long bound : new Long[]{grant.window().startsAt(), grant.window().endsAt()}) {
                if (bound != null && bound > from && (until == null || bound < until)) {
                    instants.add(bound);
                }
            }
        }
        BitSet held = null;
        for (long instant : instants) {
            BitSet atInstant = resolve(catalog, grants, instant).permissions().bits();
            if (held == null) {
                held = atInstant;
            } else {
                held.and(atInstant);
            }
        }
        return new PermissionSet(catalog.version(), held);
    }

    /**
     * The permissions the grants confer now or at some later instant: every grant whose window is not over yet
     * counts as if it were in force.
     */
    public static PermissionSet heldNowOrLater(PermissionCatalog catalog, Collection<GrantedRoleGroup> grants, long now) {
        List<GrantedRoleGroup> notOver = grants.stream()
                .filter(g -> g.window().endsAt() == null || g.window().endsAt() > now)
                .map(g -> new GrantedRoleGroup(g.grantedAt(), GrantWindow.ALWAYS, g.permissions()))
                .toList();
        return resolve(catalog, notOver, now).permissions();
    }
}
