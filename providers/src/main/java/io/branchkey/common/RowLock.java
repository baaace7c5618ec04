package io.branchkey.common;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Rows used as database locks (SELECT … FOR UPDATE), created on first use. A missing row is created in a
 * transaction of its own, so a racing creator costs only a failed insert there, never the caller's transaction.
 */
public final class RowLock {

    private RowLock() {
    }

    /**
     * Locks an existing row (SELECT … FOR UPDATE) and returns its state as of the lock, or null if there is none.
     * A row this transaction had read before is read again: Hibernate locks a managed entity without reloading it,
     * and counting on that stale state would lose other transactions' updates.
     */
    public static <T> T lock(EntityManager em, Class<T> type, Object id) {
        T row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            em.refresh(row);
        }
        return row;
    }

    /**
     * Locks the row until the current transaction ends and returns it; creates it first if it is missing. If it
     * cannot be created apart (e.g. it refers to a row this transaction has not committed yet), it is created in
     * this transaction.
     */
    public static <T> T acquire(KeycloakSession session, EntityManager em, Class<T> type, Object id, Supplier<T> newRow) {
        T row = lock(em, type, id);
        if (row != null) {
            return row;
        }
        createRow(session, type, id, newRow);
        row = lock(em, type, id);
        if (row == null) {
            row = newRow.get();
            em.persist(row);
            em.flush();
        }
        return row;
    }

    /**
     * As {@link #acquire}, in a persistence context that has not loaded the row (a transaction of its own that reads
     * it first through here): one SELECT … FOR UPDATE when the row exists, read as of the lock, with no existence
     * check before it and no re-read after. A missing row is created apart first, as {@link #acquire} does.
     */
    public static <T> T acquireUnloaded(KeycloakSession session, EntityManager em, Class<T> type, Object id,
                                        Supplier<T> newRow) {
        T row = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        return row != null ? row : acquire(session, em, type, id, newRow);
    }

    private static <T> void createRow(KeycloakSession session, Class<T> type, Object id, Supplier<T> newRow) {
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                EntityManager own = s.getProvider(JpaConnectionProvider.class).getEntityManager();
                if (own.find(type, id) == null) {
                    own.persist(newRow.get());
                }
            });
        } catch (PersistenceException | ModelException e) {
            // Another transaction created it first, or it cannot exist apart from ours yet: the caller looks again.
        }
    }
}
