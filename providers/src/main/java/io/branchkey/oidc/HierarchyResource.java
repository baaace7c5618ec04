package io.branchkey.oidc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.branchkey.rest.ApiErrors;
import io.branchkey.rest.BearerTokens;
import io.branchkey.tenancy.NodeOutline;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The tree's shape for resource servers (docs/claims.md): opaque ids, handles and kinds, never names or codes. The
 * per-node path is what the claims' nearest-anchor rule walks. It shows every tenant's tree, so only a resource
 * server may read it: the bearer must be an access token of this realm from the client credentials grant (a
 * service account), not a person's token.
 */
public final class HierarchyResource {

    static final int MAX_AGE_SECONDS = 300;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final TenantTreeProvider tree;

    public HierarchyResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.tree = session.getProvider(TenantTreeProvider.class);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        requireServiceAccount();
        // The version is read before the outline: a change committing in between only makes the tag older.
        EntityTag tag = new EntityTag(realm.getId() + "-" + tree.getTreeVersion(realm));
        String ifNoneMatch = session.getContext().getRequestHeaders().getHeaderString("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains("\"" + tag.getValue() + "\"")) {
            return Response.notModified(tag).cacheControl(revalidate()).build();
        }
        List<List<Object>> nodes = new ArrayList<>();
        for (NodeOutline node : tree.getOutline(realm)) {
            nodes.add(List.of(node.handle(), node.parentHandle(), node.kind().name(), node.id()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", tag.getValue());
        body.put("nodes", nodes);
        return Response.ok(body).tag(tag).cacheControl(revalidate()).build();
    }

    @GET
    @Path("nodes/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response node(@PathParam("id") String id) {
        requireServiceAccount();
        TenantNodeModel node = id == null || id.length() > 64 ? null : tree.getNode(realm, id);
        if (node == null) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "not_found", "message", "no node with that id", "field", "id")).build();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", node.getId());
        body.put("handle", node.getHandle());
        body.put("kind", node.getKind().name());
        body.put("path", tree.getPathHandles(realm, node.getId()));
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(body).cacheControl(cache).build();
    }

    /** 401 without a valid access token of the realm, 403 for one that is not a service account's. */
    private void requireServiceAccount() {
        AuthenticationManager.AuthResult auth = BearerTokens.authenticate(session, realm);
        if (auth.user().getServiceAccountClientLink() == null) {
            throw ApiErrors.forbidden("the hierarchy is for resource servers: use an access token of the client"
                    + " credentials grant (a service account)");
        }
    }

    /** Authenticated answers: only the caller may keep them, and only after asking again. */
    private static CacheControl revalidate() {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoCache(true);
        return cache;
    }
}
