package io.branchkey.device;

/** A disabled device is refused everywhere until a manager enables it again. */
public enum DeviceStatus {
    ACTIVE,
    DISABLED
}
