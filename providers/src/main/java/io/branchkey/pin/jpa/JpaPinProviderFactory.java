package io.branchkey.pin.jpa;

import java.util.List;

import io.branchkey.pin.PinPeppers;
import io.branchkey.pin.PinProvider;
import io.branchkey.pin.PinProviderFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Provider {@value #PROVIDER_ID} of SPI branchkey-pin. Option {@value #PEPPER_FALLBACK}
 * ({@code --spi-branchkey-pin--default--pepper-fallback}): {@code realm-attribute} (default, development) or
 * {@code none} (production: a realm without a vault pepper cannot use PINs).
 */
public final class JpaPinProviderFactory implements PinProviderFactory {

    public static final String PROVIDER_ID = "default";
    static final String PEPPER_FALLBACK = "pepper-fallback";

    private PinPeppers peppers = new PinPeppers(PinPeppers.Fallback.REALM_ATTRIBUTE);

    @Override
    public PinProvider create(KeycloakSession session) {
        return new JpaPinProvider(session, JpaPinProvider.em(session), peppers, System::currentTimeMillis);
    }

    @Override
    public void init(Config.Scope config) {
        peppers = new PinPeppers(PinPeppers.Fallback.parse(config.get(PEPPER_FALLBACK)));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new PinLifecycleListener(peppers));
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(PEPPER_FALLBACK).type(ProviderConfigProperty.LIST_TYPE)
                .options("realm-attribute", "none").defaultValue("realm-attribute")
                .helpText("When the vault has no PIN pepper for a realm (key branchkey_pin_pepper): realm-attribute keeps"
                        + " a random development pepper in a realm attribute (logged as a warning); none refuses to set"
                        + " or check PINs")
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
