package io.branchkey.claims.hierarchy;

/**
 * Where a node sits in the tenant tree: what the permission rule needs to find a node's nearest anchor.
 * Implementations must be thread-safe and should answer from a cache: they are asked on every check.
 *
 * <p>The library ships {@link CachingNodeAncestry} (per-node endpoint, the default), {@link HierarchyDocumentAncestry}
 * (the whole tree, revalidated by ETag) and {@link HierarchySnapshot} (a fixed tree). An application that keeps its
 * own copy of the tree can implement this interface itself.
 */
@FunctionalInterface
public interface NodeAncestry {

    /**
     * @param nodeId the node's id, not null
     * @return the node with its path from the root, or null when there is no such node
     * @throws io.branchkey.claims.BranchkeyUnavailableException when the answer could not be obtained
     */
    NodePath pathOf(String nodeId);
}
