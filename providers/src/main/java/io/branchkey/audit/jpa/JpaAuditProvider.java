package io.branchkey.audit.jpa;

import java.util.List;

import io.branchkey.audit.AuditEntry;
import io.branchkey.audit.AuditProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

final class JpaAuditProvider implements AuditProvider {

    private final KeycloakSession session;
    private final EntityManager em;

    JpaAuditProvider(KeycloakSession session, EntityManager em) {
        this.session = session;
        this.em = em;
    }

    @Override
    public void success(RealmModel realm, String actorId, String action, String nodeId, String targetUserId, String details) {
        em.persist(entity(realm.getId(), actorId, action, nodeId, targetUserId, AuditEntry.Outcome.SUCCESS, details));
    }

    @Override
    public void refused(RealmModel realm, String actorId, String action, String nodeId, String targetUserId, String details) {
        String realmId = realm.getId();
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s ->
                s.getProvider(JpaConnectionProvider.class).getEntityManager().persist(
                        entity(realmId, actorId, action, nodeId, targetUserId, AuditEntry.Outcome.REFUSED, details)));
    }

    @Override
    public List<AuditEntry> query(RealmModel realm, String nodeId, String userId, int first, int max) {
        StringBuilder jpql = new StringBuilder("select a from AuditEntity a where a.realmId = :realmId");
        if (nodeId != null) {
            jpql.append(" and a.nodeId = :nodeId");
        }
        if (userId != null) {
            jpql.append(" and (a.actorId = :userId or a.targetUserId = :userId)");
        }
        jpql.append(" order by a.time desc, a.id");
        TypedQuery<AuditEntity> query = em.createQuery(jpql.toString(), AuditEntity.class).setParameter("realmId", realm.getId());
        if (nodeId != null) {
            query.setParameter("nodeId", nodeId);
        }
        if (userId != null) {
            query.setParameter("userId", userId);
        }
        return query.setFirstResult(first).setMaxResults(max).getResultList().stream().map(AuditEntity::toEntry).toList();
    }

    @Override
    public void removeRealmData(RealmModel realm) {
        em.createQuery("delete from AuditEntity a where a.realmId = :realmId").setParameter("realmId", realm.getId()).executeUpdate();
    }

    @Override
    public void close() {
    }

    private static AuditEntity entity(String realmId, String actorId, String action, String nodeId, String targetUserId,
                                      AuditEntry.Outcome outcome, String details) {
        String id = KeycloakModelUtils.generateId();
        return new AuditEntity(id, realmId,
                new AuditEntry(id, System.currentTimeMillis(), actorId, action, nodeId, targetUserId, outcome, details));
    }
}
