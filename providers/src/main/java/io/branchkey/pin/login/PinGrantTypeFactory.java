package io.branchkey.pin.login;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.protocol.oidc.grants.OAuth2GrantTypeFactory;

public final class PinGrantTypeFactory implements OAuth2GrantTypeFactory {

    @Override
    public String getId() {
        return PinGrantType.GRANT_TYPE;
    }

    @Override
    public String getShortcut() {
        return "bp";
    }

    @Override
    public OAuth2GrantType create(KeycloakSession session) {
        return new PinGrantType();
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
