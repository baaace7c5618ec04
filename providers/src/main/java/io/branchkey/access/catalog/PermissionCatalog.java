package io.branchkey.access.catalog;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.branchkey.tenancy.NodeKind;

/**
 * An immutable snapshot of a realm's catalog at one version, with every permission's implications already
 * expanded, so resolving a grant is a few bit operations.
 */
public final class PermissionCatalog {

    private final long version;
    private final Permission[] byIndex;
    private final Map<String, Permission> byKey;
    private final BitSet[] implied;

    private PermissionCatalog(long version, Permission[] byIndex, Map<String, Permission> byKey) {
        this.version = version;
        this.byIndex = byIndex;
        this.byKey = byKey;
        this.implied = new BitSet[byIndex.length];
        for (Permission p : byIndex) {
            if (p != null) {
                implied[p.index()] = closure(p);
            }
        }
    }

    /**
     * @throws IllegalArgumentException when indexes or keys repeat or an implication names an unknown key
     */
    public static PermissionCatalog of(long version, Collection<Permission> permissions) {
        int size = permissions.stream().mapToInt(Permission::index).max().orElse(-1) + 1;
        Permission[] byIndex = new Permission[size];
        Map<String, Permission> byKey = new HashMap<>();
        for (Permission p : permissions) {
            if (p.index() < 0 || byIndex[p.index()] != null) {
                throw new IllegalArgumentException("duplicate or negative permission index " + p.index());
            }
            if (byKey.put(p.key(), p) != null) {
                throw new IllegalArgumentException("duplicate permission key " + p.key());
            }
            byIndex[p.index()] = p;
        }
        for (Permission p : permissions) {
            for (String key : p.implies()) {
                if (!byKey.containsKey(key)) {
                    throw new IllegalArgumentException(p.key() + " implies unknown permission " + key);
                }
            }
        }
        return new PermissionCatalog(version, byIndex, Collections.unmodifiableMap(byKey));
    }

    // Implications may chain (and even loop); a walk collects everything reachable.
    private BitSet closure(Permission start) {
        BitSet seen = new BitSet(byIndex.length);
        Deque<Permission> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            Permission p = todo.pop();
            if (!seen.get(p.index())) {
                seen.set(p.index());
                p.implies().forEach(key -> todo.push(byKey.get(key)));
            }
        }
        return seen;
    }

    public long version() {
        return version;
    }

    /** Number of index slots (the highest index + 1). */
    public int size() {
        return byIndex.length;
    }

    public Permission get(String key) {
        return byKey.get(key);
    }

    public Permission get(int index) {
        return index >= 0 && index < byIndex.length ? byIndex[index] : null;
    }

    public Collection<Permission> permissions() {
        return byKey.values();
    }

    /**
     * Adds to {@code target} what a grant of permission {@code index} at a node of kind {@code grantedAt} makes
     * effective: the permission and everything it implies, minus retired ones and ones whose minimum level the
     * grant's node does not reach.
     */
    public void addEffective(BitSet target, int index, NodeKind grantedAt) {
        BitSet reach = index >= 0 && index < implied.length ? implied[index] : null;
        if (reach == null) {
            return;
        }
        for (int q = reach.nextSetBit(0); q >= 0; q = reach.nextSetBit(q + 1)) {
            Permission p = byIndex[q];
            if (!p.retired() && (p.minLevel() == null || grantedAt.isAtOrAbove(p.minLevel()))) {
                target.set(q);
            }
        }
    }

    /** Indexes of the permissions that, granted, yield {@code index} (itself included). */
    public BitSet implying(int index) {
        BitSet result = new BitSet(byIndex.length);
        for (int i = 0; i < implied.length; i++) {
            if (implied[i] != null && implied[i].get(index)) {
                result.set(i);
            }
        }
        return result;
    }
}
