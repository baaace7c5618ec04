package io.branchkey.claims;

import java.util.Objects;

/**
 * The scope a token was issued for ({@code bk_tenancy.scope}, docs/claims.md): one location, one account and
 * everything below it, or everything the user's grants reach.
 *
 * @param type not null
 * @param nodeId the location's or account's id; null for {@link Type#ALL}
 * @param handle the node's handle; 0 for {@link Type#ALL}, and 0 when the claim did not carry it
 */
public record ActiveScope(Type type, String nodeId, long handle) {

    /** The scope's kind, as {@code scope.type} spells it in lower case. */
    public enum Type {
        LOCATION, ACCOUNT, ALL
    }

    public static final ActiveScope ALL = new ActiveScope(Type.ALL, null, 0);

    public ActiveScope {
        Objects.requireNonNull(type, "type");
        if (type == Type.ALL ? nodeId != null || handle != 0 : nodeId == null || handle < 0) {
            throw new IllegalArgumentException("a location or account scope has a node id; all has neither id nor handle");
        }
    }
}
