package io.branchkey.it.device;

import java.util.List;
import java.util.Map;

import io.branchkey.it.support.AccessApi;
import io.branchkey.it.support.ManagementScope;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.OidcTokens;
import io.branchkey.it.support.TestDevice;
import io.branchkey.it.support.Tree;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.admin.client.Keycloak;

/**
 * A small shop for device tests: one account with two stores, a store manager and a cashier at store 1, a manager
 * at store 2, the KlickTrack templates, and two clients: a device app allowed device grants and one that is not.
 */
final class DeviceWorld {

    static final String PASSWORD = "Branchkey-Devices-1";
    static final String DEVICE_APP = "device-app";
    static final String PLAIN_APP = "plain-app";

    final BranchkeyApi admin;
    final BranchkeyApi publicApi;
    final OidcTokens tokens;
    final String issuer;
    final String account;
    final String store1;
    final String store2;
    final String manager1;
    final String cashier1;
    final String manager2;
    final Map<String, String> templates;
    private final KeycloakUrls urls;
    private final String realm;

    private DeviceWorld(ManagedRealm managed, Keycloak keycloak, KeycloakUrls urls) {
        ManagementScope.allow(managed);
        this.urls = urls;
        this.realm = managed.getName();
        admin = BranchkeyApi.asAdmin(urls, keycloak, realm);
        publicApi = BranchkeyApi.publicApi(urls, realm);
        tokens = new OidcTokens(urls, realm);
        issuer = urls.getBase() + "/realms/" + realm;
        Tree tree = new Tree(admin);
        AccessApi access = new AccessApi(admin);
        account = tree.account(null, "Device Shop " + Tree.uniqueCode("d"));
        store1 = tree.location(account, "Device Store One");
        store2 = tree.location(account, "Device Store Two");
        templates = access.loadTemplates("klicktrack");
        manager1 = person(managed, "manager1");
        cashier1 = person(managed, "cashier1");
        manager2 = person(managed, "manager2");
        access.grant(manager1, store1, templates.get("KlickTrack Manager"));
        access.grant(cashier1, store1, templates.get("KlickTrack Cashier"));
        access.grant(manager2, store2, templates.get("KlickTrack Manager"));
    }

    static DeviceWorld of(DeviceWorld existing, ManagedRealm managed, Keycloak keycloak, KeycloakUrls urls) {
        return existing != null ? existing : new DeviceWorld(managed, keycloak, urls);
    }

    private static String person(ManagedRealm managed, String prefix) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(prefix + "-" + Tree.uniqueCode("p").toLowerCase());
        user.setEnabled(true);
        user.setEmail(user.getUsername() + "@example.org");
        user.setFirstName("First");
        user.setLastName("Last");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        try (var response = managed.admin().users().create(user)) {
            return org.keycloak.testframework.util.ApiUtil.getCreatedId(response);
        }
    }

    String username(ManagedRealm managed, String userId) {
        return managed.admin().users().get(userId).toRepresentation().getUsername();
    }

    /** The delegated API as one of the people. */
    BranchkeyApi as(ManagedRealm managed, String userId) {
        String token = BranchkeyApi.managementToken(urls, realm, username(managed, userId), PASSWORD);
        return BranchkeyApi.delegated(urls, realm, token);
    }

    /** A new device enrolled at the location by a realm admin. */
    TestDevice enrolledDevice(String location, String type) {
        String code = admin.post("devices/enrollments", Map.of("locationId", location, "type", type)).expect(201)
                .json().get("code").asText();
        TestDevice device = TestDevice.generate();
        device.enroll(publicApi, code).expect(201);
        return device;
    }

    /** Fast password hashing (the tests log in often) and the two clients. */
    public static class Realm implements RealmConfig {
        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name("bk-devices")
                    .passwordPolicy("hashAlgorithm(pbkdf2-sha256) and hashIterations(1)")
                    .clients(ClientBuilder.create().clientId(DEVICE_APP).publicClient().directAccessGrantsEnabled()
                                    .fullScopeEnabled(false)
                                    .attribute("branchkey.device-grants", "true"),
                            ClientBuilder.create().clientId(PLAIN_APP).publicClient().directAccessGrantsEnabled());
        }
    }
}
