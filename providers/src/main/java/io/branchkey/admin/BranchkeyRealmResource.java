package io.branchkey.admin;

import io.branchkey.admin.service.DelegatedCaller;
import io.branchkey.admin.ui.AdminUiResource;
import io.branchkey.device.DeviceEndpoint;
import io.branchkey.oidc.CheckResource;
import io.branchkey.override.OverrideEndpoint;
import io.branchkey.oidc.HierarchyResource;
import jakarta.ws.rs.Path;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Root of /realms/{realm}/branchkey: what resource servers and delegated callers use, outside the admin API. */
public final class BranchkeyRealmResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    BranchkeyRealmResource(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Path("catalog")
    public PublicCatalogResource catalog() {
        return new PublicCatalogResource(session, realm);
    }

    /** The tree's shape for resource servers (docs/claims.md). */
    @Path("hierarchy")
    public HierarchyResource hierarchy() {
        return new HierarchyResource(session, realm);
    }

    /** Permission checks for a token's subject (docs/claims.md); authenticates the bearer token first. */
    @Path("check")
    public CheckResource check() {
        return new CheckResource(session, realm);
    }

    /** Device enrollment and device-proven requests (docs/devices.md). */
    @Path("devices")
    public DeviceEndpoint devices() {
        return new DeviceEndpoint(session, realm);
    }

    /** Manager-override policy for registers, and approvals (docs/overrides.md). */
    @Path("overrides")
    public OverrideEndpoint overrides() {
        return new OverrideEndpoint(session, realm,
                session.getProvider(io.branchkey.override.OverridePolicyProvider.class).approvalLifetimeSeconds());
    }

    /** The Branchkey admin UI (docs/admin-ui.md): static files only; it signs in and calls the APIs by itself. */
    @Path("ui")
    public AdminUiResource ui() {
        return new AdminUiResource(session, realm);
    }

    /** The delegated API: the admin API's routes for managers; authenticates the bearer token before anything else. */
    @Path("manage")
    public ApiResource manage() {
        return new ApiResource(DelegatedCaller.authenticate(session, realm));
    }
}
