package io.branchkey.pin.jpa;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

import io.branchkey.common.RowLock;
import io.branchkey.pin.Pepper;
import io.branchkey.pin.PinAttempt;
import io.branchkey.pin.SetPinAttempts;
import io.branchkey.pin.PinCredentialModel;
import io.branchkey.pin.PinCredentialProviderFactory;
import io.branchkey.pin.PinDeviceStatus;
import io.branchkey.pin.PinLockoutRules;
import io.branchkey.pin.PinLoginMode;
import io.branchkey.pin.PinLoginResult;
import io.branchkey.pin.PinPeppers;
import io.branchkey.pin.PinPolicies;
import io.branchkey.pin.PinPolicy;
import io.branchkey.pin.PinPolicyException;
import io.branchkey.pin.PinPolicyException.Problem;
import io.branchkey.pin.PinProvider;
import io.branchkey.pin.PinStatus;
import io.branchkey.pin.SetPinRequiredActionFactory;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.StorageId;

/**
 * PINs on Keycloak's database (docs/pin.md). A PIN change locks, in this order, the user's row (one change per
 * user at a time) and the rows of the user's PIN-only locations (so two members cannot race to the same PIN);
 * an attempt locks location, device, credential. Locations come before credentials in both, so they cannot
 * deadlock.
 */
final class JpaPinProvider implements PinProvider {

    private static final Logger LOG = Logger.getLogger(JpaPinProvider.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Draws before giving up on a random PIN; each is refused with a probability far below one half. */
    private static final int MAX_DRAWS = 1000;

    private final KeycloakSession session;
    private final EntityManager em;
    private final PinPeppers peppers;
    private final LongSupplier clock;
    private final PinQueries queries;

    JpaPinProvider(KeycloakSession session, EntityManager em, PinPeppers peppers, LongSupplier clock) {
        this.session = session;
        this.em = em;
        this.peppers = peppers;
        this.clock = clock;
        this.queries = new PinQueries(em);
    }

    // ---- login

    @Override
    public PinLoginResult attempt(RealmModel realm, PinAttempt attempt) {
        Objects.requireNonNull(attempt, "attempt");
        if (attempt.locationId() == null || attempt.locationId().isBlank()) {
            throw new IllegalArgumentException("a PIN attempt needs the location's id");
        }
        if (attempt.deviceId() == null || attempt.deviceId().isBlank() || attempt.deviceId().length() > 255) {
            throw new IllegalArgumentException("a PIN attempt needs the device's id");
        }
        String realmId = realm.getId();
        RefusalPace pace = RefusalPace.startNow();
        PinGuard.Verdict verdict = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                session.getContext(), own -> {
                    RealmModel ownRealm = own.realms().getRealm(realmId);
                    own.getContext().setRealm(ownRealm);
                    Pepper pepper = peppers.forRealm(own, ownRealm);
                    return new PinGuard(own, em(own), ownRealm, pepper, PinPolicies.read(ownRealm), clock).attempt(attempt);
                }, "branchkey-pin-attempt");
        if (verdict.reason() != null) {
            pace.awaitFloor();
            return PinLoginResult.refused(verdict.reason());
        }
        UserModel user = session.users().getUserById(realm, verdict.userId());
        if (user == null) {
            return PinLoginResult.refused(PinLoginResult.Reason.NOT_MEMBER);
        }
        return verdict.denied() ? PinLoginResult.denied(user) : PinLoginResult.ok(user);
    }

    @Override
    public PinLoginMode loginMode(RealmModel realm, String locationId) {
        PinLocationEntity location = locationId == null ? null : em.find(PinLocationEntity.class, locationId);
        return location == null || !location.getRealmId().equals(realm.getId()) ? PinLoginMode.TILE_AND_PIN : location.getMode();
    }

    @Override
    public void setLoginMode(RealmModel realm, String locationId, PinLoginMode mode) {
        TenantNodeModel node = locationId == null ? null : session.getProvider(TenantTreeProvider.class).getNode(realm, locationId);
        if (node == null || node.getKind() != NodeKind.LOCATION) {
            throw new PinPolicyException(Problem.INVALID, "id", "only LOCATION nodes have PIN settings");
        }
        Objects.requireNonNull(mode, "mode");
        PinLocationEntity location = RowLock.acquire(session, em, PinLocationEntity.class, node.getId(),
                () -> new PinLocationEntity(node.getId(), realm.getId()));
        if (mode == PinLoginMode.PIN_ONLY && location.getMode() != PinLoginMode.PIN_ONLY) {
            long mustChange = queries.membersSharingAPin(node.getId());
            if (mustChange > 0) {
                throw new PinPolicyException(Problem.NOT_UNIQUE, "mode", mustChange + " member(s) of this location"
                        + " share a PIN with a colleague and must get a new PIN before PIN-only login can be switched on");
            }
        }
        location.setMode(mode);
        em.flush();
    }

    @Override
    public List<UserModel> tileUsers(RealmModel realm, String locationId, int max) {
        if (locationId == null || max <= 0) {
            return List.of();
        }
        return queries.tileUserIds(realm.getId(), locationId, max).stream()
                .map(id -> session.users().getUserById(realm, id))
                .filter(Objects::nonNull)
                .toList();
    }

    // ---- devices

    @Override
    public void unlockDevice(RealmModel realm, String deviceId) {
        PinDeviceEntity device = deviceId == null ? null : RowLock.lock(em, PinDeviceEntity.class, deviceId);
        if (device != null && device.getRealmId().equals(realm.getId())) {
            device.setCounter(PinLockoutRules.DeviceCounter.CLEAR);
            em.flush();
        }
    }

    @Override
    public PinDeviceStatus deviceStatus(RealmModel realm, String deviceId) {
        PinDeviceEntity device = deviceId == null ? null : em.find(PinDeviceEntity.class, deviceId);
        if (device == null || !device.getRealmId().equals(realm.getId())) {
            return new PinDeviceStatus(0, null, null);
        }
        PinLockoutRules.DeviceCounter counter = device.counter();
        Long retryAt = counter.retryAt();
        return new PinDeviceStatus(counter.failures(), counter.lockedAt(),
                retryAt != null && retryAt > clock.getAsLong() ? retryAt : null);
    }

    @Override
    public void removeDeviceData(RealmModel realm, String deviceId) {
        if (deviceId != null) {
            em.createNativeQuery("delete from BK_PIN_DEVICE where DEVICE_ID in (:id, :decoy) and REALM_ID = :realmId")
                    .setParameter("id", deviceId).setParameter("decoy", PinGuard.decoyId(deviceId))
                    .setParameter("realmId", realm.getId()).executeUpdate();
        }
    }

    // ---- setting and resetting

    @Override
    public String generate(RealmModel realm, UserModel user, Integer length) {
        PinPolicy policy = policy(realm);
        int digits = policy.lengthOrDefault(length);
        requireLocalUser(user);
        SetPinAttempts.require(session, realm, user);
        Pepper pepper = peppers.forRealm(session, realm);
        List<String> pinOnly = lockForChange(user);
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            String pin = randomDigits(digits);
            String index = pepper.blindIndex(realm.getId(), pin);
            if (!policy.isBlocked(pin) && queries.othersWithIndex(realm.getId(), pinOnly, user.getId(), index) == 0) {
                store(realm, user, pin, index, pepper);
                LOG.infof("realm %s: new PIN generated for user %s", realm.getName(), user.getId());
                return pin;
            }
        }
        throw new IllegalStateException("no usable random PIN of " + digits + " digits after " + MAX_DRAWS + " draws");
    }

    @Override
    public boolean mayChoose(RealmModel realm, UserModel user) {
        return policy(realm).usersMayChoose() && queries.pinOnlyLocationsOf(user.getId()).isEmpty();
    }

    @Override
    public void setChosen(RealmModel realm, UserModel user, String pin) {
        PinPolicy policy = policy(realm);
        if (!policy.usersMayChoose()) {
            throw new PinPolicyException(Problem.NOT_ALLOWED, "pin", "this realm does not let users choose their PIN");
        }
        SetPinAttempts.require(session, realm, user);
        policy.checkChosen(pin);
        requireLocalUser(user);
        Pepper pepper = peppers.forRealm(session, realm);
        if (!lockForChange(user).isEmpty()) {
            throw new PinPolicyException(Problem.NOT_ALLOWED, "pin", "PINs are generated at PIN-only locations");
        }
        store(realm, user, pin, pepper.blindIndex(realm.getId(), pin), pepper);
        LOG.infof("realm %s: user %s chose a new PIN", realm.getName(), user.getId());
    }

    @Override
    public void reset(RealmModel realm, UserModel user) {
        lockUser(user);
        removePins(realm, user);
        SetPinRequiredActionFactory.ensureRegistered(realm);
        user.addRequiredAction(SetPinRequiredActionFactory.PROVIDER_ID);
        LOG.infof("realm %s: PIN of user %s reset", realm.getName(), user.getId());
    }

    @Override
    public boolean unlock(RealmModel realm, UserModel user) {
        CredentialModel credential = pinCredential(user);
        if (credential == null) {
            return false;
        }
        PinCredentialEntity row = RowLock.lock(em, PinCredentialEntity.class, credential.getId());
        if (row != null) {
            row.setCounter(PinLockoutRules.CredentialCounter.CLEAR);
            em.flush();
        }
        return true;
    }

    @Override
    public boolean isConfigured(RealmModel realm, UserModel user) {
        return pinCredential(user) != null;
    }

    @Override
    public PinStatus status(RealmModel realm, UserModel user) {
        CredentialModel credential = pinCredential(user);
        if (credential == null) {
            return PinStatus.NONE;
        }
        PinCredentialEntity row = em.find(PinCredentialEntity.class, credential.getId());
        PinLockoutRules.CredentialCounter counter = row == null ? PinLockoutRules.CredentialCounter.CLEAR : row.counter();
        return new PinStatus(true, credential.getCreatedDate(), counter.locked(), counter.failures());
    }

    @Override
    public PinPolicy policy(RealmModel realm) {
        return PinPolicies.read(realm);
    }

    @Override
    public void setPolicy(RealmModel realm, PinPolicy policy) {
        PinPolicies.write(realm, Objects.requireNonNull(policy, "policy"));
    }

    @Override
    public void close() {
    }

    // ---- internals

    /** Locks the user, then the user's PIN-only locations; returns those locations' ids. */
    private List<String> lockForChange(UserModel user) {
        lockUser(user);
        List<String> pinOnly = queries.pinOnlyLocationsOf(user.getId());
        pinOnly.forEach(id -> RowLock.lock(em, PinLocationEntity.class, id));
        return pinOnly;
    }

    private void lockUser(UserModel user) {
        // Keycloak's own row of the user: locking it does not change it, so no refresh is needed.
        em.find(UserEntity.class, user.getId(), LockModeType.PESSIMISTIC_WRITE);
    }

    private void store(RealmModel realm, UserModel user, String pin, String blindIndex, Pepper pepper) {
        removePins(realm, user);
        PinCredentialModel model = PinCredentialModel.create(pin, pepper);
        CredentialModel created = credentials().createCredential(realm, user, model);
        em.flush();
        em.persist(new PinCredentialEntity(created.getId(), realm.getId(), user.getId(), blindIndex));
        em.flush();
        user.removeRequiredAction(SetPinRequiredActionFactory.PROVIDER_ID);
    }

    /** Every PIN credential of the user, with its row (the foreign key's cascade; the delete covers any leftover). */
    private void removePins(RealmModel realm, UserModel user) {
        CredentialProvider<?> credentials = credentials();
        user.credentialManager().getStoredCredentialsByTypeStream(PinCredentialModel.TYPE).toList()
                .forEach(c -> credentials.deleteCredential(realm, user, c.getId()));
        queries.deleteCredentialRowsOfUser(user.getId());
    }

    private static CredentialModel pinCredential(UserModel user) {
        return user.credentialManager().getStoredCredentialsByTypeStream(PinCredentialModel.TYPE).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private CredentialProvider<PinCredentialModel> credentials() {
        return (CredentialProvider<PinCredentialModel>) session.getProvider(CredentialProvider.class,
                PinCredentialProviderFactory.PROVIDER_ID);
    }

    private static void requireLocalUser(UserModel user) {
        if (!StorageId.isLocalStorage(user)) {
            throw new PinPolicyException(Problem.NOT_ALLOWED, "userId",
                    "PINs need a user stored in Keycloak's database, not in a federated store");
        }
    }

    private static String randomDigits(int digits) {
        char[] pin = new char[digits];
        for (int i = 0; i < digits; i++) {
            pin[i] = (char) ('0' + RANDOM.nextInt(10));
        }
        return new String(pin);
    }

    static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
