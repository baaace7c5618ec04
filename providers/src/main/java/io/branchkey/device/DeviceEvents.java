package io.branchkey.device;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;

/**
 * What devices tell other capabilities (PIN lockouts) through Keycloak's provider events, so that device depends on
 * none of them. Events are published inside the changing transaction.
 */
public final class DeviceEvents {

    private DeviceEvents() {
    }

    /** A device is about to be deleted: whatever is kept per device must go with it. */
    public record DeviceRemoving(KeycloakSession session, RealmModel realm, String deviceId) implements ProviderEvent {
    }
}
