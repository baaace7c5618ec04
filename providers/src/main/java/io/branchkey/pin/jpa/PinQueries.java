package io.branchkey.pin.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;

/** The native queries of PINs: each one statement, on indexed columns (docs/pin.md, "Storage"). */
final class PinQueries {

    record Match(String credentialId, String userId) {
    }

    private final EntityManager em;

    PinQueries(EntityManager em) {
        this.em = em;
    }

    /**
     * PIN-only login: the members of the location whose PIN has this blind index, at most two (two are already
     * ambiguous). Index (REALM_ID, BLIND_INDEX), then the membership's primary key (NODE_ID, USER_ID).
     */
    List<Match> membersWithIndex(String realmId, String nodeId, String blindIndex) {
        List<?> rows = em.createNativeQuery("select p.CREDENTIAL_ID, p.USER_ID from BK_PIN_CREDENTIAL p"
                        + " join BK_MEMBERSHIP m on m.USER_ID = p.USER_ID and m.NODE_ID = :nodeId"
                        + " where p.REALM_ID = :realmId and p.BLIND_INDEX = :blindIndex")
                .setParameter("nodeId", nodeId).setParameter("realmId", realmId).setParameter("blindIndex", blindIndex)
                .setMaxResults(2).getResultList();
        List<Match> matches = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            matches.add(new Match((String) columns[0], (String) columns[1]));
        }
        return matches;
    }

    /** How many other members of these locations have this blind index. */
    long othersWithIndex(String realmId, Collection<String> nodeIds, String userId, String blindIndex) {
        if (nodeIds.isEmpty()) {
            return 0;
        }
        return ((Number) em.createNativeQuery("select count(distinct p.USER_ID) from BK_PIN_CREDENTIAL p"
                        + " join BK_MEMBERSHIP m on m.USER_ID = p.USER_ID"
                        + " where p.REALM_ID = :realmId and p.BLIND_INDEX = :blindIndex and p.USER_ID <> :userId"
                        + " and m.NODE_ID in (:nodeIds)")
                .setParameter("realmId", realmId).setParameter("blindIndex", blindIndex).setParameter("userId", userId)
                .setParameter("nodeIds", nodeIds).getSingleResult()).longValue();
    }

    /** The PIN-only locations the user is a member of, ordered by id (the order their rows are locked in). */
    List<String> pinOnlyLocationsOf(String userId) {
        return strings(em.createNativeQuery("select l.NODE_ID from BK_PIN_LOCATION l"
                        + " join BK_MEMBERSHIP m on m.NODE_ID = l.NODE_ID"
                        + " where m.USER_ID = :userId and l.MODE = 'PIN_ONLY' order by l.NODE_ID")
                .setParameter("userId", userId).getResultList());
    }

    /**
     * For each blind index shared by several members of the location, how many members share it. Members who
     * must change their PIN before the location can go PIN-only: the sum of (count - 1).
     */
    long membersSharingAPin(String nodeId) {
        List<?> counts = em.createNativeQuery("select count(*) from BK_PIN_CREDENTIAL p"
                        + " join BK_MEMBERSHIP m on m.USER_ID = p.USER_ID and m.NODE_ID = :nodeId"
                        + " where p.BLIND_INDEX is not null group by p.BLIND_INDEX having count(*) > 1")
                .setParameter("nodeId", nodeId).getResultList();
        return counts.stream().mapToLong(c -> ((Number) c).longValue() - 1).sum();
    }

    boolean isMember(String nodeId, String userId) {
        return !em.createNativeQuery("select 1 from BK_MEMBERSHIP where NODE_ID = :nodeId and USER_ID = :userId")
                .setParameter("nodeId", nodeId).setParameter("userId", userId).setMaxResults(1)
                .getResultList().isEmpty();
    }

    /** Enabled members of the location with a PIN, by first name, last name and username (Keycloak's user table). */
    List<String> tileUserIds(String realmId, String nodeId, int max) {
        return strings(em.createNativeQuery("select u.ID from BK_PIN_CREDENTIAL p"
                        + " join BK_MEMBERSHIP m on m.USER_ID = p.USER_ID and m.NODE_ID = :nodeId"
                        + " join USER_ENTITY u on u.ID = p.USER_ID"
                        + " where p.REALM_ID = :realmId and u.ENABLED = :enabled"
                        + " order by lower(coalesce(u.FIRST_NAME, '')), lower(coalesce(u.LAST_NAME, '')), u.USERNAME")
                .setParameter("nodeId", nodeId).setParameter("realmId", realmId).setParameter("enabled", true)
                .setMaxResults(max).getResultList());
    }

    void deleteCredentialRowsOfUser(String userId) {
        em.createNativeQuery("delete from BK_PIN_CREDENTIAL where USER_ID = :userId")
                .setParameter("userId", userId).executeUpdate();
    }

    void deleteLocationsInSubtree(String nodeId) {
        em.createNativeQuery("delete from BK_PIN_LOCATION where NODE_ID in"
                        + " (select c.DESCENDANT_ID from BK_NODE_CLOSURE c where c.ANCESTOR_ID = :nodeId)")
                .setParameter("nodeId", nodeId).executeUpdate();
    }

    void deleteRealmData(String realmId) {
        for (String table : new String[] {"BK_PIN_LOCATION", "BK_PIN_DEVICE", "BK_PIN_CREDENTIAL"}) {
            em.createNativeQuery("delete from " + table + " where REALM_ID = :realmId")
                    .setParameter("realmId", realmId).executeUpdate();
        }
    }

    private static List<String> strings(List<?> rows) {
        return rows.stream().map(String.class::cast).toList();
    }
}
