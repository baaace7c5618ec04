package io.branchkey.oidc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;

/**
 * What Branchkey's three mappers share: the token switches (access, ID, userinfo, introspection, lightweight),
 * the claim name, and the per-request {@link TokenAccess}.
 */
abstract class BranchkeyMapperSupport extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    /** The claim value, or null to leave the claim out. */
    abstract Object claimValue(TokenAccess access, ProtocolMapperModel model);

    static List<ProviderConfigProperty> baseConfig(Class<? extends BranchkeyMapperSupport> type) {
        List<ProviderConfigProperty> properties = new ArrayList<>();
        OIDCAttributeMapperHelper.addTokenClaimNameConfig(properties);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(properties, type);
        return properties;
    }

    @Override
    public final String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    protected final void setClaim(IDToken token, ProtocolMapperModel model, UserSessionModel userSession,
                                  KeycloakSession session, ClientSessionContext clientSessionCtx) {
        if (userSession == null || userSession.getUser() == null || clientSessionCtx == null) {
            return;
        }
        TokenAccess access = TokenAccess.of(session, clientSessionCtx.getClientSession(), userSession.getUser());
        Object value = claimValue(access, model);
        String name = model.getConfig().get(OIDCAttributeMapperHelper.TOKEN_CLAIM_NAME);
        if (value != null && name != null && !name.isBlank()) {
            putClaim(token.getOtherClaims(), name, value);
        }
    }

    /**
     * Puts a structured value under a claim name, nesting on dots as Keycloak's own mappers do ({@code a.b} is
     * {@code b} inside {@code a}; {@code a\.b} is one name). Keycloak's attribute conversion is skipped on
     * purpose: it would flatten our arrays to their first element.
     */
    @SuppressWarnings("unchecked")
    static void putClaim(Map<String, Object> claims, String name, Object value) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' && i + 1 < name.length() && name.charAt(i + 1) == '.') {
                part.append('.');
                i++;
            } else if (c == '.') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        Map<String, Object> target = claims;
        for (String key : parts.subList(0, parts.size() - 1)) {
            Object nested = target.get(key);
            if (!(nested instanceof Map)) {
                nested = new java.util.LinkedHashMap<String, Object>();
                target.put(key, nested);
            }
            target = (Map<String, Object>) nested;
        }
        target.put(parts.get(parts.size() - 1), value);
    }
}
