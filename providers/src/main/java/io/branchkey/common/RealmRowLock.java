package io.branchkey.common;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;

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
        return RowLock.acquire(session, em, type, realmId, newRow);
    }
}
