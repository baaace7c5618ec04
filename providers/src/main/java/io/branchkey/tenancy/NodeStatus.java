package io.branchkey.tenancy;

public enum NodeStatus {
    ACTIVE,
    SUSPENDED
}
