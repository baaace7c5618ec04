package io.branchkey.admin;

import io.branchkey.access.Grant;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.GrantWindow;
import io.branchkey.admin.AccessRepresentations.GrantRepresentation;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.admin.rest.JsonBodies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Grants for realm admins: manage rights on the user to grant or revoke, view rights to read. */
public final class GrantsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final GrantProvider grants;

    GrantsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.grants = session.getProvider(GrantProvider.class);
    }

    public record GrantInput(String userId, String nodeId, String roleGroupId, Long startsAt, Long endsAt) {
    }

    @POST
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response grant(String body) {
        auth.users().requireQuery();
        GrantInput input = JsonBodies.read(body, GrantInput.class);
        requirePresent("userId", input.userId());
        requirePresent("nodeId", input.nodeId());
        requirePresent("roleGroupId", input.roleGroupId());
        UserModel user = Users.require(session, realm, input.userId());
        auth.users().requireManage(user);
        String by = auth.adminAuth().getUser().getId();
        Grant grant = ApiErrors.translate(() -> grants.grant(realm, user.getId(), input.nodeId(), input.roleGroupId(),
                new GrantWindow(input.startsAt(), input.endsAt()), by));
        GrantRepresentation rep = GrantRepresentation.of(grant);
        AdminEvents.emit(adminEvent, OperationType.CREATE, AdminEvents.GRANT, rep, "grants", grant.id());
        return Response.status(Response.Status.CREATED).entity(rep).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public GrantRepresentation get(@PathParam("id") String id) {
        auth.users().requireView();
        return GrantRepresentation.of(require(id));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        auth.users().requireQuery();
        Grant grant = require(id);
        auth.users().requireManage(Users.require(session, realm, grant.userId()));
        grants.revoke(realm, id);
        AdminEvents.emit(adminEvent, OperationType.DELETE, AdminEvents.GRANT, GrantRepresentation.of(grant), "grants", id);
        return Response.noContent().build();
    }

    static void requirePresent(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiErrors.invalid(field, field + " is required");
        }
    }

    private Grant require(String id) {
        Grant grant = grants.get(realm, id);
        if (grant == null) {
            throw ApiErrors.notFound("id", "no grant with id " + id);
        }
        return grant;
    }
}
