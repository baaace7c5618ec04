package io.branchkey.tenancy.seed;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

import io.branchkey.tenancy.NodeAddress;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;

/**
 * A seed file: a realm's tree, nested, plus home accounts and memberships by username and node code, and an
 * {@code access} section (role-group templates and grants) that the access capability reads itself.
 */
record TenantSeed(String realm, List<SeedNode> nodes, Map<String, String> homeAccounts,
                  Map<String, List<String>> members, JsonNode access) {

    TenantSeed {
        nodes = nodes == null ? List.of() : nodes;
        homeAccounts = homeAccounts == null ? Map.of() : homeAccounts;
        members = members == null ? Map.of() : members;
    }

    /** The sections other capabilities read, by name. */
    Map<String, JsonNode> otherSections() {
        return access == null || access.isNull() ? Map.of() : Map.of("access", access);
    }

    record SeedNode(NodeKind kind, String name, String code, NodeStatus status, String timezone, NodeAddress address,
                    Map<String, String> externalIds, List<SeedNode> children) {

        SeedNode {
            children = children == null ? List.of() : children;
        }
    }
}
