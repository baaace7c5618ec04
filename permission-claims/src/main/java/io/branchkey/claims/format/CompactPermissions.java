package io.branchkey.claims.format;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code bk_perms} claim (docs/claims.md): the effective permission set of each anchor node, by node handle,
 * and the catalog version the indexes belong to. Immutable. A node's permissions are those of its nearest
 * anchor on the way to the root; {@link #setAt(long)} answers for one anchor.
 */
public final class CompactPermissions {

    public static final int FORMAT_VERSION = 1;

    static final String VERSION = "v";
    static final String CATALOG = "cat";
    static final String SETS = "sets";
    static final String AT = "at";
    static final String OVER = "over";

    /** Bounds for decoding untrusted claims. */
    static final int MAX_SETS = 10_000;
    static final int MAX_ANCHORS = 100_000;

    private final long catalogVersion;
    private final boolean overage;
    private final Map<Long, BitSet> anchors;
    private volatile AnchorTable table;

    private CompactPermissions(long catalogVersion, boolean overage, Map<Long, BitSet> anchors) {
        this.catalogVersion = catalogVersion;
        this.overage = overage;
        this.anchors = anchors;
    }

    /**
     * @param anchors each anchor node's handle (positive) with its effective set; the sets are copied
     */
    public static CompactPermissions of(long catalogVersion, Map<Long, BitSet> anchors) {
        if (catalogVersion < 0) {
            throw new IllegalArgumentException("catalog version must not be negative");
        }
        Map<Long, BitSet> copy = new TreeMap<>();
        anchors.forEach((handle, bits) -> {
            if (handle == null || handle <= 0) {
                throw new IllegalArgumentException("node handles are positive: " + handle);
            }
            copy.put(handle, (BitSet) bits.clone());
        });
        return new CompactPermissions(catalogVersion, false, Collections.unmodifiableMap(copy));
    }

    /** The claim of a token whose permissions did not fit its byte budget: resource servers ask the check endpoint. */
    public static CompactPermissions overage(long catalogVersion) {
        return new CompactPermissions(catalogVersion, true, Map.of());
    }

    public long catalogVersion() {
        return catalogVersion;
    }

    public boolean isOverage() {
        return overage;
    }

    /** The anchors' handles, ascending. */
    public Iterable<Long> anchorHandles() {
        return anchors.keySet();
    }

    public boolean isAnchor(long handle) {
        return anchors.containsKey(handle);
    }

    /** A copy of the anchor's set, or null when the node is no anchor. */
    public BitSet setAt(long handle) {
        BitSet bits = anchors.get(handle);
        return bits == null ? null : (BitSet) bits.clone();
    }

    /** Whether the anchor's set holds the index; false when the node is no anchor. */
    public boolean anchorHolds(long handle, int index) {
        BitSet bits = anchors.get(handle);
        return bits != null && index >= 0 && bits.get(index);
    }

    /**
     * Whether the permission is held at the node, by THE decision rule of docs/claims.md ({@link AnchorTable}).
     *
     * @param index the permission's catalog index (negative: unknown, never held)
     * @param path  handles from the root down to the node itself
     */
    public boolean holds(int index, long[] path) {
        return !overage && table().decide(HandlePath.of(path), index);
    }

    /** The anchors as a lookup table, built once per claim (benign race: any copy is equal). */
    public AnchorTable table() {
        AnchorTable built = table;
        if (built == null) {
            built = AnchorTable.of(this);
            table = built;
        }
        return built;
    }

    /** The claim value, as JSON-ready maps, lists, strings and numbers, in the deterministic order of the spec. */
    public Map<String, Object> toClaim() {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put(VERSION, FORMAT_VERSION);
        claim.put(CATALOG, catalogVersion);
        if (overage) {
            claim.put(OVER, true);
            return claim;
        }
        // Anchors ascend, so each set's first appearance is at its smallest handle: that fixes the set order.
        Map<BitSet, List<Long>> bySet = new LinkedHashMap<>();
        anchors.forEach((handle, bits) -> bySet.computeIfAbsent(bits, b -> new ArrayList<>()).add(handle));
        List<String> sets = new ArrayList<>();
        List<List<Long>> at = new ArrayList<>();
        bySet.forEach((bits, handles) -> {
            sets.add(PermissionBits.encode(bits));
            at.add(List.copyOf(handles));
        });
        claim.put(SETS, sets);
        claim.put(AT, at);
        return claim;
    }

    /**
     * Reads a claim as a JSON parser hands it over (maps, lists, strings, numbers, booleans). Unknown members are
     * ignored (the spec lets later versions add some).
     *
     * @throws ClaimFormatException for anything that is not a valid version-1 claim, and only that
     */
    public static CompactPermissions fromClaim(Object claim) {
        if (!(claim instanceof Map<?, ?> map)) {
            throw new ClaimFormatException("bk_perms must be a JSON object");
        }
        long version = integer(map.get(VERSION), VERSION);
        if (version != FORMAT_VERSION) {
            throw new ClaimFormatException("unsupported bk_perms format version " + version);
        }
        long catalog = integer(map.get(CATALOG), CATALOG);
        if (catalog < 0) {
            throw new ClaimFormatException("cat must not be negative");
        }
        Object over = map.get(OVER);
        if (over != null && !(over instanceof Boolean)) {
            throw new ClaimFormatException("over must be a boolean");
        }
        if (Boolean.TRUE.equals(over)) {
            return overage(catalog);
        }
        List<?> sets = list(map.get(SETS), SETS, MAX_SETS);
        List<?> at = list(map.get(AT), AT, MAX_SETS);
        if (sets.size() != at.size()) {
            throw new ClaimFormatException("sets and at differ in length");
        }
        Map<Long, BitSet> anchors = new TreeMap<>();
        for (int i = 0; i < sets.size(); i++) {
            if (!(sets.get(i) instanceof String text)) {
                throw new ClaimFormatException("sets[" + i + "] must be a string");
            }
            BitSet bits = PermissionBits.decode(text);
            for (Object handle : list(at.get(i), "at[" + i + "]", MAX_ANCHORS)) {
                long h = integer(handle, "handle");
                if (h <= 0) {
                    throw new ClaimFormatException("handles are positive");
                }
                if (anchors.put(h, bits) != null) {
                    throw new ClaimFormatException("handle " + h + " appears twice");
                }
                if (anchors.size() > MAX_ANCHORS) {
                    throw new ClaimFormatException("too many anchors");
                }
            }
        }
        return new CompactPermissions(catalog, false, Collections.unmodifiableMap(anchors));
    }

    private static long integer(Object value, String name) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        throw new ClaimFormatException(name + " must be an integer");
    }

    private static List<?> list(Object value, String name, int max) {
        if (!(value instanceof List<?> list)) {
            throw new ClaimFormatException(name + " must be an array");
        }
        if (list.size() > max) {
            throw new ClaimFormatException(name + " is too long");
        }
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactPermissions other && catalogVersion == other.catalogVersion
                && overage == other.overage && anchors.equals(other.anchors);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(catalogVersion) * 31 + anchors.hashCode() + (overage ? 1 : 0);
    }

    @Override
    public String toString() {
        return overage ? "CompactPermissions[overage, cat=" + catalogVersion + "]"
                : "CompactPermissions[cat=" + catalogVersion + ", anchors=" + anchors + "]";
    }
}
