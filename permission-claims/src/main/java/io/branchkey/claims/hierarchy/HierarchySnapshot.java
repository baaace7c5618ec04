package io.branchkey.claims.hierarchy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fixed copy of the tenant tree: the content of the whole-hierarchy document
 * ({@code {"version", "nodes": [[handle, parentHandle or 0, "KIND", "id"], ...]}}) with every node's path computed
 * once. Immutable; usable directly as a {@link NodeAncestry} (for tests, or an application that ships the tree).
 */
public final class HierarchySnapshot implements NodeAncestry {

    /** One row of the document. {@code parentHandle} is 0 for a root. */
    public record Node(long handle, long parentHandle, String kind, String id) {
        public Node {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
        }
    }

    private final String version;
    private final Map<String, NodePath> byId;

    private HierarchySnapshot(String version, Map<String, NodePath> byId) {
        this.version = version;
        this.byId = byId;
    }

    /**
     * @param version the document's version (its ETag), may be null
     * @param nodes every node once; parents must be among them
     * @throws IllegalArgumentException for duplicate handles or ids, non-positive handles, a missing parent, a cycle or
     *         a path deeper than {@link NodePath#MAX_DEPTH}
     */
    public static HierarchySnapshot of(String version, Collection<Node> nodes) {
        Map<Long, Node> byHandle = new HashMap<>();
        for (Node node : nodes) {
            if (node.handle() <= 0 || node.parentHandle() < 0) {
                throw new IllegalArgumentException("handles are positive: " + node);
            }
            if (byHandle.put(node.handle(), node) != null) {
                throw new IllegalArgumentException("handle " + node.handle() + " appears twice");
            }
        }
        Map<Long, long[]> paths = new HashMap<>();
        Map<String, NodePath> byId = new HashMap<>();
        for (Node node : nodes) {
            long[] path = pathOf(node, byHandle, paths);
            if (byId.put(node.id(), NodePath.of(node.id(), node.kind(), path)) != null) {
                throw new IllegalArgumentException("id " + node.id() + " appears twice");
            }
        }
        return new HierarchySnapshot(version, Map.copyOf(byId));
    }

    /** The path of a node, computed iteratively (deep trees must not overflow the stack) and memoized. */
    private static long[] pathOf(Node node, Map<Long, Node> byHandle, Map<Long, long[]> memo) {
        List<Node> chain = new ArrayList<>();
        Node current = node;
        long[] known = null;
        while (current != null) {
            known = memo.get(current.handle());
            if (known != null) {
                break;
            }
            chain.add(current);
            if (chain.size() > NodePath.MAX_DEPTH) {
                // also ends any cycle
                throw new IllegalArgumentException("the path of handle " + node.handle() + " is a cycle or deeper than "
                        + NodePath.MAX_DEPTH + " levels");
            }
            if (current.parentHandle() == 0) {
                break;
            }
            Node parent = byHandle.get(current.parentHandle());
            if (parent == null) {
                throw new IllegalArgumentException("parent " + current.parentHandle() + " of " + current.handle()
                        + " is missing");
            }
            current = parent;
        }
        long[] prefix = known == null ? new long[0] : known;
        if (prefix.length + chain.size() > NodePath.MAX_DEPTH) {
            throw new IllegalArgumentException("the path of handle " + node.handle() + " is deeper than "
                    + NodePath.MAX_DEPTH + " levels");
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            long[] path = Arrays.copyOf(prefix, prefix.length + 1);
            path[prefix.length] = chain.get(i).handle();
            memo.put(chain.get(i).handle(), path);
            prefix = path;
        }
        return prefix;
    }

    /** The document's version, or null when it had none. */
    public String version() {
        return version;
    }

    public int size() {
        return byId.size();
    }

    @Override
    public NodePath pathOf(String nodeId) {
        return nodeId == null ? null : byId.get(nodeId);
    }
}
