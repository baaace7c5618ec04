package io.branchkey.it.support;

import java.util.List;
import java.util.Map;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ClientBuilder;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.util.ApiUtil;

/**
 * A shop for PIN logins: one account with a store (register and fulfillment device registered there) and a second
 * store; a cashier, a fulfillment worker and a shift lead at the store, each with a generated PIN; a register
 * client allowed device grants, with Branchkey's claims and acr mappers; and a resource server's own client (a
 * service account without roles) for the hierarchy endpoint.
 */
public final class RegisterShop {

    public static final String PASSWORD = "Branchkey-Pin-Login-1";
    public static final String REGISTER_CLIENT = "pin-register";
    public static final String PIN_GRANT = "urn:branchkey:params:oauth:grant-type:pin";
    /** A resource server's confidential client: the hierarchy endpoint answers only a service account. */
    public static final String RESOURCE_SERVER_CLIENT = "shop-resource-server";
    public static final String RESOURCE_SERVER_SECRET = "shop-resource-server-secret";

    public record Person(String id, String username, String pin) {
    }

    public final ManagedRealm realm;
    public final BranchkeyApi admin;
    public final BranchkeyApi publicApi;
    public final OidcTokens tokens;
    public final String issuer;
    public final String account;
    public final String store;
    public final String otherStore;
    public final Map<String, String> templates;
    public final Person cashier;
    public final Person fulfillment;
    public final Person shiftLead;
    public final TestDevice register;
    public final TestDevice fulfillmentDevice;

    private RegisterShop(ManagedRealm realm, Keycloak keycloak, KeycloakUrls urls) {
        this.realm = realm;
        admin = BranchkeyApi.asAdmin(urls, keycloak, realm.getName());
        publicApi = BranchkeyApi.publicApi(urls, realm.getName());
        tokens = new OidcTokens(urls, realm.getName());
        issuer = urls.getBase() + "/realms/" + realm.getName();
        Tree tree = new Tree(admin);
        account = tree.account(null, "PIN Shop " + Tree.uniqueCode("s"));
        store = tree.location(account, "PIN Store");
        otherStore = tree.location(account, "PIN Other Store");
        templates = new AccessApi(admin).loadTemplates("klicktrack");
        cashier = person("Casey", "Cashier", "KlickTrack Cashier");
        fulfillment = person("Finn", "Fulfill", "KlickTrack Fulfillment");
        shiftLead = person("Sam", "Lead", "KlickTrack Shift Lead");
        register = device(store, "register");
        fulfillmentDevice = device(store, "fulfillment");
    }

    public static RegisterShop of(RegisterShop existing, ManagedRealm realm, Keycloak keycloak, KeycloakUrls urls) {
        return existing != null ? existing : new RegisterShop(realm, keycloak, urls);
    }

    /** A staff member of the store with a role there and a freshly generated PIN. */
    public Person person(String first, String last, String roleGroup) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername((first + "-" + Tree.uniqueCode("u")).toLowerCase());
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(user.getUsername() + "@example.org");
        user.setEnabled(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        String id;
        try (var response = realm.admin().users().create(user)) {
            id = ApiUtil.getCreatedId(response);
        }
        admin.put("nodes/" + store + "/users/" + id, null).expect(204);
        new AccessApi(admin).grant(id, store, templates.get(roleGroup));
        return new Person(id, user.getUsername(), newPin(id));
    }

    public String newPin(String userId) {
        return admin.post("users/" + userId + "/pin/generate", null).expect(200).json().get("pin").asText();
    }

    public TestDevice device(String location, String type) {
        String code = admin.post("devices/enrollments", Map.of("locationId", location, "type", type)).expect(201)
                .json().get("code").asText();
        TestDevice device = TestDevice.generate();
        device.enroll(publicApi, code).expect(201);
        return device;
    }

    /** A PIN login at a device: tile (user) + PIN, or PIN only when user is null. */
    public OidcTokens.TokenResponse pinLogin(TestDevice device, String userId, String pin) {
        return userId == null
                ? tokens.grant("grant_type", PIN_GRANT, "client_id", REGISTER_CLIENT,
                        "device_assertion", device.assertion(issuer), "pin", pin)
                : tokens.grant("grant_type", PIN_GRANT, "client_id", REGISTER_CLIENT,
                        "device_assertion", device.assertion(issuer), "pin", pin, "user_id", userId);
    }

    /** A realm with events on, fast password hashing and the register client. */
    public static class Realm implements RealmConfig {

        /** Each test class that builds a shop names its own realm. */
        protected String name() {
            return "bk-pin-login";
        }

        @Override
        public RealmBuilder configure(RealmBuilder realm) {
            return realm.name(name())
                    .passwordPolicy("hashAlgorithm(pbkdf2-sha256) and hashIterations(1)")
                    .eventsEnabled(true)
                    .clients(ClientBuilder.create().clientId(REGISTER_CLIENT).publicClient().directAccessGrantsEnabled()
                            .fullScopeEnabled(false)
                            .redirectUris("http://localhost/*", "http://127.0.0.1/*")
                            .attribute("branchkey.device-grants", "true")
                            .attribute("pkce.code.challenge.method", "S256")
                            .protocolMappers(mapper("branchkey-tenancy-mapper", "bk_tenancy"),
                                    mapper("branchkey-permissions-mapper", "bk_perms"),
                                    mapper("branchkey-acr-mapper", null)))
                    .clients(resourceServer());
        }

        /** Client credentials only: no browser or password logins, no roles. */
        private static ClientRepresentation resourceServer() {
            ClientRepresentation client = ClientBuilder.create().clientId(RESOURCE_SERVER_CLIENT)
                    .secret(RESOURCE_SERVER_SECRET).serviceAccountsEnabled().fullScopeEnabled(false).build();
            client.setPublicClient(false);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            return client;
        }

        private static ProtocolMapperRepresentation mapper(String type, String claim) {
            ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
            mapper.setName(type);
            mapper.setProtocol("openid-connect");
            mapper.setProtocolMapper(type);
            java.util.Map<String, String> config = new java.util.HashMap<>(Map.of("access.token.claim", "true",
                    "id.token.claim", "true", "introspection.token.claim", "true"));
            if (claim != null) {
                config.put("claim.name", claim);
            }
            mapper.setConfig(config);
            return mapper;
        }
    }
}
