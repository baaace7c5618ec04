package io.branchkey.access;

import java.util.BitSet;
import java.util.List;

import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;

/**
 * An immutable set of permissions, as catalog indexes, tagged with the catalog version that gives them meaning.
 */
public final class PermissionSet {

    public static final PermissionSet EMPTY = new PermissionSet(0, new BitSet());

    private final long catalogVersion;
    private final BitSet bits;

    public PermissionSet(long catalogVersion, BitSet bits) {
        this.catalogVersion = catalogVersion;
        this.bits = (BitSet) bits.clone();
    }

    public long catalogVersion() {
        return catalogVersion;
    }

    public boolean contains(int index) {
        return index >= 0 && bits.get(index);
    }

    public boolean contains(PermissionCatalog catalog, String key) {
        Permission p = catalog.get(key);
        return p != null && contains(p.index());
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** A copy of the bits. */
    public BitSet bits() {
        return (BitSet) bits.clone();
    }

    /** Whether every permission of {@code other} is also in this set. */
    public boolean containsAll(BitSet other) {
        BitSet missing = (BitSet) other.clone();
        missing.andNot(bits);
        return missing.isEmpty();
    }

    public List<String> keys(PermissionCatalog catalog) {
        return bits.stream().mapToObj(catalog::get).filter(java.util.Objects::nonNull).map(Permission::key).sorted().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermissionSet other && catalogVersion == other.catalogVersion && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode() * 31 + Long.hashCode(catalogVersion);
    }

    @Override
    public String toString() {
        return "PermissionSet" + bits + "@v" + catalogVersion;
    }
}
