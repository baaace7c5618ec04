package io.branchkey.oidc;

import java.util.ArrayList;
import java.util.List;

import io.branchkey.device.grant.DeviceBoundGrantType;
import io.branchkey.device.grant.LoginLevels;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * Marks tokens of device-bound logins in {@code acr}: {@value LoginLevels#PIN_ACR} after a PIN login at a register,
 * {@value LoginLevels#DEVICE_ACR} for a device signed in as itself, so resource servers can ask for a stronger login where a
 * PIN is not enough. Runs after Keycloak's own acr mapper, which it overrides only for these logins.
 */
public final class LoginMethodAcrMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "branchkey-acr-mapper";

    private static final List<ProviderConfigProperty> CONFIG;

    static {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, LoginMethodAcrMapper.class);
        CONFIG = List.copyOf(properties);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Branchkey device login acr";
    }

    @Override
    public String getHelpText() {
        return "Sets acr to " + LoginLevels.PIN_ACR + " for PIN logins at registered devices and " + LoginLevels.DEVICE_ACR
                + " for devices signed in as themselves.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    /** After Keycloak's acr mapper (priority 0), so that ours is the one that stays. */
    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
                            KeycloakSession session, ClientSessionContext clientSessionCtx) {
        if (clientSessionCtx == null) {
            return;
        }
        String acr = LoginLevels.acrOf(clientSessionCtx.getClientSession().getNote(DeviceBoundGrantType.LOGIN_METHOD_NOTE));
        if (acr != null) {
            token.setAcr(acr);
        }
    }
}
