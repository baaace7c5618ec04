package io.branchkey.admin;

import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.pin.PinProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** /branchkey/users/{userId}/pin: a user's PIN for realm admins. view-users reads, manage-users changes. */
public final class UserPinResource {

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final UserModel user;
    private final PinProvider pins;

    UserPinResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent,
                    UserModel user) {
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.user = user;
        this.pins = session.getProvider(PinProvider.class);
    }

    /** Whether the user has a PIN, since when, and its lockout; never the PIN. */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.StatusRepresentation status() {
        auth.users().requireView(user);
        return PinApi.StatusRepresentation.of(pins.status(realm, user));
    }

    /** A new random PIN, returned once; replaces the old one and with it its lockout. */
    @POST
    @Path("generate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response generate(String body) {
        auth.users().requireManage(user);
        Integer length = PinApi.requestedLength(body);
        String pin = PinApi.translate(() -> pins.generate(realm, user, length));
        AdminEvents.emit(adminEvent, OperationType.ACTION, AdminEvents.PIN, new PinApi.GeneratedPinEvent(pin.length()),
                "users", user.getId(), "pin", "generate");
        return PinApi.generated(pin);
    }

    /** Removes the PIN; the user sets a new one at the next login (required action branchkey-set-pin). */
    @DELETE
    @Path("")
    public Response reset() {
        auth.users().requireManage(user);
        PinApi.translate(() -> pins.reset(realm, user));
        AdminEvents.emit(adminEvent, OperationType.DELETE, AdminEvents.PIN, null, "users", user.getId(), "pin");
        return Response.noContent().build();
    }

    /** Clears the PIN's lockout after too many failures. */
    @POST
    @Path("unlock")
    public Response unlock() {
        auth.users().requireManage(user);
        if (!pins.unlock(realm, user)) {
            throw ApiErrors.notFound("userId", "the user has no PIN");
        }
        AdminEvents.emit(adminEvent, OperationType.ACTION, AdminEvents.PIN, null, "users", user.getId(), "pin", "unlock");
        return Response.noContent().build();
    }
}
