package io.branchkey.pin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The per-user budget of set-PIN attempts: {@value #PER_HOUR} in each clock hour. Each attempt claims one of the
 * hour's numbered slots in Keycloak's single-use store, which is shared by the cluster and whose putIfAbsent is
 * atomic, so parallel attempts cannot overdraw the budget and nothing needs cleaning up.
 */
public final class SetPinAttempts {

    public static final int PER_HOUR = 10;
    private static final long HOUR_SECONDS = 3600;

    private SetPinAttempts() {
    }

    /** Claims one attempt for the user; false when this hour's are used up. */
    public static boolean take(KeycloakSession session, RealmModel realm, UserModel user) {
        long hour = System.currentTimeMillis() / 1000 / HOUR_SECONDS;
        String prefix = "branchkey.set-pin:" + realm.getId() + ":" + user.getId() + ":" + hour + ":";
        for (int slot = 0; slot < PER_HOUR; slot++) {
            if (session.singleUseObjects().putIfAbsent(prefix + slot, HOUR_SECONDS)) {
                return true;
            }
        }
        return false;
    }
}
