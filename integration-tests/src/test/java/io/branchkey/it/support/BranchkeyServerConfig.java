package io.branchkey.it.support;

import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder.LogHandlers;

/**
 * The one server configuration every Branchkey IT uses. All test classes that name the same config class share a
 * single Keycloak instance, so keep per-test needs out of here (use managed realms instead) to avoid extra restarts.
 */
public class BranchkeyServerConfig implements KeycloakServerConfig {

    /**
     * The server also logs to this file (besides the console that ends up in failsafe's *-output.txt), so that
     * tests can read what the server logged, e.g. to prove that no PIN ever reaches the log. Branchkey's own
     * categories log at DEBUG there.
     */
    public static final Path SERVER_LOG = Path.of("target", "keycloak-server.log").toAbsolutePath();

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder server) {
        server.log().handlers(LogHandlers.CONSOLE, LogHandlers.FILE).categoryLevel("io.branchkey", "DEBUG");
        // Resolved from the reactor (providers/target/*.jar in `mvn verify`), so the IT always tests the fresh build.
        return server.option("log-file", SERVER_LOG.toString())
                .dependency("io.branchkey", "branchkey-providers")
                // test-only: one read of a realm's whole Branchkey state (GenerativeEscalationIT)
                .dependency("io.branchkey", "branchkey-it-probe");
    }
}
