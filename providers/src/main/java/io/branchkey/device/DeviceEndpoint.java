package io.branchkey.device;

import java.util.LinkedHashMap;
import java.util.Map;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchkey.audit.AuditProvider;
import io.branchkey.common.BranchkeyException;
import io.branchkey.rest.ApiError;
import io.branchkey.rest.ApiErrors;
import io.branchkey.rest.ApiException;
import io.branchkey.rest.JsonBodies;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.Urls;

/**
 * What devices call themselves, at /realms/{realm}/branchkey/devices: redeeming an enrollment code, and requests
 * proven with the device's key in the {@value #ASSERTION_HEADER} header.
 */
public final class DeviceEndpoint {

    public static final String ASSERTION_HEADER = "Branchkey-Device-Assertion";
    private static final Logger LOG = Logger.getLogger(DeviceEndpoint.class);

    public record EnrollRequest(String code, JsonNode publicKey, String name) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;

    public DeviceEndpoint(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * Binds a new device to the location of a one-time code, with the public key it generated. Unauthenticated, so
     * failures are budgeted per client address and per realm, and each counted one is audited.
     */
    @POST
    @Path("enroll")
    @Produces(MediaType.APPLICATION_JSON)
    public Response enroll(String body) {
        EnrollmentGuard guard = new EnrollmentGuard(session, realm);
        guard.refuseWhenOverBudget();
        DeviceModel device;
        try {
            EnrollRequest input = JsonBodies.read(body, EnrollRequest.class);
            if (input.code() == null || input.code().isBlank()) {
                throw BranchkeyException.invalid("code", "code is required");
            }
            if (!(input.publicKey() instanceof ObjectNode key)) {
                throw BranchkeyException.invalid("publicKey", "publicKey must be a public JWK object (EC P-256 or RSA 2048+)");
            }
            device = session.getProvider(DeviceProvider.class).redeem(realm, input.code(), key.toString(), input.name());
        } catch (BranchkeyException e) {
            throw orOverBudget(guard.failed(e.getField(), e.getMessage()), ApiErrors.from(e));
        } catch (ApiException e) {
            throw orOverBudget(guard.failed(e.error().field(), e.error().message()), e);
        }
        session.getProvider(AuditProvider.class).success(realm, device.createdBy(), "DEVICE_ENROLL",
                device.locationId(), device.id(), device.type() + " " + device.name());
        return Response.status(Response.Status.CREATED).entity(DeviceRepresentation.Device.of(device)).build();
    }

    private static ApiException orOverBudget(ApiException overBudget, ApiException failure) {
        return overBudget != null ? overBudget : failure;
    }

    /** The calling device as the server knows it: a device request, proven with its key. */
    @GET
    @Path("self")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> self() {
        DeviceModel device = provenDevice(session, realm);
        TenantNodeModel location = session.getProvider(TenantTreeProvider.class).getNode(realm, device.locationId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device", DeviceRepresentation.Device.of(device));
        body.put("location", Map.of("id", location.getId(), "handle", location.getHandle(), "name", location.getName(),
                "status", location.getStatus().name()));
        return body;
    }

    /** The device proven by the request's assertion header, or 401 with the same answer for every failure. */
    public static DeviceModel provenDevice(KeycloakSession session, RealmModel realm) {
        String assertion = session.getContext().getRequestHeaders().getHeaderString(ASSERTION_HEADER);
        try {
            return session.getProvider(DeviceProvider.class).verifyAssertion(realm, assertion, issuer(session, realm));
        } catch (DeviceProofException e) {
            LOG.debugf("device proof refused in realm %s: %s", realm.getName(), e.getReason());
            throw new ErrorResponseException(Response.status(Response.Status.UNAUTHORIZED)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ApiError("invalid_device_proof", "a valid, unused device assertion of an active device"
                            + " is required in the " + ASSERTION_HEADER + " header", null)).build());
        }
    }

    /** The audience device assertions must name: the realm's issuer URL. */
    public static String issuer(KeycloakSession session, RealmModel realm) {
        return Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    }
}
