package io.branchkey.pin.jpa;

import java.util.List;

import io.branchkey.pin.PinPeppers;
import io.branchkey.pin.PinProvider;
import io.branchkey.pin.PinProviderFactory;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Provider {@value #PROVIDER_ID} of SPI branchkey-pin. Option {@value #PEPPER_FALLBACK}
 * ({@code --spi-branchkey-pin--default--pepper-fallback}), under {@code start-dev} only: {@code realm-attribute}
 * (the default there) or {@code none}. Outside start-dev PINs use the vault pepper or nothing.
 */
public final class JpaPinProviderFactory implements PinProviderFactory {

    public static final String PROVIDER_ID = "default";
    static final String PEPPER_FALLBACK = "pepper-fallback";

    private PinPeppers peppers = new PinPeppers(PinPeppers.Fallback.NONE);

    @Override
    public PinProvider create(KeycloakSession session) {
        return new JpaPinProvider(session, JpaPinProvider.em(session), peppers, System::currentTimeMillis);
    }

    @Override
    public void init(Config.Scope config) {
        peppers = new PinPeppers(PinPeppers.Fallback.inForce(PinPeppers.Fallback.parse(config.get(PEPPER_FALLBACK)),
                Environment.isDevMode()));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new PinLifecycleListener(peppers));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(PEPPER_FALLBACK).type(ProviderConfigProperty.LIST_TYPE)
                .options("realm-attribute", "none")
                .helpText("Under start-dev only, when the vault has no PIN pepper for a realm (key branchkey_pin_pepper):"
                        + " realm-attribute (the default there) keeps a random development pepper in a realm attribute"
                        + " (logged as a warning); none refuses to set or check PINs. Outside start-dev always none.")
                .add().build();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
