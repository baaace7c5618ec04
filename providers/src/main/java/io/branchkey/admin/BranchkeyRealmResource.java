package io.branchkey.admin;

import io.branchkey.admin.delegated.DelegatedResource;
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

    /** The delegated API; authenticates the bearer token before anything else. */
    @Path("manage")
    public DelegatedResource manage() {
        return new DelegatedResource(session, realm);
    }
}
