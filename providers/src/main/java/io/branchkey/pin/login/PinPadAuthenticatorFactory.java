package io.branchkey.pin.login;

import java.util.List;

import io.branchkey.pin.PinCredentialModel;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

public final class PinPadAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "branchkey-pin-pad";
    private static final PinPadAuthenticator SINGLETON = new PinPadAuthenticator();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Branchkey PIN pad";
    }

    @Override
    public String getHelpText() {
        return "Staff tiles and a PIN pad for the device's location (or PIN only), under Branchkey's PIN lockout;"
                + " the device type decides the permission needed to log in. Put it after Branchkey registered device.";
    }

    /** The account console lists the PIN credential only when an authenticator of its category is in a flow. */
    @Override
    public String getReferenceCategory() {
        return PinCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
