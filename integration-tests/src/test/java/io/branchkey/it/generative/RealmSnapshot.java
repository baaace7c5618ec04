package io.branchkey.it.generative;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.branchkey.access.EffectivePermissionRule;
import io.branchkey.access.GrantWindow;
import io.branchkey.access.GrantedRoleGroup;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.tenancy.NodeKind;

/**
 * A realm's whole Branchkey state at one instant (read by the test-only state probe), and what it means: every
 * user's effective permissions at every node, computed with the product's own rule (EffectivePermissionRule, unit
 * tested on its own) from the grants, role groups and tree of the snapshot.
 */
final class RealmSnapshot {

    final JsonNode raw;
    final Map<String, JsonNode> nodes = new LinkedHashMap<>();
    final Map<String, JsonNode> users = new LinkedHashMap<>();
    final Map<String, JsonNode> groups = new LinkedHashMap<>();
    final List<JsonNode> grants = new ArrayList<>();
    private final PermissionCatalog catalog;
    private final long now;
    private final Map<String, Set<String>> effective = new HashMap<>();

    RealmSnapshot(JsonNode raw, PermissionCatalog catalog, long now) {
        this.raw = raw;
        this.catalog = catalog;
        this.now = now;
        raw.get("nodes").forEach(n -> nodes.put(n.get("id").asText(), n));
        raw.get("users").forEach(u -> users.put(u.get("id").asText(), u));
        raw.get("roleGroups").forEach(g -> groups.put(g.get("id").asText(), g));
        raw.get("grants").forEach(grants::add);
    }

    String parentOf(String nodeId) {
        JsonNode node = nodes.get(nodeId);
        return node == null ? null : text(node, "parentId");
    }

    NodeKind kindOf(String nodeId) {
        return NodeKind.valueOf(nodes.get(nodeId).get("kind").asText());
    }

    /** The node and its ancestors. */
    List<String> pathOf(String nodeId) {
        List<String> path = new ArrayList<>();
        for (String at = nodeId; at != null && path.size() < 100; at = parentOf(at)) {
            path.add(at);
        }
        return path;
    }

    /** The user's effective permissions at the node: the product's rule over the snapshot's grants on its path. */
    Set<String> effective(String userId, String nodeId) {
        return effective.computeIfAbsent(userId + "@" + nodeId, key -> {
            if (!nodes.containsKey(nodeId)) {
                return Set.of();
            }
            Set<String> path = Set.copyOf(pathOf(nodeId));
            List<GrantedRoleGroup> reaching = new ArrayList<>();
            for (JsonNode grant : grants) {
                String at = grant.get("nodeId").asText();
                JsonNode group = groups.get(grant.get("roleGroupId").asText());
                if (grant.get("userId").asText().equals(userId) && path.contains(at) && group != null) {
                    BitSet bits = new BitSet();
                    group.get("permissions").forEach(p -> bits.set(catalog.get(p.asText()).index()));
                    reaching.add(new GrantedRoleGroup(kindOf(at), new GrantWindow(longOrNull(grant.get("startsAt")),
                            longOrNull(grant.get("endsAt"))), bits));
                }
            }
            return new TreeSet<>(EffectivePermissionRule.resolve(catalog, reaching, now).permissions().keys(catalog));
        });
    }

    /** Nodes where the user holds anything: their reach. */
    Set<String> reachOf(String userId) {
        return nodes.keySet().stream().filter(n -> !effective(userId, n).isEmpty()).collect(Collectors.toSet());
    }

    /** The nodes the user belongs to: home account and memberships. */
    Set<String> belongingOf(String userId) {
        JsonNode user = users.get(userId);
        Set<String> belonging = new TreeSet<>();
        if (user == null) {
            return belonging;
        }
        // A device is a user of its own, at its location.
        raw.get("devices").forEach(d -> {
            if (d.get("id").asText().equals(userId)) {
                belonging.add(d.get("locationId").asText());
            }
        });
        if (text(user, "homeAccountId") != null) {
            belonging.add(text(user, "homeAccountId"));
        }
        user.path("memberOf").forEach(n -> belonging.add(n.asText()));
        return belonging;
    }

    boolean isEnabled(String userId) {
        JsonNode user = users.get(userId);
        return user != null && user.get("enabled").asBoolean();
    }

    /** Enabled users holding the permission at the node. */
    Set<String> holders(String nodeId, String permission) {
        return users.keySet().stream().filter(this::isEnabled)
                .filter(u -> effective(u, nodeId).contains(permission)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Everything stored at a node: its row, grants, members, devices, override rules, PIN mode, owned groups. */
    String atNode(String nodeId) {
        StringBuilder out = new StringBuilder();
        out.append(nodes.get(nodeId)).append('\n');
        grants.stream().filter(g -> g.get("nodeId").asText().equals(nodeId)).map(JsonNode::toString).sorted()
                .forEach(g -> out.append(g).append('\n'));
        users.values().stream().filter(u -> u.path("memberOf").toString().contains("\"" + nodeId + "\"")
                        || nodeId.equals(text(u, "homeAccountId")))
                .map(u -> "member " + u.get("id").asText() + (nodeId.equals(text(u, "homeAccountId")) ? " (home)" : ""))
                .sorted().forEach(m -> out.append(m).append('\n'));
        raw.get("devices").forEach(d -> {
            if (d.get("locationId").asText().equals(nodeId)) {
                out.append(d).append('\n');
            }
        });
        out.append(raw.get("overrideRules").get(nodeId)).append('\n').append(raw.get("pinModes").get(nodeId)).append('\n');
        groups.values().stream().filter(g -> nodeId.equals(text(g, "ownerNodeId"))).map(JsonNode::toString)
                .sorted().forEach(g -> out.append(g).append('\n'));
        return out.toString();
    }

    /**
     * A user's own data: names, email, enabled, PIN, home and memberships. (Grants belong to the node they are made
     * at: revoking a grant at one's own store concerns that store, whoever holds it.)
     */
    String ofUser(String userId) {
        return Objects.toString(users.get(userId));
    }

    /** A user's data and every grant they hold, wherever. */
    String ofUserWithGrants(String userId) {
        return ofUser(userId) + "\n" + grants.stream().filter(g -> g.get("userId").asText().equals(userId))
                .map(JsonNode::toString).sorted().collect(Collectors.joining("\n"));
    }

    String templates() {
        return groups.values().stream().filter(g -> text(g, "ownerNodeId") == null).map(JsonNode::toString).sorted()
                .collect(Collectors.joining("\n"));
    }

    /** A text member, or null when it is null or absent (the server's JSON leaves nulls out). */
    static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Long longOrNull(JsonNode value) {
        return value == null || value.isNull() ? null : value.asLong();
    }
}
