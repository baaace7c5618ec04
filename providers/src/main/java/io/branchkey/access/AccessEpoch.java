package io.branchkey.access;

import java.util.UUID;

import org.keycloak.models.RealmModel;

/**
 * A realm attribute that changes whenever anything effective permissions depend on changes (grants, role
 * groups, the catalog, the tree's shape). Cached resolutions carry the epoch they were computed at and are
 * dropped when it differs. Keycloak caches realms on every node and invalidates them cluster-wide on commit, so
 * the check costs no query and every node sees a change as soon as it sees the realm change.
 * <p>
 * The value is random, not a counter: two concurrent changes must never end on the same value.
 */
public final class AccessEpoch {

    static final String ATTRIBUTE = "branchkey.accessEpoch";

    private AccessEpoch() {
    }

    public static String current(RealmModel realm) {
        String epoch = realm.getAttribute(ATTRIBUTE);
        return epoch == null ? "" : epoch;
    }

    /** Call inside the changing transaction, before or after the change: readers check the epoch first. */
    public static void advance(RealmModel realm) {
        realm.setAttribute(ATTRIBUTE, UUID.randomUUID().toString());
    }
}
