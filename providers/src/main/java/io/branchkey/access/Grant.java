package io.branchkey.access;

/**
 * A user holds a role group at a node and everywhere below it, within the window.
 *
 * @param grantedBy id of the user who made the grant (a realm admin or a delegated manager), or null for the system
 */
public record Grant(String id, String userId, String nodeId, String roleGroupId, GrantWindow window,
                    String grantedBy, long grantedAt) {
}
