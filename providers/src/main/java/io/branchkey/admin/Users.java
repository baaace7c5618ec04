package io.branchkey.admin;

import io.branchkey.admin.rest.ApiErrors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

final class Users {

    private Users() {
    }

    /** The realm's user with that id; another realm's user is as unknown as a made-up id. */
    static UserModel require(KeycloakSession session, RealmModel realm, String userId) {
        UserModel user = userId == null || userId.length() > 255 ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            throw ApiErrors.notFound("userId", "no user with id " + userId);
        }
        return user;
    }
}
