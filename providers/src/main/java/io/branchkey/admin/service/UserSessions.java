package io.branchkey.admin.service;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Ends everything a user is signed in with: online and offline sessions (with their refresh tokens), and every
 * access token issued before now for checks that read the not-before time (userinfo, introspection, /check).
 */
final class UserSessions {

    private UserSessions() {
    }

    static void end(KeycloakSession session, RealmModel realm, UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        session.sessions().removeUserSessions(realm, user);
        session.sessions().getOfflineUserSessionsStream(realm, user).toList()
                .forEach(offline -> session.sessions().removeOfflineUserSession(realm, offline));
    }
}
