package io.branchkey.admin.service;

import java.util.List;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.GrantWindow;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.PermissionSet;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.admin.service.AccessRepresentations.EffectivePermissionsRepresentation;
import io.branchkey.admin.service.AccessRepresentations.GrantRepresentation;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantNodeModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;

/** Grants of role groups to users at nodes, and what users hold where. */
public final class GrantService {

    private final Caller caller;
    private final GrantProvider grants;

    public GrantService(Caller caller) {
        this.caller = caller;
        this.grants = caller.session().getProvider(GrantProvider.class);
    }

    public record GrantRequest(String userId, String nodeId, String roleGroupId, Long startsAt, Long endsAt) {
    }

    /**
     * Grants a role group at a node (users.update-roles there) to a user in reach: never to oneself, never more
     * than the caller holds there, and never for longer than the caller holds it.
     */
    public Grant grant(GrantRequest request) {
        TenantNodeModel node = caller.node(request.nodeId(), "nodeId", Right.UPDATE_USER_ROLES);
        UserModel user = caller.user(request.userId(), "userId", Right.VIEW_USERS);
        RoleGroup group = grantableAt(request.roleGroupId(), node);
        GrantWindow window = GrantWindow.of(request.startsAt(), request.endsAt());
        caller.requireMayConfer(node, group.permissions(), window, user, "GRANT_CREATE");
        Grant grant = grants.grant(caller.realm(), user.getId(), node.getId(), group.id(), window, caller.id());
        caller.record(Change.of(OperationType.CREATE, Change.GRANT, "grants", grant.id())
                .representation(GrantRepresentation.of(grant))
                .audit("GRANT_CREATE", node.getId(), user.getId(), "grant " + grant.id() + " of role group " + group.name()));
        return grant;
    }

    /**
     * Revokes a grant at a node where the caller holds users.update-roles: only one whose permissions the caller
     * holds there, of a user the caller may act on, and never the last role manager of an account.
     */
    public void revoke(String grantId) {
        Grant grant = visible(grantId, Right.UPDATE_USER_ROLES);
        TenantNodeModel node = caller.node(grant.nodeId(), "grantId", Right.UPDATE_USER_ROLES);
        UserModel user = caller.session().users().getUserById(caller.realm(), grant.userId());
        if (user != null) {
            caller.requireMayActOn(user, Act.IN_REACH, "GRANT_REVOKE");
        }
        RoleGroup group = caller.session().getProvider(RoleGroupProvider.class).get(caller.realm(), grant.roleGroupId());
        if (group != null) {
            caller.requireMayWithdraw(node, group.permissions(), "GRANT_REVOKE", grant.userId());
        }
        caller.keepingRoleManagers(List.of(grant.nodeId()), () -> grants.revoke(caller.realm(), grant.id()));
        caller.record(Change.of(OperationType.DELETE, Change.GRANT, "grants", grant.id())
                .representation(GrantRepresentation.of(grant))
                .audit("GRANT_REVOKE", grant.nodeId(), grant.userId(), "grant " + grant.id()));
    }

    public Grant get(String grantId) {
        return visible(grantId, Right.VIEW_USERS);
    }

    /** The grants made at a node. */
    public List<Grant> atNode(String nodeId) {
        TenantNodeModel node = caller.node(nodeId, "id", Right.VIEW_USERS);
        return grants.atNode(caller.realm(), node.getId());
    }

    /** The user's grants at nodes the caller can see. */
    public List<Grant> ofUser(String userId) {
        UserModel user = caller.user(userId, "userId", Right.VIEW_USERS);
        return grants.ofUser(caller.realm(), user.getId()).stream().filter(g -> caller.sees(g.nodeId())).toList();
    }

    /** The user's effective permissions at a node the caller sees. */
    public EffectivePermissionsRepresentation permissions(String userId, String nodeId) {
        UserModel user = caller.user(userId, "userId", Right.VIEW_USERS);
        TenantNodeModel node = caller.node(nodeId, "nodeId", Right.SEE_NODE);
        PermissionCatalog catalog = catalog();
        PermissionSet effective = access().effectivePermissions(caller.realm(), user.getId(), node.getId());
        return new EffectivePermissionsRepresentation(user.getId(), node.getId(), effective.catalogVersion(),
                effective.keys(catalog));
    }

    /** The nodes (seen by the caller) where the user holds the permission, and so everywhere below them. */
    public List<String> nodesWithPermission(String userId, String key) {
        UserModel user = caller.user(userId, "userId", Right.VIEW_USERS);
        requireKnown(key);
        return access().nodesWithPermission(caller.realm(), user.getId(), key).stream().filter(caller::sees).toList();
    }

    /** Who holds the permission at the node now (for example who can approve an override there), in reach. */
    public List<UserModel> holders(String nodeId, String key, int first, int max) {
        TenantNodeModel node = caller.node(nodeId, "id", Right.VIEW_USERS);
        requireKnown(key);
        return access().usersWithPermission(caller.realm(), node.getId(), key, first, max).stream()
                .map(id -> caller.session().users().getUserById(caller.realm(), id))
                .filter(u -> u != null && caller.sees(u)).toList();
    }

    private void requireKnown(String key) {
        if (key == null || catalog().get(key) == null) {
            throw BranchkeyException.notFound("key", "the catalog has no permission " + key);
        }
    }

    /** A grant at a node the caller sees with the right; one outside their reach is as unknown as a made-up id. */
    private Grant visible(String grantId, Right right) {
        Grant grant = grantId == null || grantId.length() > 255 ? null : grants.get(caller.realm(), grantId);
        if (grant == null || !caller.sees(grant.nodeId())) {
            throw BranchkeyException.notFound("grantId", "no grant with id " + grantId);
        }
        caller.node(grant.nodeId(), "grantId", right);
        return grant;
    }

    private RoleGroup grantableAt(String roleGroupId, TenantNodeModel node) {
        Users.requirePresent("roleGroupId", roleGroupId);
        RoleGroup group = roleGroupId.length() > 255 ? null : caller.session().getProvider(RoleGroupProvider.class)
                .grantableAt(caller.realm(), roleGroupId, node.getId());
        // Checked before the escalation check, which would otherwise name another account's permissions.
        if (group == null) {
            throw BranchkeyException.notFound("roleGroupId", "no role group with id " + roleGroupId + " at this node");
        }
        return group;
    }

    private AccessProvider access() {
        return caller.session().getProvider(AccessProvider.class);
    }

    private PermissionCatalog catalog() {
        return caller.session().getProvider(PermissionCatalogProvider.class).getCatalog(caller.realm());
    }
}
