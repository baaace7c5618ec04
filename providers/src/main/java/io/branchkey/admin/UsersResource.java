package io.branchkey.admin;

import java.util.List;

import io.branchkey.admin.service.AccessRepresentations.EffectivePermissionsRepresentation;
import io.branchkey.admin.service.AccessRepresentations.GrantRepresentation;
import io.branchkey.admin.service.Caller;
import io.branchkey.admin.service.GrantService;
import io.branchkey.admin.service.MembershipService;
import io.branchkey.admin.service.MembershipService.TenancyRepresentation;
import io.branchkey.admin.service.PinService;
import io.branchkey.admin.service.UserService;
import io.branchkey.admin.service.UserSummary;
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

/** Users: invite, read, edit, terminate; their place in the tree, their grants and permissions, their PIN. */
public final class UsersResource {

    private final Caller caller;

    UsersResource(Caller caller) {
        this.caller = caller;
    }

    public record HomeAccountRequest(String nodeId) {
    }

    /** Creates a user in an account; the user sets a password at first login. */
    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(String body) {
        UserService.InviteRequest input = JsonBodies.read(body, UserService.InviteRequest.class);
        UserSummary created = UserSummary.of(translate(() -> users().invite(input)));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public UserSummary get(@PathParam("userId") String userId) {
        return UserSummary.of(translate(() -> users().get(userId)));
    }

    @PUT
    @Path("{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public UserSummary update(@PathParam("userId") String userId, String body) {
        UserService.UpdateRequest input = JsonBodies.read(body, UserService.UpdateRequest.class);
        return UserSummary.of(translate(() -> users().update(userId, input)));
    }

    /** Revokes the user's grants, ends their sessions and disables them. */
    @POST
    @Path("{userId}/terminate")
    public Response terminate(@PathParam("userId") String userId) {
        translate(() -> users().terminate(userId));
        return Response.noContent().build();
    }

    @GET
    @Path("{userId}/tenancy")
    @Produces(MediaType.APPLICATION_JSON)
    public TenancyRepresentation tenancy(@PathParam("userId") String userId) {
        return translate(() -> memberships().tenancy(userId));
    }

    @PUT
    @Path("{userId}/home-account")
    @Produces(MediaType.APPLICATION_JSON)
    public TenancyRepresentation setHomeAccount(@PathParam("userId") String userId, String body) {
        HomeAccountRequest input = JsonBodies.read(body, HomeAccountRequest.class);
        return translate(() -> memberships().setHomeAccount(userId, input.nodeId()));
    }

    @DELETE
    @Path("{userId}/home-account")
    public Response clearHomeAccount(@PathParam("userId") String userId) {
        translate(() -> memberships().clearHomeAccount(userId));
        return Response.noContent().build();
    }

    /** The user's grants, at the nodes the caller sees. */
    @GET
    @Path("{userId}/access/grants")
    @Produces(MediaType.APPLICATION_JSON)
    public List<GrantRepresentation> grants(@PathParam("userId") String userId) {
        return translate(() -> grants().ofUser(userId)).stream().map(GrantRepresentation::of).toList();
    }

    @GET
    @Path("{userId}/access/permissions")
    @Produces(MediaType.APPLICATION_JSON)
    public EffectivePermissionsRepresentation permissions(@PathParam("userId") String userId,
                                                          @QueryParam("nodeId") String nodeId) {
        return translate(() -> grants().permissions(userId, nodeId));
    }

    /** The nodes where the user holds the permission (and so everywhere below them). */
    @GET
    @Path("{userId}/access/permissions/{key}/nodes")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> nodesWithPermission(@PathParam("userId") String userId, @PathParam("key") String key) {
        return translate(() -> grants().nodesWithPermission(userId, key));
    }

    /** Whether the user has a PIN, since when, and its lockout; never the PIN. */
    @GET
    @Path("{userId}/pin")
    @Produces(MediaType.APPLICATION_JSON)
    public PinApi.StatusRepresentation pinStatus(@PathParam("userId") String userId) {
        return PinApi.StatusRepresentation.of(translate(() -> pins().status(userId)));
    }

    /** A new random PIN, returned once. */
    @POST
    @Path("{userId}/pin/generate")
    @Produces(MediaType.APPLICATION_JSON)
    public Response generatePin(@PathParam("userId") String userId, String body) {
        Integer length = PinApi.requestedLength(body);
        return PinApi.generated(PinApi.run(() -> pins().generate(userId, length)));
    }

    /** Removes the PIN; the user sets a new one at the next login (required action branchkey-set-pin). */
    @DELETE
    @Path("{userId}/pin")
    public Response resetPin(@PathParam("userId") String userId) {
        PinApi.run(() -> pins().reset(userId));
        return Response.noContent().build();
    }

    @POST
    @Path("{userId}/pin/unlock")
    public Response unlockPin(@PathParam("userId") String userId) {
        PinApi.run(() -> pins().unlock(userId));
        return Response.noContent().build();
    }

    private UserService users() {
        return new UserService(caller);
    }

    private MembershipService memberships() {
        return new MembershipService(caller);
    }

    private GrantService grants() {
        return new GrantService(caller);
    }

    private PinService pins() {
        return new PinService(caller);
    }
}
