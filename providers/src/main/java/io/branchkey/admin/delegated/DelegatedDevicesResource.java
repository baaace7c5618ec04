package io.branchkey.admin.delegated;

import java.util.List;

import io.branchkey.admin.DeviceRepresentation.Device;
import io.branchkey.admin.DeviceRepresentation.Enrollment;
import io.branchkey.admin.DeviceRepresentation.EnrollmentRequest;
import io.branchkey.admin.DeviceRepresentation.RenameRequest;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
import io.branchkey.audit.AuditProvider;
import io.branchkey.device.DeviceModel;
import io.branchkey.device.DeviceProvider;
import io.branchkey.device.DeviceStatus;
import io.branchkey.pin.PinDeviceStatus;
import io.branchkey.pin.PinProvider;
import io.branchkey.tenancy.TenantNodeModel;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;

/**
 * Devices of the locations a manager runs: enrollment codes where they hold devices.register (KlickTrack: Managers
 * "can register new devices"), the list with devices.view, rename, disable, enable and delete with devices.manage.
 */
public final class DelegatedDevicesResource {

    private final KeycloakSession session;
    private final DelegatedGuard guard;
    private final DeviceProvider devices;

    DelegatedDevicesResource(KeycloakSession session, DelegatedGuard guard) {
        this.session = session;
        this.guard = guard;
        this.devices = session.getProvider(DeviceProvider.class);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Device> list(@QueryParam("locationId") String locationId) {
        if (locationId == null) {
            throw ApiErrors.invalid("locationId", "locationId is required");
        }
        TenantNodeModel location = guard.nodeWith(locationId, "locationId", DelegatedPermissions.VIEW_DEVICES);
        return devices.atLocation(guard.caller().realm(), location.getId()).stream().map(Device::of).toList();
    }

    @POST
    @Path("enrollments")
    @Produces(MediaType.APPLICATION_JSON)
    public Response enroll(String body) {
        EnrollmentRequest input = JsonBodies.read(body, EnrollmentRequest.class);
        if (input.locationId() == null) {
            throw ApiErrors.invalid("locationId", "locationId is required");
        }
        TenantNodeModel location = guard.nodeWith(input.locationId(), "locationId", DelegatedPermissions.REGISTER_DEVICES);
        Enrollment created = Enrollment.of(ApiErrors.translate(() -> devices.createEnrollment(guard.caller().realm(),
                location.getId(), input.type(), input.name(), input.expiresInSeconds(), guard.caller().id())));
        audit("DEVICE_ENROLLMENT_CREATE", location.getId(), null, created.type() + " enrollment code issued");
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store").entity(created).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Device get(@PathParam("id") String id) {
        return Device.of(deviceWith(id, DelegatedPermissions.VIEW_DEVICES));
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Device rename(@PathParam("id") String id, String body) {
        DeviceModel device = deviceWith(id, DelegatedPermissions.MANAGE_DEVICES);
        RenameRequest input = JsonBodies.read(body, RenameRequest.class);
        DeviceModel renamed = ApiErrors.translate(() -> devices.rename(guard.caller().realm(), device.id(), input.name()));
        audit("DEVICE_RENAME", device.locationId(), device.id(), renamed.name());
        return Device.of(renamed);
    }

    @POST
    @Path("{id}/disable")
    @Produces(MediaType.APPLICATION_JSON)
    public Device disable(@PathParam("id") String id) {
        return status(id, DeviceStatus.DISABLED, "DEVICE_DISABLE");
    }

    @POST
    @Path("{id}/enable")
    @Produces(MediaType.APPLICATION_JSON)
    public Device enable(@PathParam("id") String id) {
        return status(id, DeviceStatus.ACTIVE, "DEVICE_ENABLE");
    }

    @GET
    @Path("{id}/pin-lockout")
    @Produces(MediaType.APPLICATION_JSON)
    public PinDeviceStatus pinLockout(@PathParam("id") String id) {
        DeviceModel device = deviceWith(id, DelegatedPermissions.VIEW_DEVICES);
        return session.getProvider(PinProvider.class).deviceStatus(guard.caller().realm(), device.id());
    }

    /** A manager unlocks a register after too many wrong PINs (docs/pin.md). */
    @POST
    @Path("{id}/unlock")
    @Produces(MediaType.APPLICATION_JSON)
    public PinDeviceStatus unlock(@PathParam("id") String id) {
        DeviceModel device = deviceWith(id, DelegatedPermissions.MANAGE_DEVICES);
        PinProvider pins = session.getProvider(PinProvider.class);
        pins.unlockDevice(guard.caller().realm(), device.id());
        audit("DEVICE_UNLOCK", device.locationId(), device.id(), device.name());
        return pins.deviceStatus(guard.caller().realm(), device.id());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        DeviceModel device = deviceWith(id, DelegatedPermissions.MANAGE_DEVICES);
        devices.delete(guard.caller().realm(), device.id());
        audit("DEVICE_DELETE", device.locationId(), device.id(), device.name());
        return Response.noContent().build();
    }

    private Device status(String id, DeviceStatus status, String action) {
        DeviceModel device = deviceWith(id, DelegatedPermissions.MANAGE_DEVICES);
        DeviceModel changed = devices.setStatus(guard.caller().realm(), device.id(), status);
        audit(action, device.locationId(), device.id(), device.name());
        return Device.of(changed);
    }

    /** A device at a location where the caller holds the permission: 404 outside their reach, 403 inside. */
    private DeviceModel deviceWith(String id, String permission) {
        DeviceModel device = devices.get(guard.caller().realm(), id);
        if (device == null) {
            throw ApiErrors.notFound("id", "no device with id " + id);
        }
        try {
            guard.nodeWith(device.locationId(), "id", permission);
        } catch (io.branchkey.admin.rest.ApiException e) {
            if (e.status() == 404) {
                throw ApiErrors.notFound("id", "no device with id " + id);
            }
            throw e;
        }
        return device;
    }

    private void audit(String action, String nodeId, String deviceId, String details) {
        session.getProvider(AuditProvider.class).success(guard.caller().realm(), guard.caller().id(), action, nodeId,
                deviceId, details);
    }
}
