package io.branchkey.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.util.ApiUtil;

/** Users created through Keycloak's own admin client, removed after the test unless the test removed them. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A plain enabled user with e-mail and names; returns its id. */
    public static String create(ManagedRealm realm, String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@example.org");
        user.setFirstName("First " + username);
        user.setLastName("Last " + username);
        user.setEnabled(true);
        try (Response response = realm.admin().users().create(user)) {
            assertThat(response.getStatus()).as("create user %s in %s", username, realm.getName()).isEqualTo(201);
            String id = ApiUtil.getCreatedId(response);
            realm.cleanup().add(r -> {
                try {
                    r.users().get(id).remove();
                } catch (NotFoundException alreadyGone) {
                    // the test deleted it
                }
            });
            return id;
        }
    }

    public static String uniqueName(String prefix) {
        return (prefix + "-" + Tree.uniqueCode("u")).toLowerCase();
    }
}
