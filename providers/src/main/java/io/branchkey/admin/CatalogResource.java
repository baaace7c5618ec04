package io.branchkey.admin;

import io.branchkey.access.catalog.Permission;
import io.branchkey.admin.service.AccessRepresentations.CatalogRepresentation;
import io.branchkey.admin.service.AccessRepresentations.PermissionInput;
import io.branchkey.admin.service.Caller;
import io.branchkey.admin.service.CatalogService;
import io.branchkey.rest.JsonBodies;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import static io.branchkey.rest.ApiErrors.translate;

/** The realm's permission catalog: read, and for realm admins add, edit and retire. */
public final class CatalogResource {

    private final Caller caller;

    CatalogResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public CatalogRepresentation get() {
        return CatalogRepresentation.of(translate(() -> catalog().get()));
    }

    @POST
    @Path("permissions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(String body) {
        PermissionInput input = JsonBodies.read(body, PermissionInput.class);
        return Response.status(Response.Status.CREATED).entity(translate(() -> catalog().add(input))).build();
    }

    @PUT
    @Path("permissions/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    public Permission update(@PathParam("key") String key, String body) {
        PermissionInput input = JsonBodies.read(body, PermissionInput.class);
        return translate(() -> catalog().update(key, input));
    }

    @POST
    @Path("permissions/{key}/retire")
    @Produces(MediaType.APPLICATION_JSON)
    public Permission retire(@PathParam("key") String key) {
        return translate(() -> catalog().retire(key));
    }

    private CatalogService catalog() {
        return new CatalogService(caller);
    }
}
