package io.branchkey.access;

import io.branchkey.common.BranchkeyException;
import java.util.List;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/** Grants of role groups to users at nodes. Rule violations raise BranchkeyException. */
public interface GrantProvider extends Provider {

    /**
     * Grants a role group that is visible at the node; an identical grant (same user, node, group and window) is
     * returned instead of a duplicate.
     */
    Grant grant(RealmModel realm, String userId, String nodeId, String roleGroupId, GrantWindow window, String grantedBy);

    /** Returns false if the realm has no such grant. */
    boolean revoke(RealmModel realm, String grantId);

    Grant get(RealmModel realm, String grantId);

    List<Grant> ofUser(RealmModel realm, String userId);

    List<Grant> atNode(RealmModel realm, String nodeId);

    /** Every grant of the role group: its holders, wherever. */
    List<Grant> ofRoleGroup(RealmModel realm, String roleGroupId);

    /** Revokes every grant of the user; returns how many there were. */
    int revokeAll(RealmModel realm, String userId);

    void removeUserData(RealmModel realm, String userId);

    void removeRealmData(RealmModel realm);
}
