package io.branchkey.oidc;

import java.util.List;

import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Writes {@code bk_roles}: the role-group names in force at the active location or account. */
public final class RolesMapper extends BranchkeyMapperSupport {

    public static final String PROVIDER_ID = "branchkey-roles-mapper";

    private static final List<ProviderConfigProperty> CONFIG = List.copyOf(baseConfig(RolesMapper.class));

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Branchkey location roles";
    }

    @Override
    public String getHelpText() {
        return "Names of the role groups the user holds at the token's active location or account (left out when"
                + " the scope is all), for applications that check roles.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    Object claimValue(TokenAccess access, ProtocolMapperModel model) {
        return access.scope().nodeId() == null ? null : access.access().roleGroups();
    }
}
