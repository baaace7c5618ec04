package io.branchkey.tenancy.jpa;

import io.branchkey.tenancy.TenantMembershipProvider;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keeps our rows in step with Keycloak's: a deleted realm takes its tree along, a deleted user their
 * memberships. Runs inside the deleting transaction, so both commit or neither does.
 */
final class TenancyLifecycleListener implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            removed.getKeycloakSession().getProvider(TenantTreeProvider.class).removeRealmData(removed.getRealm());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            removed.getKeycloakSession().getProvider(TenantMembershipProvider.class)
                    .removeUserData(removed.getRealm(), removed.getUser().getId());
        }
    }
}
