package io.branchkey.access.jpa;

import java.util.List;
import java.util.Objects;

import io.branchkey.access.AccessEpoch;
import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.GrantWindow;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

final class JpaGrantProvider implements GrantProvider {

    private final KeycloakSession session;
    private final EntityManager em;

    JpaGrantProvider(KeycloakSession session, EntityManager em) {
        this.session = session;
        this.em = em;
    }

    @Override
    public Grant grant(RealmModel realm, String userId, String nodeId, String roleGroupId, GrantWindow window,
                       String grantedBy) {
        List<String> path = session.getProvider(TenantTreeProvider.class).getAncestorOrSelfIds(realm, nodeId);
        if (path.isEmpty()) {
            throw BranchkeyException.notFound("nodeId", "no node with id " + nodeId);
        }
        // An account's own role groups exist only inside that account: elsewhere they are as unknown as a bad id.
        if (session.getProvider(RoleGroupProvider.class).grantableAt(realm, roleGroupId, nodeId) == null) {
            throw BranchkeyException.notFound("roleGroupId", "no role group with id " + roleGroupId + " at this node");
        }
        GrantWindow.of(window.startsAt(), window.endsAt());
        GrantEntity same = em.createNamedQuery("bkGrantsOfUser", GrantEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", userId)
                .getResultStream()
                .filter(g -> g.getNodeId().equals(nodeId) && g.getRoleGroupId().equals(roleGroupId)
                        && Objects.equals(g.getStartsAt(), window.startsAt()) && Objects.equals(g.getEndsAt(), window.endsAt()))
                .findFirst().orElse(null);
        if (same != null) {
            return toModel(same);
        }
        GrantEntity entity = new GrantEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(realm.getId());
        entity.setUserId(userId);
        entity.setNodeId(nodeId);
        entity.setRoleGroupId(roleGroupId);
        entity.setStartsAt(window.startsAt());
        entity.setEndsAt(window.endsAt());
        entity.setGrantedBy(grantedBy);
        entity.setGrantedAt(System.currentTimeMillis());
        em.persist(entity);
        em.flush();
        AccessEpoch.advance(realm);
        return toModel(entity);
    }

    @Override
    public boolean revoke(RealmModel realm, String grantId) {
        GrantEntity entity = find(realm, grantId);
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        em.flush();
        AccessEpoch.advance(realm);
        return true;
    }

    @Override
    public Grant get(RealmModel realm, String grantId) {
        GrantEntity entity = find(realm, grantId);
        return entity == null ? null : toModel(entity);
    }

    @Override
    public List<Grant> ofUser(RealmModel realm, String userId) {
        return em.createNamedQuery("bkGrantsOfUser", GrantEntity.class)
                .setParameter("realmId", realm.getId()).setParameter("userId", userId)
                .getResultList().stream().map(JpaGrantProvider::toModel).toList();
    }

    @Override
    public List<Grant> atNode(RealmModel realm, String nodeId) {
        return em.createNamedQuery("bkGrantsAtNode", GrantEntity.class).setParameter("nodeId", nodeId)
                .getResultList().stream().filter(g -> g.getRealmId().equals(realm.getId()))
                .map(JpaGrantProvider::toModel).toList();
    }

    @Override
    public List<Grant> ofRoleGroup(RealmModel realm, String roleGroupId) {
        return em.createNamedQuery("bkGrantsOfRoleGroup", GrantEntity.class).setParameter("roleGroupId", roleGroupId)
                .getResultList().stream().filter(g -> g.getRealmId().equals(realm.getId()))
                .map(JpaGrantProvider::toModel).toList();
    }

    @Override
    public int revokeAll(RealmModel realm, String userId) {
        int removed = em.createNativeQuery("delete from BK_GRANT where REALM_ID = :realmId and USER_ID = :userId")
                .setParameter("realmId", realm.getId()).setParameter("userId", userId).executeUpdate();
        if (removed > 0) {
            AccessEpoch.advance(realm);
        }
        return removed;
    }

    @Override
    public void removeUserData(RealmModel realm, String userId) {
        revokeAll(realm, userId);
    }

    @Override
    public void removeRealmData(RealmModel realm) {
        em.createNativeQuery("delete from BK_GRANT where REALM_ID = :realmId")
                .setParameter("realmId", realm.getId()).executeUpdate();
    }

    @Override
    public void close() {
    }

    private GrantEntity find(RealmModel realm, String id) {
        return id == null ? null : em.createNamedQuery("bkGrantById", GrantEntity.class)
                .setParameter("id", id).setParameter("realmId", realm.getId())
                .getResultStream().findFirst().orElse(null);
    }

    static Grant toModel(GrantEntity e) {
        return new Grant(e.getId(), e.getUserId(), e.getNodeId(), e.getRoleGroupId(),
                new GrantWindow(e.getStartsAt(), e.getEndsAt()), e.getGrantedBy(), e.getGrantedAt());
    }
}
