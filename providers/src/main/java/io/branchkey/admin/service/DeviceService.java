package io.branchkey.admin.service;

import java.util.List;

import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.GrantWindow;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.common.BranchkeyException;
import io.branchkey.device.DeviceModel;
import io.branchkey.device.DeviceProvider;
import io.branchkey.device.DeviceRepresentation.Device;
import io.branchkey.device.DeviceRepresentation.EnrollmentRequest;
import io.branchkey.device.DeviceStatus;
import io.branchkey.device.DeviceType;
import io.branchkey.device.EnrollmentCode;
import io.branchkey.pin.PinDeviceStatus;
import io.branchkey.pin.PinProvider;
import io.branchkey.tenancy.TenantNodeModel;
import org.keycloak.events.admin.OperationType;

/**
 * Devices of locations: enrollment codes where the caller holds devices.register (KlickTrack: managers "can
 * register new devices"), the list with devices.view, rename, disable, enable, unlock and delete with
 * devices.manage. Device types are realm settings.
 */
public final class DeviceService {

    private final Caller caller;
    private final DeviceProvider devices;

    public DeviceService(Caller caller) {
        this.caller = caller;
        this.devices = caller.session().getProvider(DeviceProvider.class);
    }

    public List<DeviceModel> atLocation(String locationId) {
        TenantNodeModel location = caller.node(locationId, "locationId", Right.VIEW_DEVICES);
        return devices.atLocation(caller.realm(), location.getId());
    }

    /**
     * A one-time enrollment code. The enrolled device holds its type's role group at the location for ever, so the
     * caller must hold all of that there, for ever: enrolling is granting.
     */
    public EnrollmentCode enroll(EnrollmentRequest input) {
        TenantNodeModel location = caller.node(input.locationId(), "locationId", Right.REGISTER_DEVICES);
        EnrollmentCode created = devices.createEnrollment(caller.realm(), location.getId(), input.type(), input.name(),
                input.expiresInSeconds(), caller.id());
        DeviceType type = devices.type(caller.realm(), created.type());
        RoleGroup group = type == null || type.roleGroupId() == null ? null
                : caller.session().getProvider(RoleGroupProvider.class).get(caller.realm(), type.roleGroupId());
        if (group != null) {
            caller.requireMayConfer(location, group.permissions(), GrantWindow.ALWAYS, null, "DEVICE_ENROLLMENT_CREATE");
        }
        // The records name the enrollment, never its code.
        caller.record(Change.of(OperationType.CREATE, Change.DEVICE, "devices", "enrollments")
                .representation(new EnrollmentRequest(created.locationId(), created.type(), created.name(),
                        input.expiresInSeconds()))
                .audit("DEVICE_ENROLLMENT_CREATE", location.getId(), null, created.type() + " enrollment code issued"));
        return created;
    }

    public DeviceModel get(String id) {
        return device(id, Right.VIEW_DEVICES);
    }

    public DeviceModel rename(String id, String name) {
        DeviceModel device = device(id, Right.MANAGE_DEVICES);
        return changed(OperationType.UPDATE, "DEVICE_RENAME", devices.rename(caller.realm(), device.id(), name));
    }

    /** Enabling a device makes its grants work again: the caller must hold what they confer, for ever, as to enroll it. */
    public DeviceModel setStatus(String id, DeviceStatus status) {
        DeviceModel device = device(id, Right.MANAGE_DEVICES);
        if (status == DeviceStatus.ACTIVE && device.status() != DeviceStatus.ACTIVE) {
            TenantNodeModel location = caller.node(device.locationId(), "id", Right.MANAGE_DEVICES);
            RoleGroupProvider groups = caller.session().getProvider(RoleGroupProvider.class);
            for (Grant grant : caller.session().getProvider(GrantProvider.class).ofUser(caller.realm(), device.id())) {
                RoleGroup group = groups.get(caller.realm(), grant.roleGroupId());
                if (group != null) {
                    caller.requireMayConfer(location, group.permissions(), GrantWindow.ALWAYS, null, "DEVICE_ENABLE");
                }
            }
        }
        return changed(OperationType.UPDATE, status == DeviceStatus.ACTIVE ? "DEVICE_ENABLE" : "DEVICE_DISABLE",
                devices.setStatus(caller.realm(), device.id(), status));
    }

    public void delete(String id) {
        DeviceModel device = device(id, Right.MANAGE_DEVICES);
        devices.delete(caller.realm(), device.id());
        changed(OperationType.DELETE, "DEVICE_DELETE", device);
    }

    /** The device's PIN lockout: failures, delay and lock (docs/pin.md). */
    public PinDeviceStatus pinLockout(String id) {
        DeviceModel device = device(id, Right.VIEW_DEVICES);
        return caller.session().getProvider(PinProvider.class).deviceStatus(caller.realm(), device.id());
    }

    /** A manager unlocks a register after too many wrong PINs. */
    public PinDeviceStatus unlock(String id) {
        DeviceModel device = device(id, Right.MANAGE_DEVICES);
        PinProvider pins = caller.session().getProvider(PinProvider.class);
        pins.unlockDevice(caller.realm(), device.id());
        changed(OperationType.ACTION, "DEVICE_UNLOCK", device);
        return pins.deviceStatus(caller.realm(), device.id());
    }

    public List<DeviceType> types() {
        caller.requireRealmRight(Right.READ_REALM_SETTINGS, "list device types");
        return devices.types(caller.realm());
    }

    public DeviceType saveType(String name, DeviceType input) {
        caller.requireRealmRight(Right.MANAGE_REALM, "change device types");
        if (input.name() != null && !input.name().equals(name)) {
            throw BranchkeyException.invalid("name", "the name is the path's");
        }
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,63}")) {
            throw BranchkeyException.invalid("name", "a device type name is 1-64 lower-case letters, digits or '-'");
        }
        if (input.displayName() == null || input.displayName().isBlank() || input.displayName().length() > 255) {
            throw BranchkeyException.invalid("displayName", "displayName must be 1 to 255 characters");
        }
        if (input.loginPermission() == null || input.loginPermission().isBlank()) {
            throw BranchkeyException.invalid("loginPermission", "loginPermission is required");
        }
        DeviceType saved = devices.saveType(caller.realm(),
                new DeviceType(name, input.displayName().trim(), input.loginPermission().trim(), input.roleGroupId()));
        caller.record(Change.of(OperationType.UPDATE, Change.DEVICE, "devices", "types", name).representation(saved)
                .audit("DEVICE_TYPE_SAVE", null, null, name));
        return saved;
    }

    /** A device at a location where the caller holds the right: unknown outside their reach, 403 inside it. */
    private DeviceModel device(String id, Right right) {
        DeviceModel device = id == null || id.length() > 255 ? null : devices.get(caller.realm(), id);
        if (device == null || !caller.sees(device.locationId())) {
            throw BranchkeyException.notFound("id", "no device with id " + id);
        }
        caller.node(device.locationId(), "id", right);
        return device;
    }

    private DeviceModel changed(OperationType operation, String action, DeviceModel device) {
        caller.record(Change.of(operation, Change.DEVICE, "devices", device.id()).representation(Device.of(device))
                .audit(action, device.locationId(), device.id(), device.name()));
        return device;
    }
}
