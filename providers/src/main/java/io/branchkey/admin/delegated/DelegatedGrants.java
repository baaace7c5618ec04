package io.branchkey.admin.delegated;

import java.util.List;

import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.GrantWindow;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.audit.AuditProvider;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

/** Granting and revoking on behalf of a delegated caller: the checks shared by single and bulk requests. */
final class DelegatedGrants {

    private final KeycloakSession session;
    private final DelegatedGuard guard;

    DelegatedGrants(KeycloakSession session, DelegatedGuard guard) {
        this.session = session;
        this.guard = guard;
    }

    record GrantRequest(String userId, String nodeId, String roleGroupId, Long startsAt, Long endsAt) {
    }

    Grant grant(GrantRequest request) {
        TenantNodeModel node = guard.nodeWith(request.nodeId(), "nodeId", DelegatedPermissions.UPDATE_USER_ROLES);
        UserModel user = guard.userWith(request.userId(), DelegatedPermissions.VIEW_USERS);
        DelegatedGuard.requirePresent("roleGroupId", request.roleGroupId());
        RoleGroup group = session.getProvider(RoleGroupProvider.class).get(guard.caller().realm(), request.roleGroupId());
        // Another account's group is unknown here: checked before the escalation check, which would name its permissions.
        if (group == null || !group.isTemplate() && !session.getProvider(TenantTreeProvider.class)
                .getAncestorOrSelfIds(guard.caller().realm(), node.getId()).contains(group.ownerNodeId())) {
            throw ApiErrors.notFound("roleGroupId", "no role group with id " + request.roleGroupId() + " at this node");
        }
        guard.requireNoEscalation(node, group.permissions(), "GRANT_CREATE", user.getId());
        Grant grant = ApiErrors.translate(() -> session.getProvider(GrantProvider.class).grant(guard.caller().realm(),
                user.getId(), node.getId(), group.id(), new GrantWindow(request.startsAt(), request.endsAt()),
                guard.caller().id()));
        audit("GRANT_CREATE", node.getId(), user.getId(), "grant " + grant.id() + " of role group " + group.name());
        return grant;
    }

    void revoke(String grantId) {
        GrantProvider grants = session.getProvider(GrantProvider.class);
        Grant grant = grants.get(guard.caller().realm(), grantId);
        // A grant outside the caller's reach is as unknown as a made-up id, and the answer must not name its node.
        if (grant == null || guard.permissionsAt(grant.nodeId()).isEmpty()) {
            throw ApiErrors.notFound("grantId", "no grant with id " + grantId);
        }
        guard.nodeWith(grant.nodeId(), "grantId", DelegatedPermissions.UPDATE_USER_ROLES);
        LastAdminProtection protection = new LastAdminProtection(session, guard.caller().realm());
        List<String> atStake = protection.accountsAtStake(grant.userId(), List.of(grant));
        grants.revoke(guard.caller().realm(), grantId);
        protection.requireRoleManagersLeft(atStake);
        audit("GRANT_REVOKE", grant.nodeId(), grant.userId(), "grant " + grantId);
    }

    private void audit(String action, String nodeId, String userId, String details) {
        session.getProvider(AuditProvider.class).success(guard.caller().realm(), guard.caller().id(), action, nodeId,
                userId, details);
    }
}
