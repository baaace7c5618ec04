package io.branchkey.pin;

import io.branchkey.common.WindowBudget;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The per-user budget of set-PIN attempts: {@value #PER_HOUR} in each clock hour, whatever their outcome. */
public final class SetPinAttempts {

    public static final int PER_HOUR = 10;
    private static final WindowBudget BUDGET = new WindowBudget("set-pin", PER_HOUR, 3600);

    private SetPinAttempts() {
    }

    /** Claims one attempt for the user; false when this hour's are used up. */
    public static boolean take(KeycloakSession session, RealmModel realm, UserModel user) {
        return BUDGET.take(session, realm.getId() + ":" + user.getId());
    }
}
