package io.branchkey.tenancy;

import java.util.stream.Stream;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.Provider;

/**
 * Which users belong to which nodes (the staff of a location, the people of an account), and each user's
 * home account.
 */
public interface TenantMembershipProvider extends Provider {

    /** Makes the user a member of the node; returns false if they already were. */
    boolean addMember(RealmModel realm, TenantNodeModel node, UserModel user);

    /** Ends the membership (and the home account if it was this node); returns false if there was none. */
    boolean removeMember(RealmModel realm, TenantNodeModel node, UserModel user);

    /** Ids of the node's members; with {@code subtree} those of every node below it too, each user once. */
    Stream<String> getMemberIds(RealmModel realm, TenantNodeModel node, boolean subtree, int first, int max);

    /** The nodes the user is a member of, ordered by depth then name. */
    Stream<TenantNodeModel> getMemberships(RealmModel realm, UserModel user);

    /** Sets the user's home account, which must be an ACCOUNT; the user also becomes a member of it. */
    void setHomeAccount(RealmModel realm, UserModel user, TenantNodeModel account);

    /** The id of the user's home account, or null. */
    String getHomeAccountId(RealmModel realm, UserModel user);

    /** Returns false if the user had none. */
    boolean clearHomeAccount(RealmModel realm, UserModel user);

    /** Removes every membership of the user; called when the user is deleted. */
    void removeUserData(RealmModel realm, String userId);
}
