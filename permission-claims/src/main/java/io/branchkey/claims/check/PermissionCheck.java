package io.branchkey.claims.check;

import java.util.Objects;

/**
 * One question for the check endpoint: may the token's subject use this permission at this node?
 *
 * @param permission the catalog key, not null
 * @param nodeId the node's id, not null
 */
public record PermissionCheck(String permission, String nodeId) {

    public PermissionCheck {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(nodeId, "nodeId");
    }
}
