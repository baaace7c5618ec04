package io.branchkey.admin.service;

import io.branchkey.common.BranchkeyException;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.branchkey.tenancy.NodeAddress;
import io.branchkey.tenancy.NodeDraft;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;
import io.branchkey.tenancy.TenantNodeModel;

/**
 * A node as the REST API shows it and accepts it. Read-only members (id, handle, depth, timestamps) are ignored on input.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeRepresentation(String id, Long handle, NodeKind kind, String parentId, String name, String code,
                                 NodeStatus status, String timezone, AddressRepresentation address,
                                 Map<String, String> externalIds, Integer depth, Long createdAt, Long updatedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddressRepresentation(String line1, String line2, String city, String region, String postalCode,
                                        String country) {
    }

    public static NodeRepresentation of(TenantNodeModel node) {
        NodeAddress a = node.getAddress();
        AddressRepresentation address = a.isEmpty() ? null
                : new AddressRepresentation(a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country());
        return new NodeRepresentation(node.getId(), node.getHandle(), node.getKind(), node.getParentId(), node.getName(), node.getCode(),
                node.getStatus(), node.getTimezone(), address, node.getExternalIds(), node.getDepth(),
                node.getCreatedAt(), node.getUpdatedAt());
    }

    /**
     * The validated attributes; throws BranchkeyException naming the field at fault.
     *
     * @param currentKind the node's kind when updating (an absent kind means "unchanged"), null when creating
     */
    public NodeDraft toDraft(NodeKind currentKind) {
        NodeAddress nodeAddress = address == null ? null : new NodeAddress(address.line1(), address.line2(),
                address.city(), address.region(), address.postalCode(), address.country());
        return new NodeDraft(kind == null ? currentKind : kind, name, code, status, timezone, nodeAddress, externalIds);
    }
}
