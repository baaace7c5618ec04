package io.branchkey.bench;

import java.util.List;
import java.util.Map;

/** Everything about a run the report states besides the measurements. */
record RunFacts(String date, String command, String machine, String os, String java, String keycloak, String postgres,
                String revision, String loadAtStart, String loadBeforeTiming, String loadAfterTiming,
                long keycloakStartSeconds, boolean providerJarWasNew, List<TreeShape> shapes,
                Map<String, String> loading, Map<String, Long> rowCounts,
                BenchSettings settings) {
}
