package io.branchkey.admin;

import io.branchkey.access.PermissionCatalogProvider;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.admin.service.AccessRepresentations.CatalogRepresentation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's catalog for resource servers, public like the JWKS: it maps the indexes in token claims to
 * permission keys. The catalog version is the ETag, so a poll that finds nothing new costs a 304.
 */
public final class PublicCatalogResource {

    static final int MAX_AGE_SECONDS = 300;

    private final KeycloakSession session;
    private final RealmModel realm;

    PublicCatalogResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        PermissionCatalog catalog = session.getProvider(PermissionCatalogProvider.class).getCatalog(realm);
        EntityTag tag = new EntityTag(realm.getId() + "-" + catalog.version());
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        String ifNoneMatch = session.getContext().getRequestHeaders().getHeaderString("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + tag.getValue() + "\"") || ifNoneMatch.trim().equals("*"))) {
            return Response.notModified(tag).cacheControl(cache).build();
        }
        return Response.ok(CatalogRepresentation.of(catalog)).tag(tag).cacheControl(cache).build();
    }
}
