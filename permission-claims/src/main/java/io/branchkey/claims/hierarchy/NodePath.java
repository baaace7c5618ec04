package io.branchkey.claims.hierarchy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import io.branchkey.claims.format.HandlePath;

/**
 * A node of the tenant tree with the handles on its path from the root down to itself (docs/claims.md, hierarchy
 * endpoint). Immutable.
 */
public final class NodePath implements HandlePath {

    /** Far deeper than any tenant tree (partner, account, regions, location); bounds what a bad answer can cost. */
    public static final int MAX_DEPTH = 1_000;

    private final String id;
    private final String kind;
    private final long[] handles;

    private NodePath(String id, String kind, long[] handles) {
        this.id = id;
        this.kind = kind;
        this.handles = handles;
    }

    /**
     * @param id the node id, not null
     * @param kind the node kind as the server names it (LOCATION, ACCOUNT, ...), not null
     * @param rootToSelf the handles from the root down to the node itself: not empty, all positive, each once; copied
     * @throws IllegalArgumentException if any of that does not hold
     */
    public static NodePath of(String id, String kind, long... rootToSelf) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (rootToSelf == null || rootToSelf.length == 0) {
            throw new IllegalArgumentException("a path has at least the node itself");
        }
        if (rootToSelf.length > MAX_DEPTH) {
            throw new IllegalArgumentException("a path deeper than " + MAX_DEPTH + " levels");
        }
        long[] copy = rootToSelf.clone();
        Set<Long> seen = new HashSet<>();
        for (long handle : copy) {
            if (handle <= 0) {
                throw new IllegalArgumentException("handles are positive");
            }
            if (!seen.add(handle)) {
                throw new IllegalArgumentException("handle " + handle + " appears twice on a path");
            }
        }
        return new NodePath(id, kind, copy);
    }

    public String id() {
        return id;
    }

    /** The node's own handle (the last on the path). */
    public long handle() {
        return handles[handles.length - 1];
    }

    public String kind() {
        return kind;
    }

    /** Number of nodes on the path, the node itself included (1 for a root). */
    @Override
    public int depth() {
        return handles.length;
    }

    /** The handle at a position: 0 is the root, {@code depth() - 1} the node itself. */
    @Override
    public long handleAt(int position) {
        return handles[position];
    }

    /** A copy of the path's handles, root first. */
    public long[] handles() {
        return handles.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodePath other && id.equals(other.id) && kind.equals(other.kind)
                && Arrays.equals(handles, other.handles);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(handles);
    }

    @Override
    public String toString() {
        return "NodePath[" + id + " " + kind + " " + Arrays.toString(handles) + "]";
    }
}
