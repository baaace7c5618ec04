package io.branchkey.admin;

import java.util.List;

import io.branchkey.access.RoleGroup;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.admin.service.AccessRepresentations.RoleGroupRepresentation;
import io.branchkey.admin.service.Caller;
import io.branchkey.admin.service.RoleGroupService;
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

/** Role groups: templates and account-owned groups. */
public final class RoleGroupsResource {

    private final Caller caller;

    RoleGroupsResource(Caller caller) {
        this.caller = caller;
    }

    /** Templates, the groups of one owner ({@code ownerNodeId}), or what can be granted at a node ({@code visibleAt}). */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RoleGroupRepresentation> list(@QueryParam("ownerNodeId") String ownerNodeId,
                                              @QueryParam("visibleAt") String visibleAt) {
        return represent(translate(() -> groups().list(ownerNodeId, visibleAt)));
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        RoleGroupService.RoleGroupInput input = JsonBodies.read(body, RoleGroupService.RoleGroupInput.class);
        RoleGroup created = translate(() -> groups().create(input));
        return Response.status(Response.Status.CREATED).entity(represent(created)).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public RoleGroupRepresentation get(@PathParam("id") String id) {
        return represent(translate(() -> groups().get(id)));
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public RoleGroupRepresentation update(@PathParam("id") String id, String body) {
        RoleGroupService.RoleGroupInput input = JsonBodies.read(body, RoleGroupService.RoleGroupInput.class);
        return represent(translate(() -> groups().update(id, input)));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        translate(() -> groups().delete(id));
        return Response.noContent().build();
    }

    /** Creates or refreshes the templates of a source system (klicktrack, deliverect, dutchie, tracktik, techtrack). */
    @POST
    @Path("templates/{system}")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RoleGroupRepresentation> loadTemplates(@PathParam("system") String system) {
        return represent(translate(() -> groups().loadTemplates(system)));
    }

    private RoleGroupService groups() {
        return new RoleGroupService(caller);
    }

    private RoleGroupRepresentation represent(RoleGroup group) {
        return RoleGroupRepresentation.of(group, groups().catalog());
    }

    private List<RoleGroupRepresentation> represent(List<RoleGroup> found) {
        PermissionCatalog catalog = groups().catalog();
        return found.stream().map(g -> RoleGroupRepresentation.of(g, catalog)).toList();
    }
}
