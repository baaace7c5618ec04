package io.branchkey.it.support;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.testframework.server.AbstractKeycloakServerSupplier;
import org.keycloak.testframework.server.KeycloakServer;

/**
 * Server backend {@code testcontainers}: the official Keycloak image in Docker, for machines that have a Docker
 * engine (the default {@code distribution} backend needs none). The image defaults to the same version the
 * distribution backend runs; override with -Dkc.test.server.image=...
 */
public class TestcontainersKeycloakServerSupplier extends AbstractKeycloakServerSupplier {

    public static final String ALIAS = "testcontainers";
    private static final Logger LOG = Logger.getLogger(TestcontainersKeycloakServerSupplier.class);

    @ConfigProperty(name = "image")
    String image;

    @Override
    public KeycloakServer getServer() {
        return new TestcontainersKeycloakServer(image != null ? image : defaultImage());
    }

    private static String defaultImage() {
        // Set by failsafe from ${keycloak.dist.version}, the single place the server version is chosen.
        String version = System.getProperty("branchkey.keycloak.version");
        if (version == null) {
            throw new IllegalStateException("Run through Maven (failsafe sets branchkey.keycloak.version) "
                    + "or set kc.test.server.image");
        }
        return "quay.io/keycloak/keycloak:" + version;
    }

    @Override
    public boolean requiresDatabase() {
        return true;
    }

    @Override
    public String getAlias() {
        return ALIAS;
    }

    @Override
    public Logger getLogger() {
        return LOG;
    }
}
