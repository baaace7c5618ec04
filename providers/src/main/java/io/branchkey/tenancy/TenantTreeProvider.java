package io.branchkey.tenancy;

import io.branchkey.common.BranchkeyException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * The tenant tree of a realm: partners, accounts, regions and locations.
 * <p>
 * Every read is scoped to the given realm: a node of another realm is never returned. Structural changes
 * (create, move, delete) are serialised per realm so concurrent callers can never produce a cycle.
 * Rule violations raise {@link BranchkeyException}.
 */
public interface TenantTreeProvider extends Provider {

    /** Creates a node below {@code parentId} (null: a root). */
    TenantNodeModel createNode(RealmModel realm, String parentId, NodeDraft draft);

    /** Returns the node, or null when the realm has no node with that id. */
    TenantNodeModel getNode(RealmModel realm, String id);

    /** Returns the node with that code, or null. */
    TenantNodeModel getNodeByCode(RealmModel realm, String code);

    /** Replaces the attributes of a node; its kind must stay the same. */
    TenantNodeModel updateNode(RealmModel realm, String id, NodeDraft draft);

    /** Re-parents a node with its whole subtree (null: make it a root). */
    TenantNodeModel moveNode(RealmModel realm, String id, String newParentId);

    /**
     * Deletes a node. Without {@code cascade} a node with children is refused; with it the whole subtree goes.
     */
    void removeNode(RealmModel realm, String id, boolean cascade);

    /** All nodes of the realm that match, ordered by depth then name. */
    Stream<TenantNodeModel> searchNodes(RealmModel realm, NodeFilter filter, int first, int max);

    /** Nodes without a parent, ordered by name. */
    Stream<TenantNodeModel> getRoots(RealmModel realm, int first, int max);

    /** Direct children, ordered by name. */
    Stream<TenantNodeModel> getChildren(RealmModel realm, String id, int first, int max);

    /** Descendants of a node (not the node itself) that match, ordered by depth then name. */
    Stream<TenantNodeModel> getSubtree(RealmModel realm, String id, NodeFilter filter, int first, int max);

    long countSubtree(RealmModel realm, String id, NodeFilter filter);

    /** The path from the root down to the node's parent (empty for a root). */
    List<TenantNodeModel> getAncestors(RealmModel realm, String id);

    /** Ids of the node and all its ancestors: what a grant lookup needs. */
    List<String> getAncestorOrSelfIds(RealmModel realm, String id);

    /** A number that changes whenever a node of the realm is created, moved or deleted (0 for an empty realm). */
    long getTreeVersion(RealmModel realm);

    /**
     * The handles of the given nodes, by id. Ids must be nodes of this realm (ids the caller got from this realm's
     * tree or grants); unknown ids are left out.
     */
    Map<String, Long> getHandles(RealmModel realm, Collection<String> ids);

    /** Handles from the root down to the node itself; empty when the realm has no such node. */
    List<Long> getPathHandles(RealmModel realm, String id);

    /** Every node of the realm in handle order, as outlines: one query. */
    List<NodeOutline> getOutline(RealmModel realm);

    /**
     * Takes the realm's structure lock until the transaction ends (moves, creations and deletions take it too):
     * a caller that checks where a node sits before moving it does so under this lock, so the answer still holds.
     */
    void lockStructure(RealmModel realm);

    /**
     * Locks the node's row until the transaction ends (SELECT ... FOR UPDATE), to serialise decisions that depend
     * on what is granted below it, such as keeping an account's last role manager. Unknown ids are ignored.
     */
    void lockNode(RealmModel realm, String id);

    /** Removes everything of the realm; called when the realm is deleted. */
    void removeRealmData(RealmModel realm);
}
