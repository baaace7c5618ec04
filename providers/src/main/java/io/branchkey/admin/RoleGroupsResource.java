package io.branchkey.admin;

import java.util.List;

import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupDraft;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.admin.AccessRepresentations.RoleGroupRepresentation;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
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

/**
 * Role groups for realm admins: templates and account-owned groups. view-realm reads, manage-realm writes
 * (editing templates is a realm-admin right, as editing TrackTik's default roles needs a superuser).
 */
public final class RoleGroupsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final RoleGroupProvider groups;

    RoleGroupsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.groups = session.getProvider(RoleGroupProvider.class);
    }

    public record RoleGroupInput(String ownerNodeId, String name, String description, List<String> permissions) {
    }

    /** Templates, the groups of one owner ({@code ownerNodeId}), or what can be granted at a node ({@code visibleAt}). */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RoleGroupRepresentation> list(@QueryParam("ownerNodeId") String ownerNodeId,
                                              @QueryParam("visibleAt") String visibleAt) {
        auth.realm().requireViewRealm();
        if (ownerNodeId != null && visibleAt != null) {
            throw ApiErrors.invalid("visibleAt", "give ownerNodeId or visibleAt, not both");
        }
        List<RoleGroup> found = visibleAt != null ? groups.visibleAt(realm, visibleAt)
                : ownerNodeId != null ? groups.ownedBy(realm, ownerNodeId) : groups.templates(realm);
        return represent(found);
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        auth.realm().requireManageRealm();
        RoleGroupInput input = JsonBodies.read(body, RoleGroupInput.class);
        RoleGroup created = ApiErrors.translate(() -> groups.create(realm, input.ownerNodeId(),
                new RoleGroupDraft(input.name(), input.description(), input.permissions()), null));
        RoleGroupRepresentation rep = RoleGroupRepresentation.of(created, catalog());
        AdminEvents.emit(adminEvent, OperationType.CREATE, AdminEvents.ROLE_GROUP, rep, "role-groups", created.id());
        return Response.status(Response.Status.CREATED).entity(rep).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public RoleGroupRepresentation get(@PathParam("id") String id) {
        auth.realm().requireViewRealm();
        return RoleGroupRepresentation.of(require(id), catalog());
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public RoleGroupRepresentation update(@PathParam("id") String id, String body) {
        auth.realm().requireManageRealm();
        RoleGroup existing = require(id);
        RoleGroupInput input = JsonBodies.read(body, RoleGroupInput.class);
        if (input.ownerNodeId() != null && !input.ownerNodeId().equals(existing.ownerNodeId())) {
            throw ApiErrors.invalid("ownerNodeId", "a role group's owner cannot change");
        }
        RoleGroup updated = ApiErrors.translate(() -> groups.update(realm, id,
                new RoleGroupDraft(input.name(), input.description(), input.permissions())));
        RoleGroupRepresentation rep = RoleGroupRepresentation.of(updated, catalog());
        AdminEvents.emit(adminEvent, OperationType.UPDATE, AdminEvents.ROLE_GROUP, rep, "role-groups", id);
        return rep;
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        auth.realm().requireManageRealm();
        RoleGroupRepresentation rep = RoleGroupRepresentation.of(require(id), catalog());
        ApiErrors.translate(() -> groups.delete(realm, id));
        AdminEvents.emit(adminEvent, OperationType.DELETE, AdminEvents.ROLE_GROUP, rep, "role-groups", id);
        return Response.noContent().build();
    }

    /** Creates or refreshes the templates of a source system (klicktrack, deliverect, dutchie, tracktik, techtrack). */
    @POST
    @Path("templates/{system}")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RoleGroupRepresentation> loadTemplates(@PathParam("system") String system) {
        auth.realm().requireManageRealm();
        List<RoleGroupRepresentation> loaded = represent(ApiErrors.translate(() -> groups.loadTemplates(realm, system)));
        AdminEvents.emit(adminEvent, OperationType.CREATE, AdminEvents.ROLE_GROUP, loaded, "role-groups", "templates", system);
        return loaded;
    }

    private RoleGroup require(String id) {
        RoleGroup group = groups.get(realm, id);
        if (group == null) {
            throw ApiErrors.notFound("id", "no role group with id " + id);
        }
        return group;
    }

    private PermissionCatalog catalog() {
        return session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);
    }

    private List<RoleGroupRepresentation> represent(List<RoleGroup> found) {
        PermissionCatalog catalog = catalog();
        return found.stream().map(g -> RoleGroupRepresentation.of(g, catalog)).toList();
    }
}
