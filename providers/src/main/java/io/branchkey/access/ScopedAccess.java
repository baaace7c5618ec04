package io.branchkey.access;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A user's permissions over an {@link AccessScope}, in the anchor form of docs/claims.md: the permissions at any
 * node are those of its nearest anchor on the way to the root, none without one.
 *
 * @param anchors        node id to the effective permission indexes there; anchors whose set equals that of their
 *                       nearest anchor above are already left out
 * @param roleGroups     names of the role groups in force at the scope's node, sorted (empty for ALL)
 * @param partner        whether a grant in force sits at a PARTNER node
 * @param validUntil     when this stops being true because a grant window opens or closes (epoch millis)
 */
public record ScopedAccess(AccessScope scope, long catalogVersion, Map<String, BitSet> anchors,
                           List<String> roleGroups, boolean partner, long validUntil) {

    public ScopedAccess {
        anchors = Map.copyOf(anchors);
        roleGroups = List.copyOf(roleGroups);
    }

    /** Whether the user holds anything anywhere in the scope. */
    public boolean isEmpty() {
        return anchors.values().stream().allMatch(BitSet::isEmpty);
    }
}
