package io.branchkey.bench;

import java.util.List;
import java.util.Map;

/** Everything about a tenant-tree run the report states besides the measurements. */
record RunFacts(Environment environment, List<TreeShape> shapes, Map<String, String> loading, Map<String, Long> rowCounts,
                BenchSettings settings) {
}
