package io.branchkey.tenancy.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Serialises structural changes of one realm's tree across threads and cluster nodes with a database row lock.
 */
final class TreeLock {

    private TreeLock() {
    }

    /** Locks the realm's tree until the current transaction ends. */
    static void acquire(KeycloakSession session, EntityManager em, String realmId) {
        if (em.find(TreeLockEntity.class, realmId, LockModeType.PESSIMISTIC_WRITE) != null) {
            return;
        }
        createRow(session, realmId);
        em.find(TreeLockEntity.class, realmId, LockModeType.PESSIMISTIC_WRITE);
    }

    // The row is created once per realm in its own transaction, so a racing creator only costs a retry of find.
    private static void createRow(KeycloakSession session, String realmId) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                EntityManager own = s.getProvider(JpaConnectionProvider.class).getEntityManager();
                if (own.find(TreeLockEntity.class, realmId) == null) {
                    own.persist(new TreeLockEntity(realmId));
                }
            });
        } catch (PersistenceException | org.keycloak.models.ModelException e) {
            // Another transaction created it first: fine.
        }
    }
}
