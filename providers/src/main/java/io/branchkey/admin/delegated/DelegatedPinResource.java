package io.branchkey.admin.delegated;

import java.util.List;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.PermissionSet;
import io.branchkey.admin.PinApi;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.audit.AuditProvider;
import io.branchkey.pin.PinProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * /manage/users/{userId}/pin: a manager resets, generates or unlocks the PIN of a user who belongs where the
 * manager holds {@value DelegatedPermissions#RESET_PINS}. Whoever generates a PIN learns it and could sign in as
 * that user, so generating also needs every permission the user holds, wherever the user holds grants.
 */
public final class DelegatedPinResource {

    private final KeycloakSession session;
    private final DelegatedGuard guard;
    private final String userId;
    private final PinProvider pins;

    DelegatedPinResource(KeycloakSession session, DelegatedGuard guard, String userId) {
        this.session = session;
        this.guard = guard;
        this.userId = userId;
        this.pins = session.getProvider(PinProvider.class);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.StatusRepresentation status() {
        UserModel user = guard.userWith(userId, DelegatedPermissions.VIEW_USERS);
        return PinApi.StatusRepresentation.of(pins.status(realm(), user));
    }

    @POST
    @Path("generate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response generate(String body) {
        UserModel user = guard.userWith(userId, DelegatedPermissions.RESET_PINS);
        Integer length = PinApi.requestedLength(body);
        String anchor = guard.anchorFor(user, DelegatedPermissions.RESET_PINS);
        requireNoEscalation(user, anchor);
        String pin = PinApi.translate(() -> pins.generate(realm(), user, length));
        audit("PIN_GENERATE", anchor, user, "length " + pin.length());
        return PinApi.generated(pin);
    }

    @DELETE
    @Path("")
    public Response reset() {
        UserModel user = guard.userWith(userId, DelegatedPermissions.RESET_PINS);
        PinApi.translate(() -> pins.reset(realm(), user));
        audit("PIN_RESET", guard.anchorFor(user, DelegatedPermissions.RESET_PINS), user, null);
        return Response.noContent().build();
    }

    @POST
    @Path("unlock")
    public Response unlock() {
        UserModel user = guard.userWith(userId, DelegatedPermissions.RESET_PINS);
        if (!pins.unlock(realm(), user)) {
            throw ApiErrors.notFound("userId", "the user has no PIN");
        }
        audit("PIN_UNLOCK", guard.anchorFor(user, DelegatedPermissions.RESET_PINS), user, null);
        return Response.noContent().build();
    }

    /**
     * The caller must hold, at every node where the user holds a grant, all the user's effective permissions
     * there (and so below it): then nothing the PIN opens is more than the caller has already.
     */
    private void requireNoEscalation(UserModel user, String anchor) {
        if (user.getId().equals(guard.caller().id())) {
            return;
        }
        AccessProvider access = session.getProvider(AccessProvider.class);
        List<String> grantNodes = session.getProvider(GrantProvider.class).ofUser(realm(), user.getId()).stream()
                .map(g -> g.nodeId()).distinct().toList();
        for (String nodeId : grantNodes) {
            PermissionSet theirs = access.effectivePermissions(realm(), user.getId(), nodeId);
            if (!guard.permissionsAt(nodeId).containsAll(theirs.bits())) {
                session.getProvider(AuditProvider.class).refused(realm(), guard.caller().id(), "PIN_GENERATE", anchor,
                        user.getId(), "the user holds permissions the caller lacks");
                throw ApiErrors.forbidden("you cannot generate the PIN of a user who holds permissions you do not hold:"
                        + " reset it instead, so that the user chooses one");
            }
        }
    }

    private void audit(String action, String nodeId, UserModel user, String details) {
        session.getProvider(AuditProvider.class).success(realm(), guard.caller().id(), action, nodeId, user.getId(), details);
    }

    private RealmModel realm() {
        return guard.caller().realm();
    }
}
