package io.branchkey.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The ids of a seeded realm's tree, read back through the admin API. */
record RealmTree(TreeShape shape, String partnerId, List<String> accountIds, List<Region> regions,
                 List<String> locationIds) {

    record Region(String id, String accountId, UsStates.State state) {
    }

    String realm() {
        return shape.realm();
    }

    List<UsStates.State> statesOf(String accountId) {
        return regions.stream().filter(r -> r.accountId().equals(accountId)).map(Region::state).toList();
    }

    /** Polls until the seed's locations are all there, then reads the tree. */
    static RealmTree await(AdminApi api, TreeShape shape, Duration timeout) throws IOException, InterruptedException {
        String nodes = shape.realm() + "/branchkey/nodes";
        long deadline = System.nanoTime() + timeout.toNanos();
        String partnerId = null;
        long count = -1;
        while (count != shape.locations()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("seed of " + shape.realm() + " not complete after " + timeout
                        + ": " + count + " of " + shape.locations() + " locations (see keycloak.log)");
            }
            api.ensureFreshToken();
            JsonNode roots = api.getJson(nodes + "/roots");
            if (!roots.isEmpty()) {
                partnerId = roots.get(0).path("id").asText();
                count = api.getJson(nodes + "/" + partnerId + "/subtree/count?kind=LOCATION").path("count").asLong();
            }
            if (count != shape.locations()) {
                Thread.sleep(2000);
            }
        }
        List<String> accounts = ids(api.getJson(nodes + "/" + partnerId + "/children?max=1000"));
        List<Region> regions = new ArrayList<>();
        for (JsonNode r : api.getJson(nodes + "/" + partnerId + "/subtree?kind=REGION&max=1000")) {
            String code = r.path("code").asText();
            regions.add(new Region(r.path("id").asText(), r.path("parentId").asText(),
                    UsStates.byCode(code.substring(code.lastIndexOf('-') + 1))));
        }
        List<String> locations = new ArrayList<>();
        for (int first = 0; first < shape.locations(); first += 1000) {
            locations.addAll(ids(api.getJson(nodes + "/" + partnerId + "/subtree?kind=LOCATION&max=1000&first=" + first)));
        }
        if (accounts.size() != shape.accounts() || regions.size() != shape.regions() || locations.size() != shape.locations()) {
            throw new IllegalStateException("unexpected tree in " + shape.realm() + ": " + accounts.size() + " accounts, "
                    + regions.size() + " regions, " + locations.size() + " locations");
        }
        return new RealmTree(shape, partnerId, accounts, regions, locations);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }
}
