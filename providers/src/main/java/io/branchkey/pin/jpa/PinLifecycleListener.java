package io.branchkey.pin.jpa;

import io.branchkey.device.DeviceEvents;
import io.branchkey.pin.PinProvider;

import io.branchkey.common.RowLock;
import io.branchkey.pin.PinLoginMode;
import io.branchkey.pin.PinPeppers;
import io.branchkey.common.BranchkeyException;
import io.branchkey.tenancy.TenantTreeEvents;
import jakarta.persistence.EntityManager;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keeps PIN rows in step with the tree and Keycloak: a deleted subtree takes its locations' PIN settings along,
* a deleted realm everything, a deleted device its lockout; credential rows go with Keycloak's credentials by foreign key. A new member of a
 * PIN-only location must not bring a PIN another member already has. Runs inside the changing transaction.
 */
final class PinLifecycleListener implements ProviderEventListener {

    private final PinPeppers peppers;

    PinLifecycleListener(PinPeppers peppers) {
        this.peppers = peppers;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof TenantTreeEvents.SubtreeRemoving removing) {
            new PinQueries(JpaPinProvider.em(removing.session())).deleteLocationsInSubtree(removing.nodeId());
        } else if (event instanceof TenantTreeEvents.RealmDataRemoving removing) {
            new PinQueries(JpaPinProvider.em(removing.session())).deleteRealmData(removing.realm().getId());
            peppers.forget(removing.realm().getId());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            new PinQueries(JpaPinProvider.em(removed.getKeycloakSession())).deleteCredentialRowsOfUser(removed.getUser().getId());
        } else if (event instanceof TenantTreeEvents.MemberAdded added) {
            onMemberAdded(added);
        } else if (event instanceof DeviceEvents.DeviceRemoving removing) {
            removing.session().getProvider(PinProvider.class).removeDeviceData(removing.realm(), removing.deviceId());
        }
    }

    private static void onMemberAdded(TenantTreeEvents.MemberAdded added) {
        EntityManager em = JpaPinProvider.em(added.session());
        // The same lock as PIN changes at this location, so a PIN set meanwhile is seen.
        PinLocationEntity location = RowLock.lock(em, PinLocationEntity.class, added.nodeId());
        if (location == null || location.getMode() != PinLoginMode.PIN_ONLY) {
            return;
        }
        PinCredentialEntity own = em.createQuery("select p from PinCredentialEntity p where p.userId = :userId",
                        PinCredentialEntity.class).setParameter("userId", added.userId())
                .getResultStream().findFirst().orElse(null);
        if (own == null || own.getBlindIndex() == null) {
            return;
        }
        long others = new PinQueries(em).othersWithIndex(added.realm().getId(), java.util.List.of(added.nodeId()),
                added.userId(), own.getBlindIndex());
        if (others > 0) {
            throw BranchkeyException.conflict("userId", "this location has PIN-only login and the user's PIN is"
                    + " another member's too: give the user a new PIN first");
        }
    }
}
