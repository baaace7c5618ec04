package io.branchkey.common;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Serialises changes of one kind within a realm, across threads and cluster nodes, with a database row lock on
 * a per-realm row that is created on first use.
 */
public final class RealmRowLock {

    private RealmRowLock() {
    }

    /** Locks the realm's row of {@code type} until the current transaction ends, and returns it. */
    public static <T> T acquire(KeycloakSession session, EntityManager em, Class<T> type, String realmId,
                                Supplier<T> newRow) {
        T row = em.find(type, realmId, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            return row;
        }
        createRow(session, type, realmId, newRow);
        return em.find(type, realmId, LockModeType.PESSIMISTIC_WRITE);
    }

    // Created in a transaction of its own, so a racing creator costs only a failed insert there, never here.
    private static <T> void createRow(KeycloakSession session, Class<T> type, String realmId, Supplier<T> newRow) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                EntityManager own = s.getProvider(JpaConnectionProvider.class).getEntityManager();
                if (own.find(type, realmId) == null) {
                    own.persist(newRow.get());
                }
            });
        } catch (jakarta.persistence.PersistenceException | ModelException e) {
            // Another transaction created it first: fine.
        }
    }
}
