package io.branchkey.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.branchkey.it.support.BranchkeyServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.SpiInfoRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** Guards the harness itself: the right server, with our provider jar actually deployed. */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class ServerSmokeIT {

    @InjectAdminClient
    Keycloak admin;

    @Test
    void runsTheKeycloakVersionWeShipFor() {
        String expected = System.getProperty("branchkey.keycloak.version");
        assertThat(expected).as("branchkey.keycloak.version (set by failsafe)").isNotBlank();

        assertThat(serverInfo().getSystemInfo().getVersion()).isEqualTo(expected);
    }

    @Test
    void deploysTheAdminRestExtension() {
        assertThat(providerIds("admin-realm-restapi-extension")).containsKey("branchkey");
    }

    @Test
    void deploysTheJpaEntities() {
        assertThat(providerIds("jpa-entity-provider")).containsKey("branchkey");
    }

    private Map<String, ?> providerIds(String spi) {
        SpiInfoRepresentation info = serverInfo().getProviders().get(spi);
        assertThat(info).as("SPI " + spi).isNotNull();
        return info.getProviders();
    }

    private ServerInfoRepresentation serverInfo() {
        return admin.serverInfo().getInfo();
    }
}
