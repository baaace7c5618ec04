package io.branchkey.oidc;

import java.util.List;

import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.provider.ProviderConfigProperty;

/** Writes {@code bk_tenancy}: home account, active scope and partner flag. */
public final class TenancyMapper extends BranchkeyMapperSupport {

    public static final String PROVIDER_ID = "branchkey-tenancy-mapper";

    private static final List<ProviderConfigProperty> CONFIG = List.copyOf(baseConfig(TenancyMapper.class));

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Branchkey tenancy";
    }

    @Override
    public String getHelpText() {
        return "The user's home account, the token's active scope (location, account or all) and whether the user"
                + " is a partner.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    Object claimValue(TokenAccess access, ProtocolMapperModel model) {
        return access.tenancyClaim();
    }
}
