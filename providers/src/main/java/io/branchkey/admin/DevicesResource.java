package io.branchkey.admin;

import java.util.List;

import io.branchkey.admin.DeviceRepresentation.Device;
import io.branchkey.admin.DeviceRepresentation.Enrollment;
import io.branchkey.admin.DeviceRepresentation.EnrollmentRequest;
import io.branchkey.admin.DeviceRepresentation.RenameRequest;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
import io.branchkey.device.DeviceModel;
import io.branchkey.device.DeviceProvider;
import io.branchkey.device.DeviceStatus;
import io.branchkey.device.DeviceType;
import io.branchkey.pin.PinDeviceStatus;
import io.branchkey.pin.PinProvider;
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
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Devices for realm admins, everywhere in the realm: view-realm reads, manage-realm writes. */
public final class DevicesResource {

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final DeviceProvider devices;
    private final KeycloakSession session;

    DevicesResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.devices = session.getProvider(DeviceProvider.class);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Device> list(@QueryParam("locationId") String locationId) {
        auth.realm().requireViewRealm();
        GrantsResource.requirePresent("locationId", locationId);
        return devices.atLocation(realm, locationId).stream().map(Device::of).toList();
    }

    @POST
    @Path("enrollments")
    @Produces(MediaType.APPLICATION_JSON)
    public Response enroll(String body) {
        auth.realm().requireManageRealm();
        EnrollmentRequest input = JsonBodies.read(body, EnrollmentRequest.class);
        String by = auth.adminAuth().getUser().getId();
        Enrollment created = Enrollment.of(ApiErrors.translate(() ->
                devices.createEnrollment(realm, input.locationId(), input.type(), input.name(), input.expiresInSeconds(), by)));
        // The admin event names the enrollment, never its code.
        AdminEvents.emit(adminEvent, OperationType.CREATE, AdminEvents.DEVICE,
                new EnrollmentRequest(created.locationId(), created.type(), created.name(), input.expiresInSeconds()),
                "devices", "enrollments");
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store").entity(created).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Device get(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        return Device.of(require(id));
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Device rename(@PathParam("id") String id, String body) {
        auth.realm().requireManageRealm();
        require(id);
        RenameRequest input = JsonBodies.read(body, RenameRequest.class);
        return changed(OperationType.UPDATE, Device.of(ApiErrors.translate(() -> devices.rename(realm, id, input.name()))));
    }

    @POST
    @Path("{id}/disable")
    @Produces(MediaType.APPLICATION_JSON)
    public Device disable(@PathParam("id") String id) {
        auth.realm().requireManageRealm();
        require(id);
        return changed(OperationType.UPDATE, Device.of(devices.setStatus(realm, id, DeviceStatus.DISABLED)));
    }

    @POST
    @Path("{id}/enable")
    @Produces(MediaType.APPLICATION_JSON)
    public Device enable(@PathParam("id") String id) {
        auth.realm().requireManageRealm();
        require(id);
        return changed(OperationType.UPDATE, Device.of(devices.setStatus(realm, id, DeviceStatus.ACTIVE)));
    }

    /** The device's PIN lockout: failures, delay and lock (docs/pin.md). */
    @GET
    @Path("{id}/pin-lockout")
    @Produces(MediaType.APPLICATION_JSON)
    public PinDeviceStatus pinLockout(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        return session.getProvider(PinProvider.class).deviceStatus(realm, require(id).id());
    }

    /** Unlocks a device after too many wrong PINs. */
    @POST
    @Path("{id}/unlock")
    @Produces(MediaType.APPLICATION_JSON)
    public PinDeviceStatus unlock(@PathParam("id") String id) {
        auth.realm().requireManageRealm();
        DeviceModel device = require(id);
        PinProvider pins = session.getProvider(PinProvider.class);
        pins.unlockDevice(realm, device.id());
        changed(OperationType.ACTION, Device.of(device));
        return pins.deviceStatus(realm, device.id());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        auth.realm().requireManageRealm();
        Device removed = Device.of(require(id));
        devices.delete(realm, id);
        changed(OperationType.DELETE, removed);
        return Response.noContent().build();
    }

    @GET
    @Path("types")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DeviceType> types() {
        auth.realm().requireViewRealm();
        return devices.types(realm);
    }

    @PUT
    @Path("types/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public DeviceType saveType(@PathParam("name") String name, String body) {
        auth.realm().requireManageRealm();
        DeviceType input = JsonBodies.read(body, DeviceType.class);
        if (input.name() != null && !input.name().equals(name)) {
            throw ApiErrors.invalid("name", "the name is the path's");
        }
        if (!name.matches("[a-z][a-z0-9-]{0,63}")) {
            throw ApiErrors.invalid("name", "a device type name is 1-64 lower-case letters, digits or '-'");
        }
        if (input.displayName() == null || input.displayName().isBlank() || input.displayName().length() > 255) {
            throw ApiErrors.invalid("displayName", "displayName must be 1 to 255 characters");
        }
        if (input.loginPermission() == null || input.loginPermission().isBlank()) {
            throw ApiErrors.invalid("loginPermission", "loginPermission is required");
        }
        DeviceType saved = ApiErrors.translate(() -> devices.saveType(realm,
                new DeviceType(name, input.displayName().trim(), input.loginPermission().trim(), input.roleGroupId())));
        AdminEvents.emit(adminEvent, OperationType.UPDATE, AdminEvents.DEVICE, saved, "devices", "types", name);
        return saved;
    }

    private DeviceModel require(String id) {
        DeviceModel device = devices.get(realm, id);
        if (device == null) {
            throw ApiErrors.notFound("id", "no device with id " + id);
        }
        return device;
    }

    private Device changed(OperationType operation, Device device) {
        AdminEvents.emit(adminEvent, operation, AdminEvents.DEVICE, device, "devices", device.id());
        return device;
    }
}
