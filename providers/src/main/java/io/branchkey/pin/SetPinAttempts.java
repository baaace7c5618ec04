package io.branchkey.pin;

import io.branchkey.common.WindowBudget;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The per-user budget of new PINs: {@value #PER_HOUR} in each clock hour, chosen or generated, whatever the outcome.
 * Choosing is bounded because a refused choice once told that a colleague had that PIN; generating, because a
 * generated PIN is never a colleague's, so unlimited draws would map out the PINs that never come up.
 */
public final class SetPinAttempts {

    public static final int PER_HOUR = 10;
    private static final Logger LOG = Logger.getLogger(SetPinAttempts.class);
    private static final WindowBudget BUDGET = new WindowBudget("set-pin", PER_HOUR, 3600);

    private SetPinAttempts() {
    }

    /** Claims one attempt for the user; false when this hour's are used up. */
    private static boolean take(KeycloakSession session, RealmModel realm, UserModel user) {
        return BUDGET.take(session, realm.getId() + ":" + user.getId());
    }

    /** Claims one attempt for the user, or refuses with when to try again. */
    public static void require(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!take(session, realm, user)) {
            LOG.infof("realm %s: user %s has had %d new PINs this hour; refused", realm.getName(), user.getId(), PER_HOUR);
            throw PinPolicyException.tooManyAttempts("too many new PINs for this user in this hour; try again later",
                    BUDGET.secondsLeft());
        }
    }
}
