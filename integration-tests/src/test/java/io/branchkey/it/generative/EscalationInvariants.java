package io.branchkey.it.generative;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold after every delegated operation, checked against the snapshots before and after it. Each method
 * returns the violations it finds (empty when the invariant holds).
 */
final class EscalationInvariants {

    static final String ROLE_MANAGER = "users.update-roles";

    private final RealmSnapshot before;
    private final RealmSnapshot after;
    private final String caller;
    private final Set<String> keycloakAdmins;

    EscalationInvariants(RealmSnapshot before, RealmSnapshot after, String caller, Set<String> keycloakAdmins) {
        this.before = before;
        this.after = after;
        this.caller = caller;
        this.keycloakAdmins = keycloakAdmins;
    }

    List<String> check(boolean refused) {
        List<String> violations = new ArrayList<>();
        if (refused) {
            violations.addAll(refusedChangedNothing());
        }
        violations.addAll(noPermissionBeyondTheCallers());
        violations.addAll(nothingOutsideReachChanged());
        violations.addAll(everyAccountKeepsARoleManager());
        violations.addAll(noKeycloakAdminTouched());
        return violations;
    }

    /** 3. A refused operation changed nothing at all. */
    List<String> refusedChangedNothing() {
        return before.raw.equals(after.raw) ? List.of() : List.of("a refused operation changed the realm: " + diff());
    }

    /**
     * 1. No user holds, at any node, a permission the caller did not hold there before the operation. A node that
     * is new is judged by its parent, whose grants are all it inherits; a node that moved, by where it was and by its
     * new parent, whose grants it now inherits.
     */
    List<String> noPermissionBeyondTheCallers() {
        List<String> violations = new ArrayList<>();
        for (String user : after.users.keySet()) {
            for (String node : after.nodes.keySet()) {
                boolean existed = before.nodes.containsKey(node);
                String judgedAt = existed ? node : after.parentOf(node);
                Set<String> gained = new TreeSet<>(after.effective(user, node));
                gained.removeAll(judgedAt == null ? Set.of() : before.effective(user, judgedAt));
                gained.removeAll(judgedAt == null ? Set.of() : before.effective(caller, judgedAt));
                String newAnchor = existed ? unmovedAncestor(node) : null;
                if (newAnchor != null) {
                    gained.removeAll(before.effective(caller, newAnchor));
                }
                if (!gained.isEmpty()) {
                    violations.add("user " + name(user) + " gained " + gained + " at " + node + ", which the caller did not hold there");
                }
            }
        }
        return violations;
    }

    /**
     * For a node whose path changed (it, or an ancestor, moved): its nearest ancestor whose own path did not, the
     * new parent of what moved. Null for a node that did not move.
     */
    private String unmovedAncestor(String node) {
        if (before.pathOf(node).equals(after.pathOf(node))) {
            return null;
        }
        for (String ancestor : after.pathOf(node)) {
            if (!ancestor.equals(node) && before.nodes.containsKey(ancestor)
                    && before.pathOf(ancestor).equals(after.pathOf(ancestor))) {
                return ancestor;
            }
        }
        return null;
    }

    /** 2. Nothing outside the caller's reach (before the operation) changed: no node's data, no user's. */
    List<String> nothingOutsideReachChanged() {
        List<String> violations = new ArrayList<>();
        Set<String> reach = before.reachOf(caller);
        for (String node : before.nodes.keySet()) {
            if (!reach.contains(node) && !before.atNode(node).equals(after.nodes.containsKey(node) ? after.atNode(node) : "")) {
                violations.add("node " + node + " outside the caller's reach changed:\n  before " + before.atNode(node)
                        + "  after  " + (after.nodes.containsKey(node) ? after.atNode(node) : "(gone)"));
            }
        }
        for (String node : after.nodes.keySet()) {
            if (!before.nodes.containsKey(node) && !reach.contains(after.parentOf(node))) {
                violations.add("node " + node + " was created outside the caller's reach");
            }
        }
        for (String user : before.users.keySet()) {
            boolean inReach = before.belongingOf(user).stream().anyMatch(reach::contains);
            if (!inReach && !before.ofUser(user).equals(after.ofUser(user))) {
                violations.add("user " + name(user) + " outside the caller's reach changed:\n  before " + before.ofUser(user)
                        + "\n  after  " + after.ofUser(user));
            }
        }
        if (!before.templates().equals(after.templates())) {
            violations.add("a template changed");
        }
        return violations;
    }

    /** 4. Every account (or partner) that had an enabled role manager still has one. */
    List<String> everyAccountKeepsARoleManager() {
        List<String> violations = new ArrayList<>();
        for (String node : before.nodes.keySet()) {
            String kind = before.nodes.get(node).get("kind").asText();
            if ((kind.equals("ACCOUNT") || kind.equals("PARTNER")) && !before.holders(node, ROLE_MANAGER).isEmpty()
                    && after.nodes.containsKey(node) && after.holders(node, ROLE_MANAGER).isEmpty()) {
                violations.add(kind + " " + node + " lost its last role manager");
            }
        }
        return violations;
    }

    /** 5. No Keycloak administrator was touched by a delegated caller. */
    List<String> noKeycloakAdminTouched() {
        List<String> violations = new ArrayList<>();
        for (String admin : keycloakAdmins) {
            if (!before.ofUserWithGrants(admin).equals(after.ofUserWithGrants(admin))) {
                violations.add("Keycloak administrator " + name(admin) + " changed:\n  before " + before.ofUserWithGrants(admin)
                        + "\n  after  " + after.ofUserWithGrants(admin));
            }
        }
        return violations;
    }

    private String name(String userId) {
        var user = after.users.containsKey(userId) ? after.users.get(userId) : before.users.get(userId);
        return user == null ? userId : user.get("username").asText();
    }

    private String diff() {
        List<String> changed = new ArrayList<>();
        after.raw.fieldNames().forEachRemaining(field -> {
            if (!after.raw.get(field).equals(before.raw.get(field))) {
                changed.add(field);
            }
        });
        return "changed " + changed;
    }
}
