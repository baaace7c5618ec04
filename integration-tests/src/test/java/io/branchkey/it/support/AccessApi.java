package io.branchkey.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Admin-API shortcuts for the access model: role groups, grants and effective permissions, as a realm admin. */
public final class AccessApi {

    private final BranchkeyApi api;

    public AccessApi(BranchkeyApi api) {
        this.api = api;
    }

    /** A role group owned by {@code ownerNodeId} (null: a realm template); returns its id. */
    public String roleGroup(String ownerNodeId, String name, String... permissions) {
        ObjectNode body = BranchkeyApi.JSON.createObjectNode().put("name", name);
        if (ownerNodeId != null) {
            body.put("ownerNodeId", ownerNodeId);
        }
        body.putArray("permissions").addAll(List.of(permissions).stream()
                .map(BranchkeyApi.JSON.getNodeFactory()::textNode).toList());
        return api.post("role-groups", body).expect(201).id();
    }

    /** A custom realm permission; returns its key. */
    public String permission(String key, String... implies) {
        ObjectNode body = BranchkeyApi.JSON.createObjectNode().put("key", key).put("name", "Test " + key)
                .put("section", "Tests");
        body.putArray("implies").addAll(List.of(implies).stream().map(BranchkeyApi.JSON.getNodeFactory()::textNode).toList());
        api.post("catalog/permissions", body).expect(201);
        return key;
    }

    public String grant(String userId, String nodeId, String roleGroupId) {
        return grant(userId, nodeId, roleGroupId, null, null);
    }

    public String grant(String userId, String nodeId, String roleGroupId, Long startsAt, Long endsAt) {
        return api.post("grants", grantBody(userId, nodeId, roleGroupId, startsAt, endsAt)).expect(201).id();
    }

    public static ObjectNode grantBody(String userId, String nodeId, String roleGroupId, Long startsAt, Long endsAt) {
        ObjectNode body = BranchkeyApi.JSON.createObjectNode().put("userId", userId).put("nodeId", nodeId)
                .put("roleGroupId", roleGroupId);
        if (startsAt != null) {
            body.put("startsAt", startsAt);
        }
        if (endsAt != null) {
            body.put("endsAt", endsAt);
        }
        return body;
    }

    public void revoke(String grantId) {
        api.delete("grants/" + grantId).expect(204);
    }

    /** The user's effective permission keys at the node, sorted. */
    public List<String> effective(String userId, String nodeId) {
        JsonNode body = api.get("users/" + userId + "/access/permissions?nodeId=" + nodeId).expect(200).json();
        List<String> keys = new ArrayList<>();
        body.get("permissions").forEach(key -> keys.add(key.asText()));
        assertThat(keys).as("effective permissions are sorted").isSorted();
        return keys;
    }

    public boolean holds(String userId, String nodeId, String permission) {
        return effective(userId, nodeId).contains(permission);
    }

    /** Loads a source system's shipped templates; returns their ids by name. */
    public Map<String, String> loadTemplates(String system) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (JsonNode group : api.post("role-groups/templates/" + system, null).expect(200).elements()) {
            ids.put(group.get("name").asText(), group.get("id").asText());
        }
        return ids;
    }
}
