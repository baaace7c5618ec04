package io.branchkey.tenancy;

/**
 * A node's place in the tree without any of its attributes: what resource servers need to walk from a node to
 * the root (docs/claims.md).
 *
 * @param parentHandle the parent's handle, 0 for a root
 */
public record NodeOutline(String id, long handle, long parentHandle, NodeKind kind) {
}
