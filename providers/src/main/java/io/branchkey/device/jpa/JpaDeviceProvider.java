package io.branchkey.device.jpa;

import io.branchkey.device.DeviceEvents;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.branchkey.access.GrantProvider;
import io.branchkey.access.GrantWindow;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.device.DeviceAssertions;
import io.branchkey.device.DeviceKeys;
import io.branchkey.device.DeviceModel;
import io.branchkey.device.DeviceProofException;
import io.branchkey.device.DeviceProvider;
import io.branchkey.device.DeviceStatus;
import io.branchkey.device.DeviceType;
import io.branchkey.device.EnrollmentCode;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.common.BranchkeyException;
import io.branchkey.common.RowLock;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

final class JpaDeviceProvider implements DeviceProvider {

    /** The Keycloak user that represents a device in its own tokens carries this attribute. */
    static final String DEVICE_ATTRIBUTE = "branchkey.device";
    static final String USERNAME_PREFIX = "device-";
    private static final int MAX_NAME = 255;
    static final long MIN_EXPIRY_SECONDS = 5;
    static final long MAX_EXPIRY_SECONDS = 86_400;

    private static final int NONCE_SWEEP_ONE_IN = 16;

    private final KeycloakSession session;
    private final EntityManager em;
    private final long enrollmentTtlMillis;
    private final DeviceSessions sessions;

    JpaDeviceProvider(KeycloakSession session, EntityManager em, long enrollmentTtlMillis) {
        this.session = session;
        this.em = em;
        this.enrollmentTtlMillis = enrollmentTtlMillis;
        this.sessions = new DeviceSessions(session, em);
    }

    @Override
    public EnrollmentCode createEnrollment(RealmModel realm, String locationId, String type, String name,
                                           Long expiresInSeconds, String createdBy) {
        if (expiresInSeconds != null && (expiresInSeconds < MIN_EXPIRY_SECONDS || expiresInSeconds > MAX_EXPIRY_SECONDS)) {
            throw BranchkeyException.invalid("expiresInSeconds",
                    "expiresInSeconds must be from " + MIN_EXPIRY_SECONDS + " to " + MAX_EXPIRY_SECONDS);
        }
        TenantNodeModel location = requireLocation(realm, locationId);
        DeviceType deviceType = requireType(realm, type);
        String cleanName = optionalName(name);
        long now = System.currentTimeMillis();
        String code = EnrollmentCodes.newCode();
        EnrollmentEntity entity = new EnrollmentEntity();
        entity.setCodeHash(EnrollmentCodes.hash(realm.getId(), EnrollmentCodes.normalize(code)));
        entity.setRealmId(realm.getId());
        entity.setLocationId(location.getId());
        entity.setType(deviceType.name());
        entity.setName(cleanName);
        entity.setCreatedBy(createdBy);
        entity.setCreatedAt(now);
        entity.setExpiresAt(now + (expiresInSeconds == null ? enrollmentTtlMillis : expiresInSeconds * 1000L));
        em.persist(entity);
        return new EnrollmentCode(code, location.getId(), deviceType.name(), cleanName, entity.getExpiresAt());
    }

    @Override
    public DeviceModel redeem(RealmModel realm, String code, String publicJwk, String name) {
        String normalized = EnrollmentCodes.normalize(code);
        DeviceKeys.requireValidPublicJwk(publicJwk);
        long now = System.currentTimeMillis();
        EnrollmentEntity enrollment = normalized == null ? null
                : em.find(EnrollmentEntity.class, EnrollmentCodes.hash(realm.getId(), normalized));
        String deviceId = KeycloakModelUtils.generateId();
        // One conditional update consumes the code: of two racing redeemers exactly one gets the row.
        int consumed = enrollment == null ? 0 : em.createQuery("update EnrollmentEntity e set e.usedAt = :now,"
                        + " e.deviceId = :deviceId where e.codeHash = :hash and e.usedAt is null and e.expiresAt > :now")
                .setParameter("now", now).setParameter("deviceId", deviceId)
                .setParameter("hash", enrollment.getCodeHash()).executeUpdate();
        if (consumed != 1) {
            throw BranchkeyException.invalid("code", "the enrollment code is invalid, expired or already used");
        }
        String deviceName = optionalName(name) != null ? optionalName(name)
                : enrollment.getName() != null ? enrollment.getName() : requireType(realm, enrollment.getType()).displayName();
        DeviceEntity device = new DeviceEntity();
        device.setId(deviceId);
        device.setRealmId(realm.getId());
        device.setLocationId(enrollment.getLocationId());
        device.setType(enrollment.getType());
        device.setName(deviceName);
        device.setStatus(DeviceStatus.ACTIVE);
        device.setPublicKey(publicJwk);
        device.setCreatedBy(enrollment.getCreatedBy());
        device.setCreatedAt(now);
        device.setUpdatedAt(now);
        em.persist(device);
        em.flush();
        createDeviceUser(realm, device);
        return device.toModel();
    }

    @Override
    public DeviceModel verifyAssertion(RealmModel realm, String assertion, String audience) {
        String deviceId = DeviceAssertions.claimedDevice(assertion);
        DeviceEntity device = find(realm, deviceId);
        if (device == null) {
            throw new DeviceProofException(DeviceProofException.Reason.UNKNOWN_DEVICE, "unknown device");
        }
        DeviceAssertions.Checked checked = DeviceAssertions.verify(assertion, device.getId(), device.getPublicKey(),
                audience, System.currentTimeMillis() / 1000L);
        if (device.getStatus() != DeviceStatus.ACTIVE) {
            throw new DeviceProofException(DeviceProofException.Reason.DISABLED, "the device is disabled");
        }
        consumeJti(checked);
        device.setLastSeenAt(System.currentTimeMillis());
        return device.toModel();
    }

    /** Records the jti in a transaction of its own: committed even when the request it proves fails later. */
    private void consumeJti(DeviceAssertions.Checked checked) {
        long now = System.currentTimeMillis();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                EntityManager own = s.getProvider(JpaConnectionProvider.class).getEntityManager();
                // Expired nonces of this device can go (their assertions are refused as expired anyway), now and then:
                // a statement saved on most logins, and the table still holds at most a few minutes of them.
                if (ThreadLocalRandom.current().nextInt(NONCE_SWEEP_ONE_IN) == 0) {
                    own.createQuery("delete from DeviceNonceEntity n where n.deviceId = :deviceId and n.expiresAt < :now")
                            .setParameter("deviceId", checked.deviceId()).setParameter("now", now).executeUpdate();
                }
                own.persist(new DeviceNonceEntity(checked.deviceId(), checked.jti(), checked.expiresAtMillis()));
            });
        } catch (PersistenceException | ModelException e) {
            throw new DeviceProofException(DeviceProofException.Reason.REPLAYED, "the assertion was used before");
        }
    }

    @Override
    public DeviceModel get(RealmModel realm, String id) {
        DeviceEntity entity = find(realm, id);
        return entity == null ? null : entity.toModel();
    }

    @Override
    public List<DeviceModel> atLocation(RealmModel realm, String locationId) {
        return em.createNamedQuery("bkDevicesAtLocation", DeviceEntity.class)
                .setParameter("locationId", locationId).setParameter("realmId", realm.getId())
                .getResultStream().map(DeviceEntity::toModel).toList();
    }

    @Override
    public DeviceModel rename(RealmModel realm, String id, String name) {
        DeviceEntity device = require(realm, id);
        String cleanName = optionalName(name);
        if (cleanName == null) {
            throw BranchkeyException.invalid("name", "name must not be blank");
        }
        device.setName(cleanName);
        device.setUpdatedAt(System.currentTimeMillis());
        return device.toModel();
    }

    @Override
    public DeviceModel setStatus(RealmModel realm, String id, DeviceStatus status) {
        DeviceEntity device = require(realm, id);
        // Row lock first: a login binding its session to this device waits for this change (bindSession).
        em.lock(device, LockModeType.PESSIMISTIC_WRITE);
        device.setStatus(status);
        device.setUpdatedAt(System.currentTimeMillis());
        UserModel user = session.users().getUserById(realm, device.getId());
        if (user != null) {
            user.setEnabled(status == DeviceStatus.ACTIVE);
            if (status != DeviceStatus.ACTIVE) {
                session.sessions().removeUserSessions(realm, user);
            }
        }
        if (status != DeviceStatus.ACTIVE) {
            sessions.endAll(realm, device.getId());
        }
        return device.toModel();
    }

    @Override
    public void bindSession(RealmModel realm, String deviceId, String userSessionId, boolean newSession) {
        // by key: the device proof of this request loaded it already, so this costs no query
        DeviceEntity device = deviceId == null ? null : em.find(DeviceEntity.class, deviceId);
        if (device != null && !realm.getId().equals(device.getRealmId())) {
            device = null;
        }
        if (device != null) {
            em.flush();
            // FOR UPDATE, then its state as of the lock (refresh(entity, lockMode) reads without locking here)
            device = RowLock.lock(em, DeviceEntity.class, deviceId);
        }
        if (device == null || device.getStatus() != DeviceStatus.ACTIVE) {
            throw new DeviceProofException(DeviceProofException.Reason.DISABLED, "the device is disabled or gone");
        }
        sessions.record(realm, deviceId, userSessionId, newSession);
    }

    @Override
    public boolean delete(RealmModel realm, String id) {
        DeviceEntity device = find(realm, id);
        if (device == null) {
            return false;
        }
        remove(realm, List.of(device));
        return true;
    }

    /** Deletes devices with their nonces, the sessions begun at them and the users that represent them. */
    void remove(RealmModel realm, List<DeviceEntity> devices) {
        for (DeviceEntity device : devices) {
            sessions.endAll(realm, device.getId());
            em.createQuery("delete from DeviceNonceEntity n where n.deviceId = :deviceId")
                    .setParameter("deviceId", device.getId()).executeUpdate();
            session.getKeycloakSessionFactory().publish(new DeviceEvents.DeviceRemoving(session, realm, device.getId()));
            em.remove(device);
        }
        em.flush();
        for (DeviceEntity device : devices) {
            UserModel user = session.users().getUserById(realm, device.getId());
            if (user != null) {
                session.users().removeUser(realm, user);
            }
        }
    }

    @Override
    public List<DeviceType> types(RealmModel realm) {
        List<DeviceTypeEntity> stored = storedTypes(realm);
        if (stored.isEmpty()) {
            DefaultDeviceTypes.ALL.forEach(type -> em.persist(new DeviceTypeEntity(realm.getId(), type)));
            em.flush();
            stored = storedTypes(realm);
        }
        return stored.stream().map(DeviceTypeEntity::toModel).toList();
    }

    @Override
    public DeviceType type(RealmModel realm, String name) {
        return types(realm).stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public DeviceType saveType(RealmModel realm, DeviceType type) {
        if (session.getProvider(PermissionCatalogProvider.class).getCatalog(realm).get(type.loginPermission()) == null) {
            throw BranchkeyException.invalid("loginPermission", "the catalog has no permission " + type.loginPermission());
        }
        if (type.roleGroupId() != null) {
            var group = session.getProvider(RoleGroupProvider.class).get(realm, type.roleGroupId());
            if (group == null || !group.isTemplate()) {
                throw BranchkeyException.invalid("roleGroupId", "a device type's role group must be a realm template");
            }
        }
        types(realm);
        Map<String, DeviceTypeEntity> byName = storedTypes(realm).stream()
                .collect(Collectors.toMap(t -> t.toModel().name(), Function.identity()));
        DeviceTypeEntity existing = byName.get(type.name());
        if (existing == null) {
            em.persist(new DeviceTypeEntity(realm.getId(), type));
        } else {
            existing.apply(type);
        }
        em.flush();
        return type;
    }

    @Override
    public void close() {
    }

    private List<DeviceTypeEntity> storedTypes(RealmModel realm) {
        return em.createNamedQuery("bkDeviceTypesOfRealm", DeviceTypeEntity.class).setParameter("realmId", realm.getId())
                .getResultList();
    }

    /** The device's own user: id = device id, no credentials; it holds the type's role group at the location. */
    private void createDeviceUser(RealmModel realm, DeviceEntity device) {
        UserModel user = session.users().addUser(realm, device.getId(), USERNAME_PREFIX + device.getId(), false, false);
        user.setEnabled(true);
        user.setSingleAttribute(DEVICE_ATTRIBUTE, "true");
        DeviceType type = requireType(realm, device.getType());
        if (type.roleGroupId() != null) {
            session.getProvider(GrantProvider.class).grant(realm, user.getId(), device.getLocationId(),
                    type.roleGroupId(), GrantWindow.ALWAYS, "device:" + device.getId());
        }
    }

    private TenantNodeModel requireLocation(RealmModel realm, String locationId) {
        TenantNodeModel node = locationId == null ? null : session.getProvider(TenantTreeProvider.class).getNode(realm, locationId);
        if (node == null) {
            throw BranchkeyException.notFound("locationId", "no location with id " + locationId);
        }
        if (node.getKind() != NodeKind.LOCATION) {
            throw BranchkeyException.invalid("locationId", "devices are registered at a LOCATION");
        }
        return node;
    }

    private DeviceType requireType(RealmModel realm, String type) {
        DeviceType found = type == null ? null : type(realm, type);
        if (found == null) {
            throw BranchkeyException.invalid("type", "unknown device type " + type + "; the realm has "
                    + types(realm).stream().map(DeviceType::name).toList());
        }
        return found;
    }

    private static String optionalName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME) {
            throw BranchkeyException.invalid("name", "name must be at most " + MAX_NAME + " characters");
        }
        return trimmed;
    }

    private DeviceEntity find(RealmModel realm, String id) {
        return id == null || id.length() > 64 ? null : em.createNamedQuery("bkDeviceById", DeviceEntity.class)
                .setParameter("id", id).setParameter("realmId", realm.getId())
                .getResultStream().findFirst().orElse(null);
    }

    private DeviceEntity require(RealmModel realm, String id) {
        DeviceEntity device = find(realm, id);
        if (device == null) {
            throw BranchkeyException.notFound("id", "no device with id " + id);
        }
        return device;
    }
}
