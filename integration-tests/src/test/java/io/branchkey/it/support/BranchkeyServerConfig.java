package io.branchkey.it.support;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration every Branchkey IT uses. All test classes that name the same config class share a
 * single Keycloak instance, so keep per-test needs out of here (use managed realms instead) to avoid extra restarts.
 */
public class BranchkeyServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder server) {
        // Resolved from the reactor (providers/target/*.jar in `mvn verify`), so the IT always tests the fresh build.
        return server.dependency("io.branchkey", "branchkey-providers");
    }
}
