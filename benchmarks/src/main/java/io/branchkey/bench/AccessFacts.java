package io.branchkey.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything about an access-benchmark run the report states besides the measurements.
 *
 * @param treeLoading       per realm, how its tree was loaded
 * @param resolvedPairs     distinct (user, node) pairs resolved in this server run altogether (cache entries)
 */
record AccessFacts(Environment environment, List<AccessShape> shapes, Map<String, String> treeLoading,
                   Map<String, AccessData.Loaded> loaded, Map<String, Long> rowCounts, AccessSettings settings,
                   int resolvedPairs) {

    AccessShape small() {
        return shapes.get(0);
    }

    AccessShape large() {
        return shapes.get(shapes.size() - 1);
    }
}
