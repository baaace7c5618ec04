package io.branchkey.admin;

import java.util.List;

import io.branchkey.admin.service.Caller;
import io.branchkey.admin.service.DeviceService;
import io.branchkey.device.DeviceRepresentation.Device;
import io.branchkey.device.DeviceRepresentation.Enrollment;
import io.branchkey.device.DeviceRepresentation.EnrollmentRequest;
import io.branchkey.device.DeviceRepresentation.RenameRequest;
import io.branchkey.device.DeviceStatus;
import io.branchkey.device.DeviceType;
import io.branchkey.pin.PinDeviceStatus;
import io.branchkey.rest.ApiErrors;
import io.branchkey.rest.JsonBodies;
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

import static io.branchkey.rest.ApiErrors.translate;

/** Registered devices (docs/devices.md): enrollment codes, the devices of a location, their life cycle and types. */
public final class DevicesResource {

    private final Caller caller;

    DevicesResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Device> list(@QueryParam("locationId") String locationId) {
        if (locationId == null) {
            throw ApiErrors.invalid("locationId", "locationId is required");
        }
        return translate(() -> devices().atLocation(locationId)).stream().map(Device::of).toList();
    }

    /** A one-time enrollment code, shown in this answer only. */
    @POST
    @Path("enrollments")
    @Produces(MediaType.APPLICATION_JSON)
    public Response enroll(String body) {
        EnrollmentRequest input = JsonBodies.read(body, EnrollmentRequest.class);
        if (input.locationId() == null) {
            throw ApiErrors.invalid("locationId", "locationId is required");
        }
        Enrollment created = Enrollment.of(translate(() -> devices().enroll(input)));
        return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store").entity(created).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Device get(@PathParam("id") String id) {
        return Device.of(translate(() -> devices().get(id)));
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Device rename(@PathParam("id") String id, String body) {
        RenameRequest input = JsonBodies.read(body, RenameRequest.class);
        return Device.of(translate(() -> devices().rename(id, input.name())));
    }

    @POST
    @Path("{id}/disable")
    @Produces(MediaType.APPLICATION_JSON)
    public Device disable(@PathParam("id") String id) {
        return Device.of(translate(() -> devices().setStatus(id, DeviceStatus.DISABLED)));
    }

    @POST
    @Path("{id}/enable")
    @Produces(MediaType.APPLICATION_JSON)
    public Device enable(@PathParam("id") String id) {
        return Device.of(translate(() -> devices().setStatus(id, DeviceStatus.ACTIVE)));
    }

    /** The device's PIN lockout: failures, delay and lock (docs/pin.md). */
    @GET
    @Path("{id}/pin-lockout")
    @Produces(MediaType.APPLICATION_JSON)
    public PinDeviceStatus pinLockout(@PathParam("id") String id) {
        return translate(() -> devices().pinLockout(id));
    }

    /** Unlocks a register after too many wrong PINs. */
    @POST
    @Path("{id}/unlock")
    @Produces(MediaType.APPLICATION_JSON)
    public PinDeviceStatus unlock(@PathParam("id") String id) {
        return translate(() -> devices().unlock(id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        translate(() -> devices().delete(id));
        return Response.noContent().build();
    }

    @GET
    @Path("types")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DeviceType> types() {
        return translate(() -> devices().types());
    }

    @PUT
    @Path("types/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public DeviceType saveType(@PathParam("name") String name, String body) {
        DeviceType input = JsonBodies.read(body, DeviceType.class);
        return translate(() -> devices().saveType(name, input));
    }

    private DeviceService devices() {
        return new DeviceService(caller);
    }
}
