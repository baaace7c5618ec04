package io.branchkey.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything about a claims-benchmark run the report states besides the measurements.
 *
 * @param treeLoading   per realm, how its tree was loaded
 * @param groupSizes    permissions per role group used, by name
 * @param dataSeconds   how long users, grants and clients took, all realms
 */
record ClaimsFacts(Environment environment, List<ClaimsRealm> realms, Map<String, String> treeLoading,
                   Map<String, Integer> groupSizes, long dataSeconds, Map<String, Long> rowCounts, ClaimsSettings settings) {

    ClaimsRealm realm(int locations) {
        return realms.stream().filter(r -> r.shape().locations() == locations).findFirst().orElseThrow();
    }
}
