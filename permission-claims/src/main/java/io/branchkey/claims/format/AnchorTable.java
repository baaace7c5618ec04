package io.branchkey.claims.format;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * The anchors of one token as a primitive open-addressing map, handle to permission set: the hot path of every
 * check is a few array reads, without boxing. Identical sets are stored once. Immutable after construction.
 * It holds THE decision rule of docs/claims.md ({@link #decide}), for the server's check endpoint and for
 * resource servers alike.
 */
public final class AnchorTable {

    public static final AnchorTable EMPTY = new AnchorTable(new long[1], new int[1], new long[0][], 0);

    /** Handles, 0 marking a free slot (handles are positive). */
    private final long[] keys;
    private final int[] setIds;
    private final long[][] sets;
    private final int size;
    private final int mask;

    private AnchorTable(long[] keys, int[] setIds, long[][] sets, int size) {
        this.keys = keys;
        this.setIds = setIds;
        this.sets = sets;
        this.size = size;
        this.mask = keys.length - 1;
    }

    public static AnchorTable of(CompactPermissions permissions) {
        int count = 0;
        for (long ignored : permissions.anchorHandles()) {
            count++;
        }
        if (count == 0) {
            return EMPTY;
        }
        int capacity = Integer.highestOneBit(Math.max(2, count) * 2 - 1) << 1; // load factor <= 1/2
        long[] keys = new long[capacity];
        int[] setIds = new int[capacity];
        Map<BitSet, Integer> distinct = new HashMap<>();
        List<long[]> sets = new ArrayList<>();
        for (long handle : permissions.anchorHandles()) {
            BitSet bits = permissions.setAt(handle);
            Integer id = distinct.get(bits);
            if (id == null) {
                id = sets.size();
                distinct.put(bits, id);
                sets.add(bits.toLongArray());
            }
            int slot = slot(handle, capacity - 1);
            while (keys[slot] != 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = handle;
            setIds[slot] = id;
        }
        return new AnchorTable(keys, setIds, sets.toArray(new long[0][]), count);
    }

    private static int slot(long handle, int mask) {
        long h = handle * 0x9E3779B97F4A7C15L; // Fibonacci hashing: consecutive handles spread out
        return (int) (h ^ (h >>> 32)) & mask;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** The set id of an anchor, or -1 when the handle is no anchor. */
    public int find(long handle) {
        int slot = slot(handle, mask);
        long key;
        while ((key = keys[slot]) != 0) {
            if (key == handle) {
                return setIds[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Whether the set (a {@link #find} result, not -1) holds the index; negative indexes are never held. */
    public boolean holds(int setId, int index) {
        if (index < 0) {
            return false;
        }
        long[] words = sets[setId];
        int word = index >>> 6;
        return word < words.length && (words[word] & (1L << index)) != 0;
    }

    /**
     * The rule of docs/claims.md: the nearest anchor on the path (the node itself first) decides; none: false.
     *
     * @param path  handles from the root down to the node
     * @param index the permission's catalog index; negative (unknown) is never held
     */
    public boolean decide(HandlePath path, int index) {
        if (index < 0) {
            return false;
        }
        for (int i = path.depth() - 1; i >= 0; i--) {
            int setId = find(path.handleAt(i));
            if (setId >= 0) {
                return holds(setId, index);
            }
        }
        return false;
    }
}
