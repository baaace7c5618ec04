package io.branchkey.claims.approval;

import java.time.Instant;
import java.util.Map;

import io.branchkey.claims.verify.TokenRejectedException;
import io.branchkey.claims.verify.TokenVerifier;
import io.branchkey.claims.verify.VerifiedToken;

/**
 * Verifies approvals against the realm's keys and accepts each once. Thread-safe; get it from
 * {@code BranchkeyResourceServer#approvals()}.
 */
public final class ApprovalVerifier {

    public static final String HEADER_TYPE = "branchkey-approval+jwt";
    public static final String TOKEN_TYPE = "branchkey-approval";

    private final TokenVerifier verifier;
    private final ReplayCache replays;

    /**
     * @param verifier a verifier for this realm set to {@link #HEADER_TYPE} and {@link #TOKEN_TYPE}, not null
     * @param replays  where used approvals are remembered, not null
     */
    public ApprovalVerifier(TokenVerifier verifier, ReplayCache replays) {
        this.verifier = verifier;
        this.replays = replays;
    }

    /**
     * Verifies the approval and records its use.
     *
     * @throws ApprovalRejectedException INVALID (signature, type, issuer, audience, shape), EXPIRED, or REPLAYED
     */
    public Approval consume(String approval) {
        Approval verified = verify(approval);
        // Kept for as long as the approval is accepted: its expiry plus the verifier's clock skew.
        if (!replays.firstUse(verified.id(), verified.expiresAt().plus(verifier.clockSkew()))) {
            throw new ApprovalRejectedException(ApprovalRejectedException.Reason.REPLAYED, "the approval was used before", null);
        }
        return verified;
    }

    /** Verifies without recording the use (to show what an approval is for). */
    public Approval verify(String approval) {
        VerifiedToken token;
        try {
            token = verifier.verify(approval);
        } catch (TokenRejectedException e) {
            ApprovalRejectedException.Reason reason = e.reason() == TokenRejectedException.Reason.EXPIRED
                    ? ApprovalRejectedException.Reason.EXPIRED : ApprovalRejectedException.Reason.INVALID;
            throw new ApprovalRejectedException(reason, "approval rejected: " + e.getMessage(), e);
        }
        try {
            Map<String, Object> claims = token.claims();
            Map<?, ?> actor = (Map<?, ?>) claims.get("act");
            Map<?, ?> location = (Map<?, ?>) claims.get("location");
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) claims.get("context");
            Instant expires = token.claimsSet().getExpirationTime().toInstant();
            return new Approval(required(claims.get("jti")), required(token.subject()), required(actor.get("sub")),
                    required(claims.get("action")), context, required(location.get("id")),
                    ((Number) location.get("handle")).longValue(), required(claims.get("device")), expires);
        } catch (RuntimeException e) {
            throw new ApprovalRejectedException(ApprovalRejectedException.Reason.INVALID, "approval has a bad shape", e);
        }
    }

    private static String required(Object value) {
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        throw new IllegalArgumentException("missing claim");
    }
}
