package io.branchkey.access;

import java.util.BitSet;

import io.branchkey.tenancy.NodeKind;

/**
 * What the resolution rule needs to know about one grant that reaches a node: the kind of node it was made at,
 * its window, and the catalog indexes of its role group's permissions.
 */
public record GrantedRoleGroup(NodeKind grantedAt, GrantWindow window, BitSet permissions) {
}
