package io.branchkey.tenancy;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;

/**
 * What the tree tells other capabilities (grants, devices) through Keycloak's provider events, so that tenancy
 * depends on none of them. Events are published inside the changing transaction.
 */
public final class TenantTreeEvents {

    private TenantTreeEvents() {
    }

    /**
     * A subtree is about to be deleted. Without {@code cascade}, a listener that still holds data for a node in it
     * refuses by throwing {@link TenancyException} (a conflict); with it, the listener deletes that data.
     */
    public record SubtreeRemoving(KeycloakSession session, RealmModel realm, String nodeId, boolean cascade)
            implements ProviderEvent {
    }

    /** A subtree now hangs below another parent: whatever was inherited along the old path may have changed. */
    public record SubtreeMoved(KeycloakSession session, RealmModel realm, String nodeId) implements ProviderEvent {
    }

    /** The realm is being deleted: listeners delete their rows before the tree's own go. */
    public record RealmDataRemoving(KeycloakSession session, RealmModel realm) implements ProviderEvent {
    }
}
