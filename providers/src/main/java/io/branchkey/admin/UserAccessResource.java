package io.branchkey.admin;

import java.util.List;

import io.branchkey.access.AccessProvider;
import io.branchkey.access.GrantProvider;
import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.PermissionSet;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.admin.AccessRepresentations.EffectivePermissionsRepresentation;
import io.branchkey.admin.AccessRepresentations.GrantRepresentation;
import io.branchkey.admin.rest.ApiErrors;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** A user's grants and what they add up to, for realm admins with view rights on the user. */
public final class UserAccessResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final UserModel user;

    UserAccessResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.user = user;
    }

    @GET
    @Path("grants")
    @Produces(MediaType.APPLICATION_JSON)
    public List<GrantRepresentation> grants() {
        auth.users().requireView(user);
        return session.getProvider(GrantProvider.class).ofUser(realm, user.getId()).stream()
                .map(GrantRepresentation::of).toList();
    }

    @GET
    @Path("permissions")
    @Produces(MediaType.APPLICATION_JSON)
    public EffectivePermissionsRepresentation permissions(@QueryParam("nodeId") String nodeId) {
        auth.users().requireView(user);
        GrantsResource.requirePresent("nodeId", nodeId);
        if (session.getProvider(TenantTreeProvider.class).getNode(realm, nodeId) == null) {
            throw ApiErrors.notFound("nodeId", "no node with id " + nodeId);
        }
        PermissionCatalog catalog = session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);
        PermissionSet effective = session.getProvider(AccessProvider.class).effectivePermissions(realm, user.getId(), nodeId);
        return new EffectivePermissionsRepresentation(user.getId(), nodeId, effective.catalogVersion(), effective.keys(catalog));
    }

    /** The nodes where the user holds the permission (and so everywhere below them). */
    @GET
    @Path("permissions/{key}/nodes")
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> nodesWithPermission(@PathParam("key") String key) {
        auth.users().requireView(user);
        requireKnownPermission(session, realm, key);
        return session.getProvider(AccessProvider.class).nodesWithPermission(realm, user.getId(), key);
    }

    static void requireKnownPermission(KeycloakSession session, RealmModel realm, String key) {
        if (session.getProvider(PermissionCatalogProvider.class).getCatalog(realm).get(key) == null) {
            throw ApiErrors.notFound("key", "the catalog has no permission " + key);
        }
    }
}
