package io.branchkey.tenancy;

import io.branchkey.common.BranchkeyException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
     * refuses by throwing {@link BranchkeyException} (a conflict); with it, the listener deletes that data.
     */
    public record SubtreeRemoving(KeycloakSession session, RealmModel realm, String nodeId, boolean cascade)
            implements ProviderEvent {
    }

    /** A subtree now hangs below another parent: whatever was inherited along the old path may have changed. */
    public record SubtreeMoved(KeycloakSession session, RealmModel realm, String nodeId) implements ProviderEvent {
    }

    /**
     * A seed file has just created the realm's tree. {@code sections} holds the file's sections that belong to
     * other capabilities (e.g. {@code access}: templates and grants), unparsed; listeners read their own.
     */
    public record TreeSeeded(KeycloakSession session, RealmModel realm, Map<String, JsonNode> sections, String source)
            implements ProviderEvent {
    }

    /**
     * A user has just become a member of a node (the row is written). A listener may refuse by throwing
     * {@link BranchkeyException} (a conflict), e.g. a PIN-only location whose PINs must stay unique.
     */
    public record MemberAdded(KeycloakSession session, RealmModel realm, String nodeId, String userId)
            implements ProviderEvent {
    }

    /** A user's home account was set, changed or cleared (its row is written): cached claims that carry it are stale. */
    public record HomeAccountChanged(KeycloakSession session, RealmModel realm, String userId) implements ProviderEvent {
    }

    /** The realm is being deleted: listeners delete their rows before the tree's own go. */
    public record RealmDataRemoving(KeycloakSession session, RealmModel realm) implements ProviderEvent {
    }
}
