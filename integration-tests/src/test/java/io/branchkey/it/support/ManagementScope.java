package io.branchkey.it.support;

import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Management tokens in a test realm: Branchkey creates the {@value #NAME} client scope in every realm; the tests
 * make it an optional scope of admin-cli, whose password grant they sign in with, and ask for it by name.
 */
public final class ManagementScope {

    public static final String NAME = "branchkey-manage";

    private ManagementScope() {
    }

    /** Lets admin-cli hand out management tokens in the realm (idempotent). */
    public static void allow(ManagedRealm realm) {
        allow(realm, "admin-cli");
    }

    public static void allow(ManagedRealm realm, String clientId) {
        allow(realm.admin(), clientId);
    }

    public static void allow(RealmResource realm, String clientId) {
        ClientScopeRepresentation scope = realm.clientScopes().findAll().stream()
                .filter(s -> NAME.equals(s.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("Branchkey did not create the " + NAME + " client scope"));
        ClientRepresentation client = realm.clients().findByClientId(clientId).get(0);
        var resource = realm.clients().get(client.getId());
        if (resource.getOptionalClientScopes().stream().noneMatch(s -> NAME.equals(s.getName()))) {
            resource.addOptionalClientScope(scope.getId());
        }
    }
}
