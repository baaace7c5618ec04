package io.branchkey.admin.service;

import io.branchkey.common.BranchkeyException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Looking users up by id, the same way for every caller. */
final class Users {

    private Users() {
    }

    /** The realm's user with that id; another realm's user is as unknown as a made-up id. */
    static UserModel require(KeycloakSession session, RealmModel realm, String userId, String field) {
        requirePresent(field, userId);
        UserModel user = userId.length() > 255 ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            throw BranchkeyException.notFound(field, "no user with id " + userId);
        }
        return user;
    }

    /** A required id: missing is the client's mistake (400), not an unknown object (404). */
    static void requirePresent(String field, String value) {
        if (value == null || value.isBlank()) {
            throw BranchkeyException.invalid(field, field + " is required");
        }
    }
}
