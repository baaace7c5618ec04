package io.branchkey.admin.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.GrantedRoleGroup;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.common.BranchkeyException;
import io.branchkey.override.OverridePolicyProvider;
import io.branchkey.tenancy.NodeFilter;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.events.admin.OperationType;

/** The tenant tree: reading it within reach, and changing it where the caller holds the rights. */
public final class NodeService {

    private final Caller caller;
    private final TenantTreeProvider tree;

    public NodeService(Caller caller) {
        this.caller = caller;
        this.tree = caller.session().getProvider(TenantTreeProvider.class);
    }

    public TenantNodeModel get(String id) {
        return caller.node(id, "id", Right.SEE_NODE);
    }

    /** A node by its code; one out of reach is as unknown as a made-up code. */
    public TenantNodeModel byCode(String code) {
        TenantNodeModel node = code == null ? null : tree.getNodeByCode(caller.realm(), code);
        if (node == null || !caller.sees(node.getId())) {
            throw BranchkeyException.notFound("code", "no node with code " + code);
        }
        return caller.node(node.getId(), "code", Right.SEE_NODE);
    }

    /** The whole realm's nodes that match. */
    public Stream<TenantNodeModel> search(NodeFilter filter, int first, int max) {
        caller.requireRealmRight(Right.READ_REALM_ADMIN, "search the whole realm");
        return tree.searchNodes(caller.realm(), filter, first, max);
    }

    /**
     * The top of what the caller sees: the realm's roots for a realm admin; for anyone else the nodes of their
     * grants that no other grant of theirs is above.
     */
    public List<TenantNodeModel> roots(int first, int max) {
        if (caller.isRealmAdmin()) {
            caller.requireRealmRight(Right.READ_REALM_SETTINGS, "list the roots");
            return tree.getRoots(caller.realm(), first, max).toList();
        }
        Set<String> grantNodes = new HashSet<>();
        caller.session().getProvider(GrantProvider.class).ofUser(caller.realm(), caller.id()).stream()
                .map(Grant::nodeId).filter(caller::sees).forEach(grantNodes::add);
        return grantNodes.stream()
                .filter(id -> tree.getAncestorOrSelfIds(caller.realm(), id).stream()
                        .noneMatch(above -> !above.equals(id) && grantNodes.contains(above)))
                .map(id -> tree.getNode(caller.realm(), id)).filter(Objects::nonNull)
                .sorted(java.util.Comparator.comparing(TenantNodeModel::getName).thenComparing(TenantNodeModel::getId))
                .skip(first).limit(max).toList();
    }

    public Stream<TenantNodeModel> children(String id, int first, int max) {
        TenantNodeModel node = get(id);
        return tree.getChildren(caller.realm(), node.getId(), first, max);
    }

    public Stream<TenantNodeModel> subtree(String id, NodeFilter filter, int first, int max) {
        TenantNodeModel node = get(id);
        return tree.getSubtree(caller.realm(), node.getId(), filter, first, max);
    }

    public long countSubtree(String id, NodeFilter filter) {
        TenantNodeModel node = get(id);
        return tree.countSubtree(caller.realm(), node.getId(), filter);
    }

    /** The path from the root down to the parent, cut to what the caller sees. */
    public List<TenantNodeModel> ancestors(String id) {
        TenantNodeModel node = get(id);
        return tree.getAncestors(caller.realm(), node.getId()).stream().filter(a -> caller.sees(a.getId())).toList();
    }

    public TenantNodeModel create(NodeRepresentation input) {
        if (input.parentId() == null) {
            caller.requireRealmRight(Right.MANAGE_REALM, "create top-level nodes: give parentId, a node you manage");
        }
        // Creating an account under a partner is Deliverect's "Create Account", not a location right.
        TenantNodeModel parent = input.parentId() == null ? null : caller.node(input.parentId(), "parentId",
                input.kind() == NodeKind.ACCOUNT ? Right.CREATE_ACCOUNTS : Right.CREATE_LOCATIONS);
        TenantNodeModel created = tree.createNode(caller.realm(), parent == null ? null : parent.getId(), input.toDraft(null));
        caller.record(Change.of(OperationType.CREATE, Change.NODE, "nodes", created.getId())
                .representation(NodeRepresentation.of(created))
                .audit("NODE_CREATE", created.getId(), null, created.getKind() + " " + created.getName()));
        return created;
    }

    public TenantNodeModel update(String id, NodeRepresentation input) {
        TenantNodeModel node = caller.node(id, "id", Right.UPDATE_LOCATIONS);
        if (input.parentId() != null && !input.parentId().equals(node.getParentId())) {
            throw BranchkeyException.invalid("parentId", "parentId cannot change here: use POST .../move");
        }
        TenantNodeModel updated = tree.updateNode(caller.realm(), node.getId(), input.toDraft(node.getKind()));
        caller.record(Change.of(OperationType.UPDATE, Change.NODE, "nodes", id)
                .representation(NodeRepresentation.of(updated)).audit("NODE_UPDATE", id, null, updated.getName()));
        return updated;
    }

    /**
     * A move needs locations.update at the node, where it is now (its parent) and where it goes; one that takes the
     * node into another account or partner is for realm admins. Checked under the tree's lock, so the node cannot
     * have moved in between.
     */
    public TenantNodeModel move(String id, String parentId) {
        tree.lockStructure(caller.realm());
        TenantNodeModel node = caller.node(id, "id", Right.UPDATE_LOCATIONS);
        if (node.getParentId() != null) {
            requireAtCurrentParent(node);
        }
        if (parentId == null) {
            caller.requireRealmRight(Right.MANAGE_REALM, "make a node a root");
        }
        TenantNodeModel newParent = parentId == null ? null : caller.node(parentId, "parentId", Right.UPDATE_LOCATIONS);
        if (!sameOwners(node, parentId)) {
            caller.requireRealmRight(Right.MANAGE_REALM, "move a node into another account or partner");
        }
        if (newParent != null) {
            List<String> before = node.getParentId() == null ? List.of()
                    : tree.getAncestorOrSelfIds(caller.realm(), node.getParentId());
            List<String> after = tree.getAncestorOrSelfIds(caller.realm(), newParent.getId());
            caller.requireMayShift(node, newParent, grantsAtOnly(after, before), grantsAtOnly(before, after), "NODE_MOVE");
            requireOverridesKept(node, before, after);
        }
        TenantNodeModel moved = caller.keepingRoleManagers(List.of(node.getId()),
                () -> tree.moveNode(caller.realm(), node.getId(), parentId));
        caller.record(Change.of(OperationType.UPDATE, Change.NODE, "nodes", id)
                .representation(NodeRepresentation.of(moved)).audit("NODE_MOVE", id, null, "moved below " + parentId));
        return moved;
    }

    public void delete(String id, boolean cascade) {
        caller.requireRealmRight(Right.MANAGE_REALM, "delete nodes");
        TenantNodeModel node = get(id);
        NodeRepresentation removed = NodeRepresentation.of(node);
        tree.removeNode(caller.realm(), node.getId(), cascade);
        caller.record(Change.of(OperationType.DELETE, Change.NODE, "nodes", id).representation(removed)
                .audit("NODE_DELETE", null, null, node.getKind() + " " + node.getName()));
    }

    private void requireAtCurrentParent(TenantNodeModel node) {
        try {
            caller.node(node.getParentId(), "id", Right.UPDATE_LOCATIONS);
        } catch (BranchkeyException e) {
            throw BranchkeyException.forbidden("id", "you need " + Right.UPDATE_LOCATIONS.permission()
                    + " where the node is now (at its parent) to move it");
        }
    }

    /** The grants (of anyone) at the nodes of {@code path} that are not on {@code other}. */
    private List<GrantedRoleGroup> grantsAtOnly(List<String> path, List<String> other) {
        GrantProvider grants = caller.session().getProvider(GrantProvider.class);
        RoleGroupProvider groups = caller.session().getProvider(RoleGroupProvider.class);
        List<GrantedRoleGroup> result = new ArrayList<>();
        for (String nodeId : path) {
            if (other.contains(nodeId)) {
                continue;
            }
            NodeKind kind = tree.getNode(caller.realm(), nodeId).getKind();
            for (Grant grant : grants.atNode(caller.realm(), nodeId)) {
                RoleGroup group = groups.get(caller.realm(), grant.roleGroupId());
                if (group != null) {
                    result.add(new GrantedRoleGroup(kind, grant.window(), group.permissions()));
                }
            }
        }
        return result;
    }

    /**
     * Override rules are inherited too: a move that takes the node away from rules on its old path, or under rules on
     * its new one, changes its override policy, which needs overrides.manage-policy at the node.
     */
    private void requireOverridesKept(TenantNodeModel node, List<String> before, List<String> after) {
        OverridePolicyProvider overrides = caller.session().getProvider(OverridePolicyProvider.class);
        boolean shifts = java.util.stream.Stream.concat(before.stream().filter(n -> !after.contains(n)),
                        after.stream().filter(n -> !before.contains(n)))
                .anyMatch(n -> !overrides.rulesAt(caller.realm(), n).isEmpty());
        if (shifts) {
            caller.node(node.getId(), "id", Right.MANAGE_OVERRIDE_POLICY);
        }
    }

    /** Whether the node keeps its account and its partner (the nearest of each at or above it) below the new parent. */
    private boolean sameOwners(TenantNodeModel node, String newParentId) {
        List<TenantNodeModel> before = new java.util.ArrayList<>(tree.getAncestors(caller.realm(), node.getId()));
        before.add(node);
        List<TenantNodeModel> after = new java.util.ArrayList<>();
        if (newParentId != null) {
            after.addAll(tree.getAncestors(caller.realm(), newParentId));
            after.add(tree.getNode(caller.realm(), newParentId));
        }
        after.add(node);
        return Objects.equals(nearest(before, NodeKind.ACCOUNT), nearest(after, NodeKind.ACCOUNT))
                && Objects.equals(nearest(before, NodeKind.PARTNER), nearest(after, NodeKind.PARTNER));
    }

    private static String nearest(List<TenantNodeModel> path, NodeKind kind) {
        return path.stream().filter(n -> n.getKind() == kind).map(TenantNodeModel::getId)
                .reduce((first, second) -> second).orElse(null);
    }
}
