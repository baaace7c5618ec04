package io.branchkey.pin.jpa;

import io.branchkey.access.AccessProvider;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.LongSupplier;

import io.branchkey.common.RowLock;
import io.branchkey.pin.Pepper;
import io.branchkey.pin.PinAttempt;
import io.branchkey.pin.PinCredentialModel;
import io.branchkey.pin.PinLockoutRules;
import io.branchkey.pin.PinLoginMode;
import io.branchkey.pin.PinLoginResult.Reason;
import io.branchkey.pin.PinPolicy;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One PIN attempt, inside its own transaction (docs/pin.md, "Lockout"). Takes row locks in a fixed order —
 * location, device, credential — so parallel attempts at a location run one after another and every counter
 * counts exactly, on every database and across cluster nodes. The rules themselves are
 * {@link PinLockoutRules}'.
 */
final class PinGuard {

    /** The outcome: a refusal reason, or null with the signed-in user's id. */
    record Verdict(Reason reason, String userId, boolean denied) {

        static Verdict ok(String userId) {
            return new Verdict(null, userId, false);
        }

        static Verdict denied(String userId) {
            return new Verdict(null, userId, true);
        }

        static Verdict refused(Reason reason) {
            return new Verdict(reason, null, false);
        }
    }

    /** Whose PIN the attempt is checked against, if anybody's. */
    private record Candidate(UserModel user, PinCredentialModel credential, Reason refusal) {

        static Candidate none(Reason refusal) {
            return new Candidate(null, null, refusal);
        }
    }

    private static final Logger LOG = Logger.getLogger(PinGuard.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DECOY_SUFFIX = ":decoy";

    private final KeycloakSession session;
    private final EntityManager em;
    private final RealmModel realm;
    private final Pepper pepper;
    private final PinPolicy policy;
    private final LongSupplier clock;
    private final PinQueries queries;

    PinGuard(KeycloakSession session, EntityManager em, RealmModel realm, Pepper pepper, PinPolicy policy,
             LongSupplier clock) {
        this.session = session;
        this.em = em;
        this.realm = realm;
        this.pepper = pepper;
        this.policy = policy;
        this.clock = clock;
        this.queries = new PinQueries(em);
    }

    Verdict attempt(PinAttempt attempt) {
        String pin = attempt.pin() == null ? "" : attempt.pin();
        TenantNodeModel node = session.getProvider(TenantTreeProvider.class).getNode(realm, attempt.locationId());
        if (node == null || node.getKind() != NodeKind.LOCATION) {
            dummyHash(pin);
            return Verdict.refused(Reason.UNKNOWN_LOCATION);
        }
        // Always in this order: location, device, credential. This transaction is the attempt's own, so no row is
        // loaded yet: each lock is one statement, and a missing row is created apart (no other attempt at this
        // location can be creating the device's row meanwhile: it waits for the location's lock).
        PinLocationEntity location = RowLock.acquireUnloaded(session, em, PinLocationEntity.class, node.getId(),
                () -> new PinLocationEntity(node.getId(), realm.getId()));
        PinDeviceEntity device = RowLock.acquireUnloaded(session, em, PinDeviceEntity.class, attempt.deviceId(),
                () -> new PinDeviceEntity(attempt.deviceId(), realm.getId()));
        if (!realm.getId().equals(device.getRealmId())) {
            throw new IllegalArgumentException("device " + attempt.deviceId() + " belongs to another realm");
        }
        long now = clock.getAsLong();

        Reason unchecked = PinLockoutRules.refuseUnchecked(location.counter(), policy.locationHourlyFailureBudget(),
                device.counter(), now);
        if (unchecked != null) {
            dummyHash(pin);
            return refused(unchecked, attempt, location, device, null, now);
        }

        Candidate candidate = attempt.userId() == null ? byBlindIndex(location, pin) : byUser(attempt.userId(), node.getId());
        if (candidate.refusal() != null) {
            if (attempt.userId() != null) {
                // A picked tile without a PIN (or nobody's tile) must cost what a wrong PIN costs: its row lock and
                // counter write go to the device's decoy row, or timing would tell who has a PIN.
                PinDeviceEntity decoy = RowLock.acquireUnloaded(session, em, PinDeviceEntity.class, decoyId(attempt.deviceId()),
                        () -> new PinDeviceEntity(decoyId(attempt.deviceId()), realm.getId()));
                dummyHash(pin);
                decoy.setCounter(decoy.counter().afterFailure(now));
            } else {
                dummyHash(pin);
            }
            return refused(candidate.refusal(), attempt, location, device, null, now);
        }
        PinCredentialEntity row = RowLock.acquireUnloaded(session, em, PinCredentialEntity.class, candidate.credential().getId(),
                () -> new PinCredentialEntity(candidate.credential().getId(), realm.getId(), candidate.user().getId(), null));
        // Checked even when locked, so that a locked PIN costs the same time as any other.
        boolean matches = candidate.credential().verify(pin, pepper);
        if (row.counter().locked()) {
            return refused(Reason.CREDENTIAL_LOCKED, attempt, location, device, null, now);
        }
        if (!matches) {
            if (!candidate.credential().madeWith(pepper)) {
                LOG.debugf("PIN of user %s was set with another pepper and can no longer match", candidate.user().getId());
            }
            return refused(Reason.WRONG_PIN, attempt, location, device, row, now);
        }
        // The right PIN of someone who may not use it here opens nothing, and so clears no counter either: otherwise a
        // guesser with a colleague's PIN could keep the device below its lock threshold.
        if (attempt.permission() != null && !session.getProvider(AccessProvider.class)
                .hasPermission(realm, candidate.user().getId(), node.getId(), attempt.permission())) {
            return Verdict.denied(candidate.user().getId());
        }
        device.setCounter(PinLockoutRules.DeviceCounter.CLEAR);
        row.setCounter(PinLockoutRules.CredentialCounter.CLEAR);
        if (row.getBlindIndex() == null) {
            // A credential Branchkey did not create (e.g. imported): indexed now that its PIN is known.
            row.setBlindIndex(pepper.blindIndex(realm.getId(), pin));
        }
        return Verdict.ok(candidate.user().getId());
    }

    /** PIN-only: the one member of the location with this PIN, found by the blind index. */
    private Candidate byBlindIndex(PinLocationEntity location, String pin) {
        if (location.getMode() != PinLoginMode.PIN_ONLY) {
            return Candidate.none(Reason.NOT_PIN_ONLY);
        }
        List<PinQueries.Match> matches = queries.membersWithIndex(realm.getId(), location.getNodeId(),
                pepper.blindIndex(realm.getId(), pin));
        if (matches.isEmpty()) {
            return Candidate.none(Reason.UNKNOWN_PIN);
        }
        if (matches.size() > 1) {
            return Candidate.none(Reason.AMBIGUOUS);
        }
        UserModel user = session.users().getUserById(realm, matches.get(0).userId());
        if (user == null) {
            return Candidate.none(Reason.UNKNOWN_PIN);
        }
        if (!user.isEnabled()) {
            return Candidate.none(Reason.USER_DISABLED);
        }
        CredentialModel stored = user.credentialManager().getStoredCredentialById(matches.get(0).credentialId());
        if (stored == null) {
            return Candidate.none(Reason.UNKNOWN_PIN);
        }
        return new Candidate(user, PinCredentialModel.createFromCredentialModel(stored), null);
    }

    /**
     * Tile and PIN: the chosen user, who must be an enabled member of the location with a PIN. The lookups run for
     * every tile, whoever it names, so that the answer's timing does not tell members from others.
     */
    private Candidate byUser(String userId, String nodeId) {
        UserModel user = userId.length() > 255 ? null : session.users().getUserById(realm, userId);
        boolean member = queries.isMember(nodeId, userId) && user != null;
        CredentialModel stored = user == null ? null : user.credentialManager()
                .getStoredCredentialsByTypeStream(PinCredentialModel.TYPE).findFirst().orElse(null);
        if (!member) {
            return Candidate.none(Reason.NOT_MEMBER);
        }
        if (!user.isEnabled()) {
            return Candidate.none(Reason.USER_DISABLED);
        }
        if (stored == null) {
            return Candidate.none(Reason.NO_PIN);
        }
        return new Candidate(user, PinCredentialModel.createFromCredentialModel(stored), null);
    }

    private Verdict refused(Reason reason, PinAttempt attempt, PinLocationEntity location, PinDeviceEntity device,
                            PinCredentialEntity credential, long now) {
        if (PinLockoutRules.countsAsFailure(reason)) {
            location.setCounter(location.counter().afterFailure(now));
            PinLockoutRules.DeviceCounter before = device.counter();
            device.setCounter(before.afterFailure(now));
            if (before.lockedAt() == null && device.counter().lockedAt() != null) {
                LOG.infof("realm %s: device %s locked after %d consecutive PIN failures", realm.getName(),
                        attempt.deviceId(), device.counter().failures());
            }
        }
        if (reason == Reason.WRONG_PIN && credential != null) {
            PinLockoutRules.CredentialCounter before = credential.counter();
            credential.setCounter(before.afterFailure(now));
            if (!before.locked() && credential.counter().locked()) {
                LOG.infof("realm %s: PIN of user %s locked after %d consecutive failures", realm.getName(),
                        credential.getUserId(), credential.counter().failures());
            }
        }
        LOG.debugf("realm %s: PIN attempt refused (%s) at location %s, device %s", realm.getName(), reason,
                attempt.locationId(), attempt.deviceId());
        return Verdict.refused(reason);
    }

    /** The row that stands in for a credential's lockout row when a tile attempt has no credential to check. */
    static String decoyId(String deviceId) {
        return deviceId + DECOY_SUFFIX;
    }

    /** The work of checking a PIN, for attempts that have no credential to check against. */
    private void dummyHash(String pin) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        pepper.hash(salt, pin);
    }
}
