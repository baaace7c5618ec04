package io.branchkey.it.support;

import java.util.List;

import org.keycloak.testframework.TestFrameworkExtension;
import org.keycloak.testframework.injection.Supplier;

/**
 * Registers our extra backends with Keycloak's test framework (found through META-INF/services). They are only
 * used when selected by name: kc.test.database=embedded-postgres, kc.test.server=testcontainers.
 */
public class BranchkeyTestFrameworkExtension implements TestFrameworkExtension {

    @Override
    public List<Supplier<?, ?>> suppliers() {
        return List.of(new EmbeddedPostgresDatabaseSupplier(), new TestcontainersKeycloakServerSupplier());
    }
}
