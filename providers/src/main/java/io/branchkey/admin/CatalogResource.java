package io.branchkey.admin;

import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionDraft;
import io.branchkey.admin.AccessRepresentations.CatalogRepresentation;
import io.branchkey.admin.AccessRepresentations.PermissionInput;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** The realm's permission catalog for realm admins: view-realm reads, manage-realm adds, edits and retires. */
public final class CatalogResource {

    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final PermissionCatalogProvider catalogs;

    CatalogResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.catalogs = session.getProvider(PermissionCatalogProvider.class);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public CatalogRepresentation get() {
        auth.realm().requireViewRealm();
        return CatalogRepresentation.of(catalogs.getCatalog(realm));
    }

    @POST
    @Path("permissions")
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(String body) {
        auth.realm().requireManageRealm();
        PermissionInput input = JsonBodies.read(body, PermissionInput.class);
        Permission added = ApiErrors.translate(() -> catalogs.addPermission(realm, draft(input)));
        AdminEvents.emit(adminEvent, OperationType.CREATE, AdminEvents.PERMISSION, added, "catalog", "permissions", added.key());
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @PUT
    @Path("permissions/{key}")
    @Produces(MediaType.APPLICATION_JSON)
    public Permission update(@PathParam("key") String key, String body) {
        auth.realm().requireManageRealm();
        PermissionInput input = JsonBodies.read(body, PermissionInput.class);
        if (input.key() != null && !input.key().equals(key)) {
            throw ApiErrors.invalid("key", "a permission's key cannot change");
        }
        PermissionInput keyed = new PermissionInput(key, input.name(), input.description(), input.section(),
                input.implies(), input.minLevel(), input.realmAdminOnly());
        Permission updated = ApiErrors.translate(() -> catalogs.updatePermission(realm, draft(keyed)));
        AdminEvents.emit(adminEvent, OperationType.UPDATE, AdminEvents.PERMISSION, updated, "catalog", "permissions", key);
        return updated;
    }

    @POST
    @Path("permissions/{key}/retire")
    @Produces(MediaType.APPLICATION_JSON)
    public Permission retire(@PathParam("key") String key) {
        auth.realm().requireManageRealm();
        Permission retired = ApiErrors.translate(() -> catalogs.retirePermission(realm, key));
        AdminEvents.emit(adminEvent, OperationType.UPDATE, AdminEvents.PERMISSION, retired, "catalog", "permissions", key);
        return retired;
    }

    private static PermissionDraft draft(PermissionInput input) {
        return ApiErrors.translate(() -> new PermissionDraft(input.key(), input.name(), input.description(),
                input.section(), input.implies(), input.minLevel(), Boolean.TRUE.equals(input.realmAdminOnly())));
    }
}
