package io.branchkey.override;

import java.util.Map;

import io.branchkey.audit.AuditProvider;
import io.branchkey.device.DeviceModel;
import io.branchkey.device.grant.DeviceBoundGrantType;
import io.branchkey.pin.PinAttempt;
import io.branchkey.pin.PinLoginResult;
import io.branchkey.pin.PinProvider;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import org.keycloak.TokenCategory;
import org.keycloak.crypto.SignatureProvider;
import org.keycloak.crypto.SignatureSignerContext;
import org.keycloak.jose.jws.JWSBuilder;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Manager-PIN overrides (docs/overrides.md): checks an approval request from a register session and signs the
 * approval. Every approval and refusal is audited at the device's location.
 */
public final class Approvals {

    public static final long MAX_TTL_SECONDS = 120;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final long ttlSeconds;

    public Approvals(KeycloakSession session, RealmModel realm, long ttlSeconds) {
        this.session = session;
        this.realm = realm;
        this.ttlSeconds = Math.min(ttlSeconds, MAX_TTL_SECONDS);
    }

    /**
     * Checks everything and returns the signed approval.
     *
     * @param requester the register session's bearer token, authenticated
     * @throws ApprovalRefused with what the register sees; the refusal is already audited
     */
    public String approve(DeviceModel device, AuthenticationManager.AuthResult requester, ApprovalRequest request,
                          String issuer) {
        UserModel requesterUser = requester.user();
        try {
            requireRegisterSession(device, requester);
            OverrideRule rule = requireApprovalNeeded(device, request);
            if (requesterUser.getId().equals(request.approverUserId())) {
                throw refusal(403, "self_approval", "approver", "nobody approves their own action", "SELF_APPROVAL");
            }
            PinLoginResult pin = session.getProvider(PinProvider.class).attempt(realm, new PinAttempt(device.locationId(),
                    device.id(), request.approverUserId(), request.approverPin(), rule.approverPermission()));
            if (pin.isDenied()) {
                throw refusal(403, "approval_refused", "approver", "the approval was refused",
                        "APPROVER_LACKS_" + rule.approverPermission());
            }
            if (!pin.isOk()) {
                throw refusal(403, "approval_refused", "approver", "the approval was refused", "PIN_" + pin.reason());
            }
            UserModel approver = pin.user();
            if (approver.getId().equals(requesterUser.getId())) {
                throw refusal(403, "self_approval", "approver", "nobody approves their own action", "SELF_APPROVAL");
            }
            String approval = sign(device, requester.token(), approver, request, issuer);
            session.getProvider(AuditProvider.class).success(realm, approver.getId(), "OVERRIDE_APPROVE",
                    device.locationId(), requesterUser.getId(), describe(request, device));
            return approval;
        } catch (ApprovalRefused refused) {
            session.getProvider(AuditProvider.class).refused(realm, requesterUser.getId(), "OVERRIDE_REFUSE",
                    device.locationId(), request.approverUserId(), refused.reason() + "; " + describe(request, device));
            throw refused;
        }
    }

    /** The requester must be logged in at this very device: their session's device note says so. */
    private void requireRegisterSession(DeviceModel device, AuthenticationManager.AuthResult requester) {
        ClientModel client = realm.getClientByClientId(requester.token().getIssuedFor());
        AuthenticatedClientSessionModel clientSession = client == null || requester.session() == null ? null
                : requester.session().getAuthenticatedClientSessionByClient(client.getId());
        String deviceOfSession = clientSession == null ? null : clientSession.getNote(DeviceBoundGrantType.DEVICE_NOTE);
        if (!device.id().equals(deviceOfSession)) {
            throw refusal(403, "not_a_register_session", null,
                    "the requester's token must come from a login at this register", "FOREIGN_SESSION");
        }
    }

    private OverrideRule requireApprovalNeeded(DeviceModel device, ApprovalRequest request) {
        EffectiveRule effective = session.getProvider(OverridePolicyProvider.class)
                .effectiveRule(realm, device.locationId(), request.action());
        if (effective == null || !effective.rule().requiresApproval(request.percent(), request.amount())) {
            throw refusal(409, "not_required", "action",
                    "this " + request.action() + " needs no approval at this location", "NOT_REQUIRED");
        }
        return effective.rule();
    }

    private String sign(DeviceModel device, AccessToken requesterToken, UserModel approver, ApprovalRequest request,
                        String issuer) {
        TenantNodeModel location = session.getProvider(TenantTreeProvider.class).getNode(realm, device.locationId());
        long now = System.currentTimeMillis() / 1000;
        ApprovalToken token = new ApprovalToken()
                .actor(approver.getId()).action(request.action()).context(request.contextClaim())
                .location(location.getId(), location.getHandle()).device(device.id());
        token.id(KeycloakModelUtils.generateId());
        token.issuer(issuer);
        token.subject(requesterToken.getSubject());
        token.audience(requesterToken.getIssuedFor());
        token.issuedFor(requesterToken.getIssuedFor());
        token.type(ApprovalToken.TOKEN_TYPE);
        token.iat(now);
        token.exp(now + ttlSeconds);
        String algorithm = session.tokens().signatureAlgorithm(TokenCategory.ACCESS);
        SignatureSignerContext signer = session.getProvider(SignatureProvider.class, algorithm).signer();
        return new JWSBuilder().type(ApprovalToken.HEADER_TYPE).jsonContent(token).sign(signer);
    }

    private static String describe(ApprovalRequest request, DeviceModel device) {
        Map<String, Object> context = request.contextClaim();
        return request.action() + " " + context + " at device " + device.id();
    }

    private static ApprovalRefused refusal(int status, String error, String field, String message, String reason) {
        return new ApprovalRefused(status, error, field, message, reason);
    }
}
