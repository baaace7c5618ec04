package io.branchkey.access;

import io.branchkey.tenancy.NodeKind;

/**
 * What a token is issued for (docs/claims.md): one location, one account and everything below it, or everything
 * the user's grants reach.
 *
 * @param nodeId the location or account, null for {@link Type#ALL}
 */
public record AccessScope(Type type, String nodeId) {

    public enum Type {
        LOCATION, ACCOUNT, ALL;

        /** The node kind a scope of this type names, or null for ALL. */
        public NodeKind nodeKind() {
            return switch (this) {
                case LOCATION -> NodeKind.LOCATION;
                case ACCOUNT -> NodeKind.ACCOUNT;
                case ALL -> null;
            };
        }
    }

    public static final AccessScope ALL = new AccessScope(Type.ALL, null);

    public AccessScope {
        if (type == null || (type == Type.ALL) != (nodeId == null)) {
            throw new IllegalArgumentException("a LOCATION or ACCOUNT scope names a node, ALL none");
        }
    }

    public static AccessScope location(String nodeId) {
        return new AccessScope(Type.LOCATION, nodeId);
    }

    public static AccessScope account(String nodeId) {
        return new AccessScope(Type.ACCOUNT, nodeId);
    }
}
