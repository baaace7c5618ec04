package io.branchkey.admin.service;

import java.util.stream.Stream;

import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Users who administer Keycloak itself: anyone holding a role of the realm's {@code realm-management} client and,
 * in the master realm, a role of any realm's admin client or the {@code admin} / {@code create-realm} roles
 * (directly, through a composite or through a group). No delegated caller may act on them.
 */
final class KeycloakAdmins {

    private KeycloakAdmins() {
    }

    static boolean isAdmin(KeycloakSession session, RealmModel realm, UserModel user) {
        return adminRoles(session, realm).anyMatch(user::hasRole);
    }

    private static Stream<RoleModel> adminRoles(KeycloakSession session, RealmModel realm) {
        Stream<ClientModel> clients = Stream.of(realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID));
        Stream<RoleModel> realmRoles = Stream.empty();
        if (Config.getAdminRealm().equals(realm.getName())) {
            clients = Stream.concat(clients, session.realms().getRealmsStream().map(RealmModel::getMasterAdminClient));
            realmRoles = Stream.of(realm.getRole("admin"), realm.getRole("create-realm"));
        }
        return Stream.concat(realmRoles, clients.filter(java.util.Objects::nonNull).flatMap(ClientModel::getRolesStream))
                .filter(java.util.Objects::nonNull);
    }
}
