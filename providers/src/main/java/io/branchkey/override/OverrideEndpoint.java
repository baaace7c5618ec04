package io.branchkey.override;

import java.util.LinkedHashMap;
import java.util.Map;

import io.branchkey.admin.OverrideRepresentations;
import io.branchkey.device.DeviceEndpoint;
import io.branchkey.device.DeviceModel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What registers ask about manager overrides, at /realms/{realm}/branchkey/overrides: the policy in force at the
 * device's location (device-proven).
 */
public final class OverrideEndpoint {

    private final KeycloakSession session;
    private final RealmModel realm;

    public OverrideEndpoint(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The rules in force at the calling device's location, so the register knows which actions to escalate. */
    @GET
    @Path("policy")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> policy() {
        DeviceModel device = DeviceEndpoint.provenDevice(session, realm);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("locationId", device.locationId());
        body.put("rules", session.getProvider(OverridePolicyProvider.class).effectiveAt(realm, device.locationId())
                .stream().map(OverrideRepresentations.Rule::of).toList());
        return body;
    }
}
