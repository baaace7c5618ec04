package io.branchkey.tenancy.jpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.branchkey.tenancy.NodeAddress;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;
import io.branchkey.tenancy.TenantNodeModel;

/**
 * A node as a listing reads it: a snapshot of its columns, never a managed entity, so a page of a hundred nodes
 * adds nothing to the persistence context and costs nothing when the transaction flushes.
 */
record ListedNode(String id, String realmId, NodeKind kind, long handle, String parentId, int depth, String name,
                  String code, NodeStatus status, String timezone, NodeAddress address, Map<String, String> externalIds,
                  long createdAt, long updatedAt) implements TenantNodeModel {

    /**
     * The select list that {@link #fold} reads: the node (alias {@code node}) and one of its external ids (alias
     * {@code x}, left-joined), so a node comes as one row per external id.
     */
    static final String COLUMNS = "node.id, node.realmId, node.kind, node.handle, node.parentId, node.depth, node.name,"
            + " node.code, node.status, node.timezone, node.addressLine1, node.addressLine2, node.city, node.region,"
            + " node.postalCode, node.country, node.createdAt, node.updatedAt, key(x), value(x)";

    /** Folds rows of {@link #COLUMNS}, each node's rows next to each other, into nodes in the rows' order. */
    static List<TenantNodeModel> fold(List<Object[]> rows) {
        List<TenantNodeModel> nodes = new ArrayList<>();
        String currentId = null;
        Object[] first = null;
        Map<String, String> externalIds = new HashMap<>();
        for (Object[] row : rows) {
            if (!row[0].equals(currentId)) {
                if (first != null) {
                    nodes.add(of(first, externalIds));
                }
                currentId = (String) row[0];
                first = row;
                externalIds = new HashMap<>();
            }
            if (row[18] != null) {
                externalIds.put((String) row[18], (String) row[19]);
            }
        }
        if (first != null) {
            nodes.add(of(first, externalIds));
        }
        return nodes;
    }

    private static ListedNode of(Object[] r, Map<String, String> externalIds) {
        NodeAddress address = new NodeAddress((String) r[10], (String) r[11], (String) r[12], (String) r[13],
                (String) r[14], (String) r[15]);
        return new ListedNode((String) r[0], (String) r[1], (NodeKind) r[2], (Long) r[3], (String) r[4], (Integer) r[5],
                (String) r[6], (String) r[7], (NodeStatus) r[8], (String) r[9], address, Map.copyOf(externalIds),
                (Long) r[16], (Long) r[17]);
    }

    @Override public String getId() { return id; }
    @Override public String getRealmId() { return realmId; }
    @Override public NodeKind getKind() { return kind; }
    @Override public long getHandle() { return handle; }
    @Override public String getParentId() { return parentId; }
    @Override public int getDepth() { return depth; }
    @Override public String getName() { return name; }
    @Override public String getCode() { return code; }
    @Override public NodeStatus getStatus() { return status; }
    @Override public String getTimezone() { return timezone; }
    @Override public NodeAddress getAddress() { return address; }
    @Override public Map<String, String> getExternalIds() { return externalIds; }
    @Override public long getCreatedAt() { return createdAt; }
    @Override public long getUpdatedAt() { return updatedAt; }

    /** Equal to any model of the same node, as TenantNodeAdapter is. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TenantNodeModel other && id.equals(other.getId());
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
