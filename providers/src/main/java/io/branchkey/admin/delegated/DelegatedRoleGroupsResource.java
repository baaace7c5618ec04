package io.branchkey.admin.delegated;

import java.util.BitSet;
import java.util.List;

import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.RoleGroup;
import io.branchkey.access.RoleGroupDraft;
import io.branchkey.access.RoleGroupProvider;
import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.admin.AccessRepresentations.RoleGroupRepresentation;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
import io.branchkey.audit.AuditProvider;
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
 * An account's own role groups (Deliverect's "Create role groups"). Templates are read-only here: only realm
 * admins edit them. A group can hold only permissions its author holds at the owning account.
 */
public final class DelegatedRoleGroupsResource {

    private final KeycloakSession session;
    private final DelegatedGuard guard;
    private final RoleGroupProvider groups;

    DelegatedRoleGroupsResource(KeycloakSession session, DelegatedGuard guard) {
        this.session = session;
        this.guard = guard;
        this.groups = session.getProvider(RoleGroupProvider.class);
    }

    public record RoleGroupInput(String ownerNodeId, String name, String description, List<String> permissions) {
    }

    /** What can be granted at a node the caller can see: the templates and its accounts' own groups. */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<RoleGroupRepresentation> visibleAt(@QueryParam("nodeId") String nodeId) {
        TenantNodeModel node = guard.visibleNode(nodeId, "nodeId");
        PermissionCatalog catalog = catalog();
        return groups.visibleAt(guard.caller().realm(), node.getId()).stream()
                .map(g -> RoleGroupRepresentation.of(g, catalog)).toList();
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        RoleGroupInput input = JsonBodies.read(body, RoleGroupInput.class);
        TenantNodeModel owner = guard.nodeWith(input.ownerNodeId(), "ownerNodeId", DelegatedPermissions.CREATE_ROLE_GROUPS);
        RoleGroupDraft draft = ApiErrors.translate(() -> new RoleGroupDraft(input.name(), input.description(), input.permissions()));
        guard.requireNoEscalation(owner, bits(draft.permissions()), "ROLE_GROUP_CREATE", null);
        RoleGroup created = ApiErrors.translate(() -> groups.create(guard.caller().realm(), owner.getId(), draft, null));
        audit("ROLE_GROUP_CREATE", owner.getId(), created.name());
        return Response.status(Response.Status.CREATED).entity(RoleGroupRepresentation.of(created, catalog())).build();
    }

    @PUT
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public RoleGroupRepresentation update(@PathParam("id") String id, String body) {
        RoleGroup existing = owned(id, DelegatedPermissions.UPDATE_ROLE_GROUPS);
        RoleGroupInput input = JsonBodies.read(body, RoleGroupInput.class);
        if (input.ownerNodeId() != null && !input.ownerNodeId().equals(existing.ownerNodeId())) {
            throw ApiErrors.invalid("ownerNodeId", "a role group's owner cannot change");
        }
        RoleGroupDraft draft = ApiErrors.translate(() -> new RoleGroupDraft(input.name(), input.description(), input.permissions()));
        TenantNodeModel owner = guard.visibleNode(existing.ownerNodeId(), "id");
        guard.requireNoEscalation(owner, bits(draft.permissions()), "ROLE_GROUP_UPDATE", null);
        RoleGroup updated = ApiErrors.translate(() -> groups.update(guard.caller().realm(), id, draft));
        audit("ROLE_GROUP_UPDATE", owner.getId(), updated.name());
        return RoleGroupRepresentation.of(updated, catalog());
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        RoleGroup existing = owned(id, DelegatedPermissions.DELETE_ROLE_GROUPS);
        ApiErrors.translate(() -> groups.delete(guard.caller().realm(), id));
        audit("ROLE_GROUP_DELETE", existing.ownerNodeId(), existing.name());
        return Response.noContent().build();
    }

    /** An account-owned group whose owner the caller manages; templates and foreign groups are not found here. */
    private RoleGroup owned(String id, String permission) {
        RoleGroup group = groups.get(guard.caller().realm(), id);
        if (group == null || group.isTemplate() || !guard.holds(group.ownerNodeId(), permission)) {
            if (group != null && !group.isTemplate() && !guard.permissionsAt(group.ownerNodeId()).isEmpty()) {
                throw ApiErrors.forbidden("you need " + permission + " at the owning account");
            }
            throw ApiErrors.notFound("id", "no role group with id " + id);
        }
        return group;
    }

    private BitSet bits(List<String> keys) {
        PermissionCatalog catalog = catalog();
        BitSet bits = new BitSet();
        for (String key : keys) {
            Permission p = catalog.get(key);
            if (p == null || p.retired()) {
                throw ApiErrors.invalid("permissions", "unknown permission " + key);
            }
            bits.set(p.index());
        }
        return bits;
    }

    private PermissionCatalog catalog() {
        return session.getProvider(PermissionCatalogProvider.class).getCatalog(guard.caller().realm());
    }

    private void audit(String action, String nodeId, String details) {
        session.getProvider(AuditProvider.class).success(guard.caller().realm(), guard.caller().id(), action, nodeId,
                null, details);
    }
}
