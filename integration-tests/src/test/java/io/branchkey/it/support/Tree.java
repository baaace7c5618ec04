package io.branchkey.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Tree operations through the API, asserting success, for setting up and inspecting test data. */
public final class Tree {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Distinguishes codes of this JVM run from leftovers, in case a realm outlives a run. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    private final BranchkeyApi api;

    public Tree(BranchkeyApi api) {
        this.api = api;
    }

    public BranchkeyApi api() {
        return api;
    }

    /** A code no other node of this run uses: letters, digits and '-', valid by the contract's pattern. */
    public static String uniqueCode(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A JSON body for create: kind, parentId (omitted when null) and name. */
    public static ObjectNode body(String kind, String parentId, String name) {
        ObjectNode body = BranchkeyApi.JSON.createObjectNode();
        body.put("kind", kind);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        body.put("name", name);
        return body;
    }

    public static ObjectNode locationBody(String parentId, String name) {
        return body("LOCATION", parentId, name).put("code", uniqueCode("LOC"));
    }

    /** Creates, expecting 201; returns the created node. */
    public JsonNode create(ObjectNode body) {
        return api.post("nodes", body).expect(201).json();
    }

    public String partner(String name) {
        return create(body("PARTNER", null, name)).get("id").asText();
    }

    public String account(String parentId, String name) {
        return create(body("ACCOUNT", parentId, name)).get("id").asText();
    }

    public String region(String parentId, String name) {
        return create(body("REGION", parentId, name)).get("id").asText();
    }

    public String location(String parentId, String name) {
        return create(locationBody(parentId, name)).get("id").asText();
    }

    /** Creates a node of any kind with a generated code when it needs one. */
    public String node(String kind, String parentId, String name) {
        ObjectNode body = body(kind, parentId, name);
        if ("LOCATION".equals(kind)) {
            body.put("code", uniqueCode("LOC"));
        }
        return create(body).get("id").asText();
    }

    public JsonNode get(String id) {
        return api.get("nodes/" + id).expect(200).json();
    }

    public ApiResponse move(String id, String parentId) {
        ObjectNode body = BranchkeyApi.JSON.createObjectNode();
        if (parentId == null) {
            body.putNull("parentId");
        } else {
            body.put("parentId", parentId);
        }
        return api.post("nodes/" + id + "/move", body);
    }

    public long count(String id) {
        return count(id, "");
    }

    public long count(String id, String query) {
        JsonNode body = api.get("nodes/" + id + "/subtree/count" + query).expect(200).json();
        assertThat(body.has("count")).as("count body %s", body).isTrue();
        return body.get("count").asLong();
    }

    public List<String> subtreeIds(String id, String query) {
        return api.get("nodes/" + id + "/subtree" + query).expect(200).ids();
    }

    public List<String> childrenIds(String id) {
        return api.get("nodes/" + id + "/children?max=1000").expect(200).ids();
    }

    public List<String> ancestorIds(String id) {
        return api.get("nodes/" + id + "/ancestors").expect(200).ids();
    }

    /** Every node of the realm, by id (up to 1000). */
    public Map<String, JsonNode> all() {
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        for (JsonNode node : api.get("nodes?max=1000").expect(200).elements()) {
            nodes.put(node.get("id").asText(), node);
        }
        return nodes;
    }

    /** The names of the array elements, in order. */
    public static List<String> names(ApiResponse response) {
        List<String> names = new ArrayList<>();
        response.elements().forEach(node -> names.add(node.path("name").asText(null)));
        return names;
    }

    public static String randomId() {
        return UUID.randomUUID().toString();
    }
}
