package io.branchkey.tenancy.jpa;

import java.util.stream.Stream;

import io.branchkey.tenancy.HomeAccountAttribute;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeEvents;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

final class JpaTenantMembershipProvider implements TenantMembershipProvider {

    private final KeycloakSession session;
    private final EntityManager em;

    JpaTenantMembershipProvider(KeycloakSession session, EntityManager em) {
        this.session = session;
        this.em = em;
    }

    @Override
    public boolean addMember(RealmModel realm, TenantNodeModel node, UserModel user) {
        if (em.find(TenantMembershipEntity.class, new TenantMembershipEntity.Key(node.getId(), user.getId())) != null) {
            return false;
        }
        em.persist(new TenantMembershipEntity(realm.getId(), node.getId(), user.getId(), System.currentTimeMillis()));
        em.flush();
        session.getKeycloakSessionFactory().publish(new TenantTreeEvents.MemberAdded(session, realm, node.getId(), user.getId()));
        return true;
    }

    @Override
    public boolean removeMember(RealmModel realm, TenantNodeModel node, UserModel user) {
        TenantMembershipEntity membership =
                em.find(TenantMembershipEntity.class, new TenantMembershipEntity.Key(node.getId(), user.getId()));
        if (membership == null) {
            return false;
        }
        HomeAccountEntity home = em.find(HomeAccountEntity.class, user.getId());
        boolean leavesHome = home != null && home.getNodeId().equals(node.getId());
        if (leavesHome) {
            em.remove(home);
            HomeAccountAttribute.clear(user);
        }
        em.remove(membership);
        em.flush();
        if (leavesHome) {
            homeAccountChanged(realm, user);
        }
        return true;
    }

    @Override
    public Stream<String> getMemberIds(RealmModel realm, TenantNodeModel node, boolean subtree, int first, int max) {
        return em.createNamedQuery(subtree ? "bkMembersOfSubtree" : "bkMembersOfNode", String.class)
                .setParameter("nodeId", node.getId())
                .setFirstResult(first).setMaxResults(max)
                .getResultList().stream();
    }

    @Override
    public Stream<TenantNodeModel> getMemberships(RealmModel realm, UserModel user) {
        return em.createNamedQuery("bkMembershipsOfUser", TenantNodeEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", user.getId())
                .getResultList().stream().map(TenantNodeAdapter::new);
    }

    @Override
    public void setHomeAccount(RealmModel realm, UserModel user, TenantNodeModel account) {
        if (account.getKind() != NodeKind.ACCOUNT) {
            throw BranchkeyException.invalid("nodeId", "a home account must be an ACCOUNT node, not a " + account.getKind());
        }
        HomeAccountEntity home = em.find(HomeAccountEntity.class, user.getId());
        boolean changed = home == null || !home.getNodeId().equals(account.getId());
        if (home == null) {
            em.persist(new HomeAccountEntity(realm.getId(), user.getId(), account.getId()));
        } else {
            home.setNodeId(account.getId());
        }
        addMember(realm, account, user);
        em.flush();
        HomeAccountAttribute.show(user, account.getName(), account.getCode());
        if (changed) {
            homeAccountChanged(realm, user);
        }
    }

    @Override
    public String getHomeAccountId(RealmModel realm, UserModel user) {
        HomeAccountEntity home = em.find(HomeAccountEntity.class, user.getId());
        return home == null || !home.getRealmId().equals(realm.getId()) ? null : home.getNodeId();
    }

    @Override
    public boolean clearHomeAccount(RealmModel realm, UserModel user) {
        HomeAccountEntity home = em.find(HomeAccountEntity.class, user.getId());
        if (home == null) {
            return false;
        }
        em.remove(home);
        em.flush();
        HomeAccountAttribute.clear(user);
        homeAccountChanged(realm, user);
        return true;
    }

    private void homeAccountChanged(RealmModel realm, UserModel user) {
        session.getKeycloakSessionFactory().publish(new TenantTreeEvents.HomeAccountChanged(session, realm, user.getId()));
    }

    @Override
    public void removeUserData(RealmModel realm, String userId) {
        HomeAccountEntity home = em.find(HomeAccountEntity.class, userId);
        if (home != null) {
            em.remove(home);
        }
        em.createNamedQuery("bkDeleteMembershipsOfUser")
                .setParameter("realmId", realm.getId())
                .setParameter("userId", userId)
                .executeUpdate();
    }

    @Override
    public void close() {
    }
}
