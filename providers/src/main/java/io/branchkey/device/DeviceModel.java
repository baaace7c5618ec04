package io.branchkey.device;

/**
 * A registered device: bound for life to one location, typed, named, proven by the key it generated at
 * enrollment. Its id is also the id of the Keycloak user that represents it in device tokens.
 *
 * @param lastSeenAt epoch millis of its last proven request, 0 if none yet
 */
public record DeviceModel(String id, String realmId, String locationId, String type, String name, DeviceStatus status,
                          String createdBy, long createdAt, long updatedAt, long lastSeenAt) {

    public boolean isActive() {
        return status == DeviceStatus.ACTIVE;
    }
}
