package io.branchkey.device.jpa;

import java.util.List;

import io.branchkey.device.DeviceProvider;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantTreeEvents;
import jakarta.persistence.EntityManager;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keeps devices consistent with the tree and with Keycloak's users: a location with devices is only deleted with
 * cascade (and takes its devices along), and deleting a device's user deletes the device.
 */
final class DeviceLifecycleListener implements ProviderEventListener {

    private static final String SUBTREE = "(select c.descendantId from NodeClosureEntity c where c.ancestorId = :nodeId)";

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof TenantTreeEvents.SubtreeRemoving removing) {
            onSubtreeRemoving(removing);
        } else if (event instanceof TenantTreeEvents.RealmDataRemoving removing) {
            EntityManager em = em(removing.session());
            String realmId = removing.realm().getId();
            DeviceSessions.forgetRealm(em, realmId);
            em.createQuery("delete from DeviceNonceEntity n where n.deviceId in"
                    + " (select d.id from DeviceEntity d where d.realmId = :realmId)").setParameter("realmId", realmId).executeUpdate();
            for (String entity : new String[] {"DeviceEntity", "EnrollmentEntity", "DeviceTypeEntity"}) {
                em.createQuery("delete from " + entity + " x where x.realmId = :realmId").setParameter("realmId", realmId).executeUpdate();
            }
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            EntityManager em = em(removed.getKeycloakSession());
            DeviceEntity device = em.find(DeviceEntity.class, removed.getUser().getId());
            if (device != null && device.getRealmId().equals(removed.getRealm().getId())) {
                new DeviceSessions(removed.getKeycloakSession(), em).endAll(removed.getRealm(), device.getId());
                em.createQuery("delete from DeviceNonceEntity n where n.deviceId = :deviceId")
                        .setParameter("deviceId", device.getId()).executeUpdate();
                em.remove(device);
            }
        }
    }

    private static void onSubtreeRemoving(TenantTreeEvents.SubtreeRemoving removing) {
        EntityManager em = em(removing.session());
        List<DeviceEntity> devices = em.createQuery("select d from DeviceEntity d where d.locationId in " + SUBTREE,
                DeviceEntity.class).setParameter("nodeId", removing.nodeId()).getResultList();
        em.createQuery("delete from EnrollmentEntity e where e.locationId in " + SUBTREE)
                .setParameter("nodeId", removing.nodeId()).executeUpdate();
        if (devices.isEmpty()) {
            return;
        }
        if (!removing.cascade()) {
            throw BranchkeyException.conflict(null, "the node still has " + devices.size()
                    + " registered device(s): delete them first or pass cascade=true");
        }
        ((JpaDeviceProvider) removing.session().getProvider(DeviceProvider.class)).remove(removing.realm(), devices);
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
