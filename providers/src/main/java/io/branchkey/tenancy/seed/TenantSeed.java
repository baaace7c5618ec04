package io.branchkey.tenancy.seed;

import java.util.List;
import java.util.Map;

import io.branchkey.tenancy.NodeAddress;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;

/**
 * A seed file: a realm's tree, nested, plus home accounts and memberships by username and node code.
 */
record TenantSeed(String realm, List<SeedNode> nodes, Map<String, String> homeAccounts,
                  Map<String, List<String>> members) {

    TenantSeed {
        nodes = nodes == null ? List.of() : nodes;
        homeAccounts = homeAccounts == null ? Map.of() : homeAccounts;
        members = members == null ? Map.of() : members;
    }

    record SeedNode(NodeKind kind, String name, String code, NodeStatus status, String timezone, NodeAddress address,
                    Map<String, String> externalIds, List<SeedNode> children) {

        SeedNode {
            children = children == null ? List.of() : children;
        }
    }
}
