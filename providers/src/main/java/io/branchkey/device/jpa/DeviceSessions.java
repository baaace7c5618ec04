package io.branchkey.device.jpa;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.UserSessionProvider;

/** The user sessions begun at each device: recorded at login, ended with the device. */
final class DeviceSessions {

    /** A record is looked at again this long after it was made or last found alive. */
    private static final long PRUNE_AFTER_MILLIS = 3_600_000L;
    private static final int PRUNE_BATCH = 20;
    /**
     * One login in this many prunes: each checked record costs two session lookups, and a batch every 16 logins
     * still forgets up to 20 records where those logins added 16, so the table stays near the live sessions.
     */
    private static final int PRUNE_ONE_LOGIN_IN = 16;

    private final KeycloakSession session;
    private final EntityManager em;

    DeviceSessions(KeycloakSession session, EntityManager em) {
        this.session = session;
        this.em = em;
    }

    /** Records the session (once: a browser keeps its session id across logins) and now and then prunes ended ones. */
    void record(RealmModel realm, String deviceId, String userSessionId, boolean newSession) {
        if (newSession || em.find(DeviceSessionEntity.class, new DeviceSessionEntity.Key(deviceId, userSessionId)) == null) {
            em.persist(new DeviceSessionEntity(deviceId, userSessionId, realm.getId(), System.currentTimeMillis()));
        }
        if (ThreadLocalRandom.current().nextInt(PRUNE_ONE_LOGIN_IN) == 0) {
            pruneEnded(realm, deviceId);
        }
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

    /**
     * Forgets ended sessions among the records longest unchecked; one still alive (an offline session lives for
     * weeks) is marked checked and goes to the back of the line, so it cannot keep the ones behind it forever.
     */
    private void pruneEnded(RealmModel realm, String deviceId) {
        UserSessionProvider sessions = session.sessions();
        long now = System.currentTimeMillis();
        for (DeviceSessionEntity old : recorded(deviceId, now - PRUNE_AFTER_MILLIS, PRUNE_BATCH)) {
            if (sessions.getUserSession(realm, old.getUserSessionId()) == null
                    && sessions.getOfflineUserSession(realm, old.getUserSessionId()) == null) {
                em.remove(old);
            } else {
                old.setCheckedAt(now);
            }
        }
    }

    private List<DeviceSessionEntity> recorded(String deviceId, long checkedBefore, int max) {
        return em.createQuery("select s from DeviceSessionEntity s where s.deviceId = :deviceId"
                        + " and s.checkedAt < :before order by s.checkedAt", DeviceSessionEntity.class)
                .setParameter("deviceId", deviceId).setParameter("before", checkedBefore)
                .setMaxResults(max).getResultList();
    }
}
