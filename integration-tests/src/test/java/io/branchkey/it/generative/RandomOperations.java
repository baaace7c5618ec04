package io.branchkey.it.generative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Draws delegated operations, valid and invalid, over every operation of the service layer: what a manager could
 * send, aimed at anything in the world (and now and then at nothing).
 */
final class RandomOperations {

    /** One request; {@code bulk} when the answer is a list with one item whose status decides. */
    record Op(String label, String method, String path, Object body, boolean bulk, String createsIn) {
        @Override
        public String toString() {
            return label + ": " + method + " " + path + (body == null ? "" : " " + body);
        }
    }

    private final GenerativeWorld w;
    private final Random random;
    private final RealmSnapshot now;
    /** Where the caller holds anything, and who belongs there: three draws in four aim inside. */
    private final Set<String> reach;
    private final List<Supplier<Op>> kinds = new ArrayList<>();

    RandomOperations(GenerativeWorld w, RealmSnapshot now, String caller) {
        this.w = w;
        this.random = w.random;
        this.now = now;
        this.reach = now.reachOf(caller);
        kinds.addAll(List.of(this::grant, this::grant, this::revoke, this::bulkGrant, this::bulkRevoke, this::addMember,
                this::removeMember, this::bulkMembership, this::setHome, this::clearHome, this::updateUser,
                this::switchUser, this::terminate, this::invite, this::createNode, this::updateNode, this::moveNode,
                this::moveNode, this::createGroup, this::updateGroup, this::deleteGroup, this::enroll, this::deviceOp,
                this::pinOp, this::overrideRule, this::pinSettings, this::read));
    }

    Op next() {
        return kinds.get(random.nextInt(kinds.size())).get();
    }

    // ---- what an operation is aimed at: mostly inside the caller's reach, sometimes anywhere, now and then nothing

    private String node() {
        return random.nextInt(20) == 0 ? "no-such-node" : aimed(alive(w.nodes, now.nodes.keySet()), reach::contains);
    }

    private String location() {
        return aimed(alive(w.locations, now.nodes.keySet()), reach::contains);
    }

    private String user() {
        return random.nextInt(20) == 0 ? "no-such-user" : aimed(alive(w.users, now.users.keySet()),
                u -> now.belongingOf(u).stream().anyMatch(reach::contains));
    }

    private String group() {
        List<String> groups = alive(w.groups, now.groups.keySet());
        return groups.isEmpty() || random.nextInt(20) == 0 ? "no-such-group" : w.pick(groups);
    }

    private String grantId() {
        Map<String, String> nodeOf = new java.util.HashMap<>();
        now.grants.forEach(g -> nodeOf.put(g.get("id").asText(), g.get("nodeId").asText()));
        List<String> grants = alive(w.grants, nodeOf.keySet());
        return grants.isEmpty() || random.nextInt(20) == 0 ? "no-such-grant" : aimed(grants, g -> reach.contains(nodeOf.get(g)));
    }

    private String device() {
        List<String> devices = alive(w.devices, now.users.keySet());
        return devices.isEmpty() || random.nextInt(20) == 0 ? "no-such-device"
                : aimed(devices, d -> now.belongingOf(d).stream().anyMatch(reach::contains));
    }

    /** Three times in four one of the ids that pass (when any does), otherwise any. */
    private String aimed(List<String> ids, java.util.function.Predicate<String> inside) {
        List<String> preferred = ids.stream().filter(inside).toList();
        return random.nextInt(4) > 0 && !preferred.isEmpty() ? w.pick(preferred) : w.pick(ids);
    }

    /** The ids of the list that still exist, in the list's (creation) order. */
    private static List<String> alive(List<String> ids, java.util.Collection<String> existing) {
        List<String> alive = ids.stream().filter(existing::contains).toList();
        return alive.isEmpty() ? ids : alive;
    }

    private Map<String, Object> grantBody() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("userId", user(), "nodeId", node(), "roleGroupId", group()));
        body.putAll(w.randomWindow());
        return body;
    }

    // ---- the operations

    private Op grant() {
        return new Op("grant", "POST", "grants", grantBody(), false, null);
    }

    private Op revoke() {
        return new Op("revoke", "DELETE", "grants/" + grantId(), null, false, null);
    }

    private Op bulkGrant() {
        return new Op("bulk grant", "POST", "grants/bulk", Map.of("grant", List.of(grantBody())), true, null);
    }

    private Op bulkRevoke() {
        return new Op("bulk revoke", "POST", "grants/bulk", Map.of("revoke", List.of(grantId())), true, null);
    }

    private Op addMember() {
        return new Op("add member", "PUT", "nodes/" + node() + "/users/" + user(), null, false, null);
    }

    private Op removeMember() {
        return new Op("remove member", "DELETE", "nodes/" + node() + "/users/" + user(), null, false, null);
    }

    private Op bulkMembership() {
        return new Op("bulk membership", "POST", "grants/bulk-memberships", Map.of("userIds", List.of(user()),
                "nodeIds", List.of(node()), "remove", random.nextBoolean()), true, null);
    }

    private Op setHome() {
        return new Op("set home account", "PUT", "users/" + user() + "/home-account", Map.of("nodeId", node()), false, null);
    }

    private Op clearHome() {
        return new Op("clear home account", "DELETE", "users/" + user() + "/home-account", null, false, null);
    }

    private Op updateUser() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            body.put("email", w.nextName("mail") + "@example.org");
        }
        body.put("lastName", w.nextName("name"));
        return new Op("update user", "PUT", "users/" + user(), body, false, null);
    }

    private Op switchUser() {
        return new Op("switch user", "PUT", "users/" + user(), Map.of("enabled", random.nextInt(3) > 0 ? false : true), false, null);
    }

    private Op terminate() {
        return new Op("terminate", "POST", "users/" + user() + "/terminate", null, false, null);
    }

    private Op invite() {
        String home = random.nextInt(10) == 0 ? node() : aimed(w.accounts, reach::contains);
        return new Op("invite", "POST", "users", Map.of("username", w.nextName("invitee"), "homeAccountId", home), false, "users");
    }

    private Op createNode() {
        String kind = w.pick(List.of("LOCATION", "REGION", "ACCOUNT"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        // mostly below a node that may have children
        body.put("parentId", random.nextInt(4) == 0 ? node() : aimed(alive(w.nodes, now.nodes.keySet()).stream()
                .filter(n -> now.kindOf(n) != io.branchkey.tenancy.NodeKind.LOCATION).toList(), reach::contains));
        String name = w.nextName("new-" + kind.toLowerCase());
        body.put("name", name);
        if (kind.equals("LOCATION")) {
            body.put("code", name.toUpperCase());
        }
        return new Op("create node", "POST", "nodes", body, false, kind.equals("LOCATION") ? "locations" : "nodes");
    }

    private Op updateNode() {
        String node = node();
        var row = now.nodes.get(node);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", w.nextName("renamed"));
        if (row != null && RealmSnapshot.text(row, "code") != null) {
            body.put("code", row.get("code").asText());
        }
        if (random.nextBoolean()) {
            body.put("status", random.nextBoolean() ? "SUSPENDED" : "ACTIVE");
        }
        return new Op("update node", "PUT", "nodes/" + node, body, false, null);
    }

    private Op moveNode() {
        return new Op("move node", "POST", "nodes/" + node() + "/move", Map.of("parentId", node()), false, null);
    }

    private Op createGroup() {
        return new Op("create role group", "POST", "role-groups", Map.of("ownerNodeId", aimed(w.owners, reach::contains),
                "name", w.nextName("own-group"), "permissions", w.randomKeys(1 + random.nextInt(6))), false, "groups");
    }

    private Op updateGroup() {
        return new Op("update role group", "PUT", "role-groups/" + group(), Map.of("name", w.nextName("edited-group"),
                "permissions", w.randomKeys(1 + random.nextInt(6))), false, null);
    }

    private Op deleteGroup() {
        return new Op("delete role group", "DELETE", "role-groups/" + group(), null, false, null);
    }

    private Op enroll() {
        return new Op("enroll device", "POST", "devices/enrollments", Map.of("locationId", location(),
                "type", w.pick(w.deviceTypes)), false, null);
    }

    private Op deviceOp() {
        String device = device();
        return switch (random.nextInt(5)) {
            case 0 -> new Op("rename device", "PUT", "devices/" + device, Map.of("name", w.nextName("device")), false, null);
            case 1 -> new Op("disable device", "POST", "devices/" + device + "/disable", null, false, null);
            case 2 -> new Op("enable device", "POST", "devices/" + device + "/enable", null, false, null);
            case 3 -> new Op("unlock device", "POST", "devices/" + device + "/unlock", null, false, null);
            default -> new Op("delete device", "DELETE", "devices/" + device, null, false, null);
        };
    }

    private Op pinOp() {
        String user = user();
        return switch (random.nextInt(3)) {
            case 0 -> new Op("generate PIN", "POST", "users/" + user + "/pin/generate", null, false, null);
            case 1 -> new Op("reset PIN", "DELETE", "users/" + user + "/pin", null, false, null);
            default -> new Op("unlock PIN", "POST", "users/" + user + "/pin/unlock", null, false, null);
        };
    }

    private Op overrideRule() {
        String node = node();
        return random.nextBoolean()
                ? new Op("set override rule", "PUT", "nodes/" + node + "/override-rules/return", Map.of("required", random.nextBoolean()), false, null)
                : new Op("remove override rule", "DELETE", "nodes/" + node + "/override-rules/return", null, false, null);
    }

    private Op pinSettings() {
        return new Op("PIN settings", "PUT", "nodes/" + node() + "/pin-settings",
                Map.of("mode", random.nextBoolean() ? "PIN_ONLY" : "TILE_AND_PIN"), false, null);
    }

    private Op read() {
        String user = user();
        String node = node();
        return switch (random.nextInt(6)) {
            case 0 -> new Op("read user", "GET", "users/" + user, null, false, null);
            case 1 -> new Op("read tenancy", "GET", "users/" + user + "/tenancy", null, false, null);
            case 2 -> new Op("read grants", "GET", "users/" + user + "/access/grants", null, false, null);
            case 3 -> new Op("read subtree", "GET", "nodes/" + node + "/subtree", null, false, null);
            case 4 -> new Op("read audit", "GET", "audit?nodeId=" + node, null, false, null);
            default -> new Op("read permissions", "GET", "users/" + user + "/access/permissions?nodeId=" + node, null, false, null);
        };
    }
}
