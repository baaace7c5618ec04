package io.branchkey.admin.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Serves the Branchkey admin UI at {@code /realms/{realm}/branchkey/ui/} from the provider jar: the page itself,
 * and its scripts, styles and the keycloak-js adapter below {@code v/<version>/}. The UI reads the realm from its
 * own URL and signs in to it with the {@code branchkey-admin-ui} client; everything it shows comes from the
 * admin and delegated APIs, which do all the checking. No data and no token ever passes through here.
 */
public final class AdminUiResource {

    /**
     * Scripts and styles only from these files (no inline code anywhere), API calls only to this origin, and the
     * page never framed. keycloak-js signs in by navigating to the login page, which the policy does not restrict.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "frame-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "object-src 'none'",
            "frame-ancestors 'none'");

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final KeycloakSession session;
    private final RealmModel realm;

    public AdminUiResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        // Keycloak would add the realm's own, looser policy (written for its login pages); this UI sets its own.
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
    }

    /** The page; {@code .../ui} is redirected to {@code .../ui/} so that the page's relative links resolve. */
    @GET
    @Path("")
    public Response index(@HeaderParam("If-None-Match") String ifNoneMatch) {
        UriInfo uri = session.getContext().getUri();
        if (!uri.getRequestUri().getRawPath().endsWith("/")) {
            return secured(Response.status(Response.Status.FOUND)
                    .location(uri.getRequestUriBuilder().replacePath(uri.getRequestUri().getRawPath() + "/").replaceQuery(null).build()))
                    .header("Cache-Control", "no-store").build();
        }
        UiAssets assets = UiAssets.get();
        EntityTag tag = new EntityTag(assets.version());
        // no-cache: the browser always asks, so a new build is picked up on the next visit; the ETag makes asking cheap.
        if (ifNoneMatch != null && ifNoneMatch.contains("\"" + tag.getValue() + "\"")) {
            return secured(Response.notModified(tag)).header("Cache-Control", "no-cache").build();
        }
        UiAssets.Asset page = assets.index();
        return secured(Response.ok(page.bytes(), page.contentType())).tag(tag).header("Cache-Control", "no-cache").build();
    }

    /** A file of this build; another build's version is gone (404), never served with the wrong content. */
    @GET
    @Path("v/{version}/{path: .+}")
    public Response asset(@PathParam("version") String version, @PathParam("path") String path) {
        UiAssets assets = UiAssets.get();
        UiAssets.Asset asset = assets.version().equals(version) ? assets.asset(path) : null;
        if (asset == null) {
            return notFound();
        }
        return secured(Response.ok(asset.bytes(), asset.contentType())).header("Cache-Control", IMMUTABLE).build();
    }

    /** Everything else below ui/: there is nothing there. */
    @GET
    @Path("{any: .+}")
    public Response other() {
        return notFound();
    }

    private Response notFound() {
        return secured(Response.status(Response.Status.NOT_FOUND).type("text/plain; charset=utf-8").entity("Not found"))
                .header("Cache-Control", "no-store").build();
    }

    private Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
        // What the realm says about transport security and robots still holds here.
        for (BrowserSecurityHeaders header : new BrowserSecurityHeaders[] {
                BrowserSecurityHeaders.STRICT_TRANSPORT_SECURITY, BrowserSecurityHeaders.X_ROBOTS_TAG}) {
            String value = realm.getBrowserSecurityHeaders().getOrDefault(header.getKey(), header.getDefaultValue());
            if (value != null && !value.isBlank()) {
                response.header(header.getHeaderName(), value);
            }
        }
        return response;
    }
}
