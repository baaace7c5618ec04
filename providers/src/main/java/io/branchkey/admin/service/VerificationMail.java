package io.branchkey.admin.service;

import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.keycloak.authentication.actiontoken.verifyemail.VerifyEmailActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;

/**
 * After someone else changes a user's email, the address is unverified until its owner proves it: the flag is
 * cleared, verification is required at the next login, and where the realm can send mail the link goes out now
 * (the same action token Keycloak's own "send verify email" uses).
 */
final class VerificationMail {

    private static final Logger LOG = Logger.getLogger(VerificationMail.class);

    private VerificationMail() {
    }

    static void require(KeycloakSession session, RealmModel realm, UserModel user) {
        user.setEmailVerified(false);
        user.addRequiredAction(UserModel.RequiredAction.VERIFY_EMAIL);
        if (user.getEmail() == null || realm.getSmtpConfig() == null || realm.getSmtpConfig().get("host") == null) {
            return;
        }
        int lifespan = realm.getActionTokenGeneratedByAdminLifespan();
        VerifyEmailActionToken token = new VerifyEmailActionToken(user.getId(), Time.currentTime() + lifespan, null,
                user.getEmail(), Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        String link = LoginActionsService.actionTokenProcessor(session.getContext().getUri())
                .queryParam("key", token.serialize(session, realm, session.getContext().getUri()))
                .build(realm.getName()).toString();
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .sendVerifyEmail(link, TimeUnit.SECONDS.toMinutes(lifespan));
        } catch (EmailException e) {
            // The change stands: the user verifies at the next login instead.
            LOG.warnf("could not send the verification mail to user %s: %s", user.getId(), e.getMessage());
        }
    }
}
