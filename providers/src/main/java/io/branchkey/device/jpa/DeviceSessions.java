package io.branchkey.device.jpa;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.UserSessionProvider;

/** The user sessions begun at each device: recorded at login, ended with the device. */
final class DeviceSessions {

    /** A recorded session this old whose Keycloak session is gone is forgotten at the device's next login. */
    private static final long PRUNE_AFTER_MILLIS = 3_600_000L;
    private static final int PRUNE_BATCH = 20;

    private final KeycloakSession session;
    private final EntityManager em;

    DeviceSessions(KeycloakSession session, EntityManager em) {
        this.session = session;
        this.em = em;
    }

    /** Records the session (once: a browser keeps its session id across logins) and prunes ended ones. */
    void record(RealmModel realm, String deviceId, String userSessionId) {
        if (em.find(DeviceSessionEntity.class, new DeviceSessionEntity.Key(deviceId, userSessionId)) == null) {
            em.persist(new DeviceSessionEntity(deviceId, userSessionId, realm.getId(), System.currentTimeMillis()));
        }
        pruneEnded(realm, deviceId);
    }

    /** Ends every online and offline session begun at the device and forgets them. */
    void endAll(RealmModel realm, String deviceId) {
        UserSessionProvider sessions = session.sessions();
        for (DeviceSessionEntity recorded : recorded(deviceId, Long.MAX_VALUE, Integer.MAX_VALUE)) {
            UserSessionModel online = sessions.getUserSession(realm, recorded.getUserSessionId());
            if (online != null) {
                sessions.removeUserSession(realm, online);
            }
            UserSessionModel offline = sessions.getOfflineUserSession(realm, recorded.getUserSessionId());
            if (offline != null) {
                sessions.removeOfflineUserSession(realm, offline);
            }
        }
        em.createQuery("delete from DeviceSessionEntity s where s.deviceId = :deviceId")
                .setParameter("deviceId", deviceId).executeUpdate();
    }

    /** Forgets the realm's records (its sessions go with the realm). */
    static void forgetRealm(EntityManager em, String realmId) {
        em.createQuery("delete from DeviceSessionEntity s where s.realmId = :realmId")
                .setParameter("realmId", realmId).executeUpdate();
    }

    /** Keeps the table near the number of live sessions: a few old records are checked at each login. */
    private void pruneEnded(RealmModel realm, String deviceId) {
        UserSessionProvider sessions = session.sessions();
        for (DeviceSessionEntity old : recorded(deviceId, System.currentTimeMillis() - PRUNE_AFTER_MILLIS, PRUNE_BATCH)) {
            if (sessions.getUserSession(realm, old.getUserSessionId()) == null
                    && sessions.getOfflineUserSession(realm, old.getUserSessionId()) == null) {
                em.remove(old);
            }
        }
    }

    private List<DeviceSessionEntity> recorded(String deviceId, long createdBefore, int max) {
        return em.createQuery("select s from DeviceSessionEntity s where s.deviceId = :deviceId"
                        + " and s.createdAt < :before order by s.createdAt", DeviceSessionEntity.class)
                .setParameter("deviceId", deviceId).setParameter("before", createdBefore)
                .setMaxResults(max).getResultList();
    }
}
