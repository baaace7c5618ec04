package io.branchkey.access;

import io.branchkey.common.BranchkeyException;
import java.util.BitSet;
import java.util.List;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/** Role groups: realm templates and account-owned groups. Rule violations raise BranchkeyException. */
public interface RoleGroupProvider extends Provider {

    /** Creates a group; {@code ownerNodeId} null makes a realm template, otherwise it must be an ACCOUNT or PARTNER. */
    RoleGroup create(RealmModel realm, String ownerNodeId, RoleGroupDraft draft, String source);

    RoleGroup update(RealmModel realm, String id, RoleGroupDraft draft);

    /** Deletes a group nobody holds; a group still granted is a conflict. */
    void delete(RealmModel realm, String id);

    /** The group, or null (also for another realm's group). */
    RoleGroup get(RealmModel realm, String id);

    /**
     * The group if it can be granted at the node (a template, or a group owned by the node or an ancestor), else
     * null: another account's group is as unknown there as a made-up id.
     */
    RoleGroup grantableAt(RealmModel realm, String id, String nodeId);

    /**
     * The catalog indexes of the keys, for a group owned by {@code ownerNodeId} (null: a template). Refuses, naming
     * the key: unknown and retired permissions, realm-admin-only ones outside templates, and ones whose minimum
     * level is above the owning node, where they could never take effect.
     */
    BitSet permissionsFor(RealmModel realm, String ownerNodeId, List<String> keys);

    List<RoleGroup> templates(RealmModel realm);

    List<RoleGroup> ownedBy(RealmModel realm, String ownerNodeId);

    /** What can be granted at a node: the templates and the groups owned by the node or its ancestors. */
    List<RoleGroup> visibleAt(RealmModel realm, String nodeId);

    /**
     * Creates or refreshes the realm templates of one source system shipped in realm-config/templates, by name.
     *
     * @return the system's templates as they now are
     */
    List<RoleGroup> loadTemplates(RealmModel realm, String system);

    void removeRealmData(RealmModel realm);
}
