package io.branchkey.bench;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Creates a seed file's tree through the admin API (POST nodes, one node per call, parents first) instead of the
 * startup seed importer. Used for the 10,000-location realm: the importer creates a whole file in one
 * transaction and did not finish 10,000 locations within Keycloak's transaction timeout (see README.md).
 */
final class ApiTreeLoader {

    private final AdminApi api;
    private int created;
    private long started;

    ApiTreeLoader(AdminApi api) {
        this.api = api;
    }

    /** Returns the number of nodes created. */
    int load(Path seedFile) throws IOException, InterruptedException {
        JsonNode seed = AdminApi.JSON.readTree(seedFile.toFile());
        String realm = seed.path("realm").asText();
        started = System.nanoTime();
        for (JsonNode node : seed.path("nodes")) {
            create(realm, null, node);
        }
        return created;
    }

    private void create(String realm, String parentId, JsonNode node) throws IOException, InterruptedException {
        ObjectNode body = node.deepCopy();
        body.remove("children");
        body.put("parentId", parentId);
        api.ensureFreshToken();
        String id = AdminApi.JSON.readTree(api.post(realm + "/branchkey/nodes", body.toString())).path("id").asText();
        if (++created % 1000 == 0) {
            System.out.printf("  %s: %,d nodes created through the API (%d s)%n", realm, created,
                    (System.nanoTime() - started) / 1_000_000_000L);
        }
        for (JsonNode child : node.path("children")) {
            create(realm, id, child);
        }
    }
}
