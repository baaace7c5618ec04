package io.branchkey.access;

import java.util.BitSet;

/**
 * A named bundle of permissions.
 *
 * @param ownerNodeId null for a realm-wide template; otherwise the account (or partner) that owns it and in whose
 *                    subtree alone it can be seen and granted
 * @param source      the template system it came from (klicktrack, deliverect, …), or null
 * @param permissions catalog indexes
 */
public record RoleGroup(String id, String ownerNodeId, String name, String description, String source,
                        BitSet permissions, long createdAt, long updatedAt) {

    public RoleGroup {
        permissions = (BitSet) permissions.clone();
    }

    public boolean isTemplate() {
        return ownerNodeId == null;
    }

    @Override
    public BitSet permissions() {
        return (BitSet) permissions.clone();
    }
}
