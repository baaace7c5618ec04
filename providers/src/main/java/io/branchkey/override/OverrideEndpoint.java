package io.branchkey.override;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import io.branchkey.override.OverrideRepresentations;
import io.branchkey.rest.ApiError;
import io.branchkey.rest.BearerTokens;
import io.branchkey.rest.ApiErrors;
import io.branchkey.rest.JsonBodies;
import io.branchkey.device.DeviceEndpoint;
import io.branchkey.device.DeviceModel;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * What registers ask about manager overrides, at /realms/{realm}/branchkey/overrides (docs/overrides.md): the
 * policy in force at the device's location, approvals, and redemption of approvals.
 */
public final class OverrideEndpoint {

    public record ApproverInput(String userId, String pin) {

        @Override
        public String toString() {
            return "ApproverInput[userId=" + userId + "]";
        }
    }

    public record ContextInput(Long amount, BigDecimal percent, String currency, String transactionHash) {
    }

    public record ApprovalInput(String action, ContextInput context, ApproverInput approver) {
    }

    public record RedeemInput(String approval) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final long approvalSeconds;

    public OverrideEndpoint(KeycloakSession session, RealmModel realm, long approvalSeconds) {
        this.session = session;
        this.realm = realm;
        this.approvalSeconds = approvalSeconds;
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

    /**
     * A manager approves a register action with their PIN at the register: device-proven, with the logged-in
     * cashier's bearer token. Answers the signed approval, valid for at most two minutes and usable once.
     */
    @POST
    @Path("approvals")
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(String body) {
        DeviceModel device = DeviceEndpoint.provenDevice(session, realm);
        AuthenticationManager.AuthResult requester = requester();
        ApprovalInput input = JsonBodies.read(body, ApprovalInput.class);
        ContextInput context = input.context() == null ? new ContextInput(null, null, null, null) : input.context();
        ApproverInput approver = input.approver() == null ? new ApproverInput(null, null) : input.approver();
        ApprovalRequest request = ApiErrors.translate(() -> new ApprovalRequest(input.action(), context.amount(),
                context.percent(), context.currency(), context.transactionHash(), approver.userId(), approver.pin()));
        try {
            String approval = new Approvals(session, realm, approvalSeconds).approve(device, requester, request,
                    DeviceEndpoint.issuer(session, realm));
            return Response.status(Response.Status.CREATED).header("Cache-Control", "no-store")
                    .entity(Map.of("approval", approval, "expiresIn", Math.min(approvalSeconds, Approvals.MAX_TTL_SECONDS)))
                    .build();
        } catch (ApprovalRefused refused) {
            throw error(refused);
        }
    }

    /** The server-side single use of an approval, for back ends that do not keep their own replay cache. */
    @POST
    @Path("approvals/redeem")
    @Produces(MediaType.APPLICATION_JSON)
    public ApprovalToken redeem(String body) {
        AuthenticationManager.AuthResult caller = requester();
        RedeemInput input = JsonBodies.read(body, RedeemInput.class);
        try {
            return new Redemptions(session, realm).redeem(input.approval(), DeviceEndpoint.issuer(session, realm),
                    caller.user().getId());
        } catch (ApprovalRefused refused) {
            throw error(refused);
        }
    }

    private AuthenticationManager.AuthResult requester() {
        return BearerTokens.authenticate(session, realm);
    }

    private static ErrorResponseException error(ApprovalRefused refused) {
        return new ErrorResponseException(Response.status(refused.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(refused.error(), refused.getMessage(), refused.field())).build());
    }
}
