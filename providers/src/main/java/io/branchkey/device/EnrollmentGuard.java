package io.branchkey.device;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

import io.branchkey.audit.AuditProvider;
import io.branchkey.common.WindowBudget;
import io.branchkey.rest.ApiErrors;
import io.branchkey.rest.ApiException;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The budget of failed enrollments at the unauthenticated enroll endpoint: {@value #PER_ADDRESS_LIMIT} per client
 * address (an IPv6 client by its /64, which one host usually holds whole) and {@value #PER_REALM_LIMIT} per realm in
 * each quarter hour. An address over its budget is answered 429 until the quarter ends, valid code or not. Over the
 * realm's budget, failures are answered 429 and no longer audited one by one, but valid codes still enroll: a
 * realm-wide stop would let anyone switch enrollment off for everybody with a few hundred requests, and the codes'
 * 40 random bits already make guessing hopeless. Each counted failure is audited (action DEVICE_ENROLL, refused,
 * with the address and the reason, never the code), so the audit trail grows by at most the realm's budget.
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

    /** 429 with Retry-After while the address's budget is used up. */
    void refuseWhenOverBudget() {
        if (PER_ADDRESS.exhausted(session, addressKey())) {
            throw ApiErrors.tooManyRequests("too many failed enrollments from this address; try again later",
                    PER_ADDRESS.secondsLeft());
        }
    }

    /**
     * Counts a failed enrollment against both budgets and audits it.
     *
     * @return the 429 to answer instead of the failure when the realm's budget is spent, else null
     */
    ApiException failed(String field, String reason) {
        boolean addressHadRoom = PER_ADDRESS.take(session, addressKey());
        boolean realmHadRoom = PER_REALM.take(session, realm.getId());
        if (!realmHadRoom) {
            return ApiErrors.tooManyRequests("too many failed enrollments in this realm; try again later",
                    PER_REALM.secondsLeft());
        }
        if (!addressHadRoom) {
            return null; // a request that raced past the check: the budget is spent, the trail has enough
        }
        session.getProvider(AuditProvider.class).refused(realm, null, "DEVICE_ENROLL", null, null,
                "from " + address + (field == null ? "" : ", " + field) + ": " + reason);
        if (PER_ADDRESS.exhausted(session, addressKey())) {
            LOG.warnf("realm %s: enrollment refused to %s for the rest of the quarter hour after %d failures",
                    realm.getName(), address, PER_ADDRESS_LIMIT);
        } else if (PER_REALM.exhausted(session, realm.getId())) {
            LOG.warnf("realm %s: %d failed enrollments this quarter hour; further failures are answered 429 and"
                    + " not audited one by one until it ends", realm.getName(), PER_REALM_LIMIT);
        }
        return null;
    }

    private String addressKey() {
        return realm.getId() + ":" + network(address);
    }

    /** The address itself, or for IPv6 its /64: one host is commonly given a whole /64 to pick from. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            if (bytes.length != 16) {
                return address;
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
