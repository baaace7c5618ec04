package io.branchkey.oidc;

import java.util.List;

import io.branchkey.claims.format.CompactPermissions;
import org.jboss.logging.Logger;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.provider.ProviderConfigProperty;

/** Writes {@code bk_perms}: the compact permission sets of the active scope (docs/claims.md), or an overage marker. */
public final class PermissionsMapper extends BranchkeyMapperSupport {

    public static final String PROVIDER_ID = "branchkey-permissions-mapper";
    static final String BYTE_BUDGET = "branchkey.byteBudget";
    static final int DEFAULT_BYTE_BUDGET = 2048;
    static final int MIN_BYTE_BUDGET = 64;
    static final int MAX_BYTE_BUDGET = 1 << 20;

    private static final Logger LOG = Logger.getLogger(PermissionsMapper.class);

    private static final List<ProviderConfigProperty> CONFIG;

    static {
        List<ProviderConfigProperty> properties = baseConfig(PermissionsMapper.class);
        ProviderConfigProperty budget = new ProviderConfigProperty(BYTE_BUDGET, "Byte budget",
                "Largest size in bytes of the claim's JSON. Above it the token carries an overage marker instead"
                        + " and resource servers use the check endpoint (" + MIN_BYTE_BUDGET + " to " + MAX_BYTE_BUDGET + ").",
                ProviderConfigProperty.INTEGER_TYPE, DEFAULT_BYTE_BUDGET);
        properties.add(budget);
        CONFIG = List.copyOf(properties);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Branchkey permissions";
    }

    @Override
    public String getHelpText() {
        return "Compact permission sets of the token's active scope (location, account or all), for offline"
                + " hasPermission checks by resource servers.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void validateConfig(KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client,
                               ProtocolMapperModel model)
            throws ProtocolMapperConfigException {
        String value = model.getConfig().get(BYTE_BUDGET);
        if (value != null && !value.isBlank() && parseBudget(value) == null) {
            throw new ProtocolMapperConfigException("invalid byte budget",
                    "the byte budget must be a whole number from " + MIN_BYTE_BUDGET + " to " + MAX_BYTE_BUDGET);
        }
    }

    @Override
    Object claimValue(TokenAccess access, ProtocolMapperModel model) {
        TokenAccess.PermissionsClaim claim = access.permissionsClaim();
        if (claim.bytes() > budget(model)) {
            return CompactPermissions.overage(access.compactPermissions().catalogVersion()).toClaim();
        }
        return claim.value();
    }

    private static int budget(ProtocolMapperModel model) {
        String value = model.getConfig().get(BYTE_BUDGET);
        Integer parsed = value == null || value.isBlank() ? null : parseBudget(value);
        if (value != null && !value.isBlank() && parsed == null) {
            LOG.warnf("Mapper %s has an invalid byte budget; using %d", model.getName(), DEFAULT_BYTE_BUDGET);
        }
        return parsed == null ? DEFAULT_BYTE_BUDGET : parsed;
    }

    static Integer parseBudget(String value) {
        try {
            int budget = Integer.parseInt(value.trim());
            return budget >= MIN_BYTE_BUDGET && budget <= MAX_BYTE_BUDGET ? budget : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
