package io.branchkey.tenancy.jpa;

import java.util.Map;

import io.branchkey.tenancy.NodeAddress;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.NodeStatus;
import io.branchkey.tenancy.TenantNodeModel;

/** Read view of a node entity; writes go through the provider so its rules apply. */
final class TenantNodeAdapter implements TenantNodeModel {

    private final TenantNodeEntity entity;

    TenantNodeAdapter(TenantNodeEntity entity) {
        this.entity = entity;
    }

    @Override public String getId() { return entity.getId(); }
    @Override public String getRealmId() { return entity.getRealmId(); }
    @Override public NodeKind getKind() { return entity.getKind(); }
    @Override public long getHandle() { return entity.getHandle(); }
    @Override public String getParentId() { return entity.getParentId(); }
    @Override public int getDepth() { return entity.getDepth(); }
    @Override public String getName() { return entity.getName(); }
    @Override public String getCode() { return entity.getCode(); }
    @Override public NodeStatus getStatus() { return entity.getStatus(); }
    @Override public String getTimezone() { return entity.getTimezone(); }
    @Override public long getCreatedAt() { return entity.getCreatedAt(); }
    @Override public long getUpdatedAt() { return entity.getUpdatedAt(); }

    @Override
    public NodeAddress getAddress() {
        return new NodeAddress(entity.getAddressLine1(), entity.getAddressLine2(), entity.getCity(),
                entity.getRegion(), entity.getPostalCode(), entity.getCountry());
    }

    @Override
    public Map<String, String> getExternalIds() {
        return Map.copyOf(entity.getExternalIds());
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof TenantNodeModel other && getId().equals(other.getId());
    }

    @Override
    public int hashCode() {
        return getId().hashCode();
    }
}
