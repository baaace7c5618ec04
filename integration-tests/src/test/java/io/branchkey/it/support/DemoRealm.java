package io.branchkey.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * The demo realm exactly as ./run.sh imports it: realm-config/demo-realm.json through Keycloak's admin API, then
 * realm-config/seed/demo-tenants.json through Branchkey's seed endpoint. Created once per server and kept.
 */
public final class DemoRealm {

    public static final String NAME = "branchkey-demo";
    public static final String PASSWORD = "demo";

    private static final Path REALM_CONFIG = Path.of("..", "realm-config");

    private DemoRealm() {
    }

    /** Creates and seeds the demo realm unless the server already has it; returns an admin API client for it. */
    public static synchronized BranchkeyApi ensure(Keycloak admin, KeycloakUrls urls) {
        BranchkeyApi api = BranchkeyApi.asAdmin(urls, admin, NAME);
        boolean exists = admin.realms().findAll().stream().anyMatch(r -> NAME.equals(r.getRealm()));
        if (!exists) {
            admin.realms().create(read("demo-realm.json", RealmRepresentation.class));
            api.post("seed", read("seed/demo-tenants.json")).expect(200);
        }
        assertThat(api.get("nodes/by-code/GW-DEN-001").status()).as("the demo seed is in place").isEqualTo(200);
        return api;
    }

    /** A realm-config file, as text. */
    public static String read(String relativePath) {
        try {
            return Files.readString(REALM_CONFIG.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String relativePath, Class<T> type) {
        try {
            return BranchkeyApi.JSON.readValue(read(relativePath), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A node's id by its code. */
    public static String node(BranchkeyApi api, String code) {
        return api.get("nodes/by-code/" + code).expect(200).id();
    }
}
