package io.branchkey.device.jpa;

import java.util.List;

import io.branchkey.device.DeviceType;

/** The device types every realm starts with (KlickTrack's registers, fulfillment devices and queue desktops). */
final class DefaultDeviceTypes {

    static final List<DeviceType> ALL = List.of(
            new DeviceType("register", "Register", "register.access", null),
            new DeviceType("fulfillment", "Fulfillment device", "fulfillment.access", null),
            new DeviceType("queue-desktop", "Queue desktop", "queue.access", null),
            new DeviceType("kiosk", "Kiosk", "kiosk.access", null));

    private DefaultDeviceTypes() {
    }
}
