package io.branchkey.device;

import io.branchkey.audit.AuditProvider;
import io.branchkey.common.WindowBudget;
import io.branchkey.rest.ApiErrors;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The budget of failed enrollments at the unauthenticated enroll endpoint: {@value #PER_ADDRESS_LIMIT} per client
 * address and {@value #PER_REALM_LIMIT} per realm in each quarter hour. Over either, enrollment answers 429 until
 * the quarter ends. Each counted failure is audited (action DEVICE_ENROLL, refused, with the address and the
 * reason, never the code), so the audit trail grows by at most the budget however hard it is hammered.
 */
final class EnrollmentGuard {

    static final int PER_ADDRESS_LIMIT = 20;
    static final int PER_REALM_LIMIT = 200;
    private static final long WINDOW_SECONDS = 900;
    private static final WindowBudget PER_ADDRESS = new WindowBudget("enroll-address", PER_ADDRESS_LIMIT, WINDOW_SECONDS);
    private static final WindowBudget PER_REALM = new WindowBudget("enroll-realm", PER_REALM_LIMIT, WINDOW_SECONDS);
    private static final Logger LOG = Logger.getLogger(EnrollmentGuard.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String address;

    EnrollmentGuard(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.address = session.getContext().getConnection().getRemoteAddr();
    }

    /** 429 with Retry-After while the address's or the realm's budget is used up. */
    void refuseWhenOverBudget() {
        if (PER_ADDRESS.exhausted(session, addressKey())) {
            throw ApiErrors.tooManyRequests("too many failed enrollments from this address; try again later",
                    PER_ADDRESS.secondsLeft());
        }
        if (PER_REALM.exhausted(session, realm.getId())) {
            throw ApiErrors.tooManyRequests("too many failed enrollments in this realm; try again later",
                    PER_REALM.secondsLeft());
        }
    }

    /** Counts a failed enrollment against both budgets and audits it. */
    void failed(String field, String reason) {
        boolean addressHadRoom = PER_ADDRESS.take(session, addressKey());
        boolean realmHadRoom = PER_REALM.take(session, realm.getId());
        if (!addressHadRoom || !realmHadRoom) {
            return; // a request that raced past the check: the budget is spent, the trail has enough
        }
        session.getProvider(AuditProvider.class).refused(realm, null, "DEVICE_ENROLL", null, null,
                "from " + address + (field == null ? "" : ", " + field) + ": " + reason);
        if (PER_ADDRESS.exhausted(session, addressKey())) {
            LOG.warnf("realm %s: enrollment refused to %s for the rest of the quarter hour after %d failures",
                    realm.getName(), address, PER_ADDRESS_LIMIT);
        } else if (PER_REALM.exhausted(session, realm.getId())) {
            LOG.warnf("realm %s: enrollment refused to everyone for the rest of the quarter hour after %d failures",
                    realm.getName(), PER_REALM_LIMIT);
        }
    }

    private String addressKey() {
        return realm.getId() + ":" + address;
    }
}
