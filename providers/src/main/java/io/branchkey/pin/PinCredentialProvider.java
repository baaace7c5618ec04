package io.branchkey.pin;

import org.keycloak.credential.CredentialInput;
import org.keycloak.credential.CredentialInputValidator;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Keycloak's view of PIN credentials: the admin console and account console list them (type and date, never the
 * secret) and may remove them. Storing and checking PINs is {@link PinProvider}'s job: it hashes, keeps the
 * blind index and applies the lockout. {@link #isValid} therefore never says yes: a PIN checked here would
 * bypass the lockout.
 */
public final class PinCredentialProvider implements CredentialProvider<PinCredentialModel>, CredentialInputValidator {

    private final KeycloakSession session;

    PinCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return PinCredentialModel.TYPE;
    }

    /** Stores an already hashed PIN; {@link PinProvider} keeps the user to one and maintains the index. */
    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, PinCredentialModel credential) {
        if (credential.getCreatedDate() == null) {
            credential.setCreatedDate(System.currentTimeMillis());
        }
        return user.credentialManager().createStoredCredential(credential);
    }

    /** Removes the credential; its index and lockout row go with it (foreign key, ON DELETE CASCADE). */
    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public PinCredentialModel getCredentialFromModel(CredentialModel model) {
        return PinCredentialModel.createFromCredentialModel(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.BASIC_AUTHENTICATION)
                .displayName("Register PIN")
                .helpText("A short numeric PIN for signing in at the registers and kiosks of your locations."
                        + " Nobody can read it; it can only be reset.")
                .iconCssClass(CredentialTypeMetadata.DEFAULT_ICON_CSS_CLASS)
                .createAction(SetPinRequiredActionFactory.PROVIDER_ID)
                .updateAction(SetPinRequiredActionFactory.PROVIDER_ID)
                .removeable(true)
                .build(session);
    }

    @Override
    public boolean supportsCredentialType(String credentialType) {
        return getType().equals(credentialType);
    }

    @Override
    public boolean isConfiguredFor(RealmModel realm, UserModel user, String credentialType) {
        return supportsCredentialType(credentialType)
                && user.credentialManager().getStoredCredentialsByTypeStream(getType()).findAny().isPresent();
    }

    /** Always false: PINs are checked only by {@link PinProvider#attempt}, which counts failures. */
    @Override
    public boolean isValid(RealmModel realm, UserModel user, CredentialInput input) {
        return false;
    }
}
