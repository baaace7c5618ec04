package io.branchkey.device;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.branchkey.device.DeviceModel;
import io.branchkey.device.EnrollmentCode;

/** JSON shapes of devices in the admin, delegated and device APIs; never the device's key. */
public final class DeviceRepresentation {

    private DeviceRepresentation() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Device(String id, String locationId, String type, String name, String status, String createdBy,
                         long createdAt, long updatedAt, Long lastSeenAt) {

        public static Device of(DeviceModel d) {
            return new Device(d.id(), d.locationId(), d.type(), d.name(), d.status().name(), d.createdBy(),
                    d.createdAt(), d.updatedAt(), d.lastSeenAt() == 0 ? null : d.lastSeenAt());
        }
    }

    /** The code is shown here once; afterwards only its hash exists. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Enrollment(String code, String locationId, String type, String name, long expiresAt) {

        public static Enrollment of(EnrollmentCode c) {
            return new Enrollment(c.code(), c.locationId(), c.type(), c.name(), c.expiresAt());
        }
    }

    public record EnrollmentRequest(String locationId, String type, String name, Long expiresInSeconds) {
    }

    public record RenameRequest(String name) {
    }
}
