package io.branchkey.tenancy;

import java.util.Map;

/**
 * A node of a realm's tenant tree. Ids are opaque and never change, not even when the node moves.
 */
public interface TenantNodeModel {

    String getId();

    String getRealmId();

    NodeKind getKind();

    /**
     * A short number naming the node in token claims: unique in the realm, positive, never changed (not even by a
     * move) and never reused after the node is deleted.
     */
    long getHandle();

    /** The parent's id, or null for a root. */
    String getParentId();

    /** Distance from the root: 0 for a root. */
    int getDepth();

    String getName();

    /** Unique in the realm; null when the node has none. */
    String getCode();

    NodeStatus getStatus();

    /** IANA zone id, or null. */
    String getTimezone();

    NodeAddress getAddress();

    /** External identifiers such as licenseNumber or posId; never null. */
    Map<String, String> getExternalIds();

    long getCreatedAt();

    long getUpdatedAt();
}
