package io.branchkey.tenancy;

/**
 * Optional filters for node listings; a null member means "any".
 *
 * @param text     case-insensitive substring of the name or the code
 * @param maxDepth for subtree listings: the deepest level to include, relative to the subtree's root
 */
public record NodeFilter(NodeKind kind, NodeStatus status, String text, Integer maxDepth) {

    public static final NodeFilter NONE = new NodeFilter(null, null, null, null);
}
