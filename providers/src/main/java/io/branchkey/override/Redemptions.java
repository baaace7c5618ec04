package io.branchkey.override;

import io.branchkey.override.jpa.RedemptionEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;

/**
 * Server-side single use of approvals: verifies an approval's signature (realm keys), type, issuer and expiry,
 * then records its jti so a second redemption fails, on any node of a cluster.
 */
public final class Redemptions {

    private final KeycloakSession session;
    private final RealmModel realm;

    public Redemptions(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * @throws ApprovalRefused 400 invalid_approval (bad signature, type, issuer, or expired) or 409 already_redeemed
     */
    public ApprovalToken redeem(String approval, String issuer, String redeemedBy) {
        ApprovalToken token = verified(approval, issuer);
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        long now = System.currentTimeMillis();
        em.createQuery("delete from RedemptionEntity r where r.realmId = :realmId and r.expiresAt < :now")
                .setParameter("realmId", realm.getId()).setParameter("now", now).executeUpdate();
        try {
            em.persist(new RedemptionEntity(token.getId(), realm.getId(), token.getExp() * 1000L, now, redeemedBy));
            em.flush();
        } catch (PersistenceException | ModelException e) {
            throw new ApprovalRefused(409, "already_redeemed", "approval", "this approval was used before", "REPLAYED");
        }
        return token;
    }

    private ApprovalToken verified(String approval, String issuer) {
        ApprovalRefused invalid = new ApprovalRefused(400, "invalid_approval", "approval",
                "the approval is not valid: wrong signature, type or issuer, or expired", "INVALID");
        if (approval == null || approval.length() > 8192) {
            throw invalid;
        }
        try {
            if (!ApprovalToken.HEADER_TYPE.equals(new JWSInput(approval).getHeader().getType())) {
                throw invalid;
            }
        } catch (JWSInputException | RuntimeException e) {
            throw invalid;
        }
        ApprovalToken token;
        try {
            token = session.tokens().decode(approval, ApprovalToken.class);
        } catch (RuntimeException e) {
            throw invalid;
        }
        long now = System.currentTimeMillis() / 1000;
        if (token == null || !ApprovalToken.TOKEN_TYPE.equals(token.getType()) || !issuer.equals(token.getIssuer())
                || token.getExp() == null || token.getExp() <= now || token.getId() == null) {
            throw invalid;
        }
        return token;
    }
}
