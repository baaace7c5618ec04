package io.branchkey.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;
import org.keycloak.testframework.database.DatabaseConfiguration;
import org.keycloak.testframework.database.TestDatabase;

/** A PostgreSQL server process owned by the test JVM; see {@link EmbeddedPostgresDatabaseSupplier}. */
class EmbeddedPostgresDatabase implements TestDatabase {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresDatabase.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final String USER = "postgres";

    private EmbeddedPostgres postgres;
    private String database;

    @Override
    public void start(DatabaseConfiguration config) {
        if (config.getInitScript() != null) {
            throw new IllegalArgumentException("init scripts are not supported by " + EmbeddedPostgresDatabaseSupplier.ALIAS);
        }
        database = config.getDatabase() != null ? config.getDatabase() : "keycloak";
        if (!SAFE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Unsupported database name: " + database);
        }
        long started = System.currentTimeMillis();
        try {
            // Random free port and a throw-away data directory; zonky also registers a JVM shutdown hook that stops
            // the server if the JVM exits before close() runs.
            postgres = EmbeddedPostgres.builder().start();
            // Keycloak gets its own database, as in production, rather than the "postgres" maintenance database.
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        } catch (SQLException e) {
            stop();
            throw new IllegalStateException("Could not create database " + database, e);
        }
        LOG.infof("Embedded PostgreSQL started on port %d in %d ms", postgres.getPort(), System.currentTimeMillis() - started);
    }

    @Override
    public void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            LOG.info("Embedded PostgreSQL stopped");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
        } finally {
            postgres = null;
        }
    }

    @Override
    public Map<String, String> serverConfig() {
        // Local trust authentication: the password is not checked but Keycloak expects one to be configured.
        return Map.of(
                "db", "postgres",
                "db-url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database,
                "db-username", USER,
                "db-password", USER);
    }
}
