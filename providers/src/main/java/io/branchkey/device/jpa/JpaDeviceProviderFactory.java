package io.branchkey.device.jpa;

import java.time.Duration;
import java.util.List;

import io.branchkey.device.DeviceProvider;
import io.branchkey.device.DeviceProviderFactory;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public final class JpaDeviceProviderFactory implements DeviceProviderFactory {

    public static final String PROVIDER_ID = "jpa";
    static final String ENROLLMENT_MINUTES = "enrollment-code-minutes";
    static final int DEFAULT_ENROLLMENT_MINUTES = 10;

    private long enrollmentTtlMillis = Duration.ofMinutes(DEFAULT_ENROLLMENT_MINUTES).toMillis();

    @Override
    public DeviceProvider create(KeycloakSession session) {
        return new JpaDeviceProvider(session, session.getProvider(JpaConnectionProvider.class).getEntityManager(),
                enrollmentTtlMillis);
    }

    @Override
    public void init(Config.Scope config) {
        int minutes = config.getInt(ENROLLMENT_MINUTES, DEFAULT_ENROLLMENT_MINUTES);
        if (minutes < 1 || minutes > 24 * 60) {
            throw new IllegalArgumentException(ENROLLMENT_MINUTES + " must be from 1 to 1440, not " + minutes);
        }
        enrollmentTtlMillis = Duration.ofMinutes(minutes).toMillis();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new DeviceLifecycleListener());
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(ENROLLMENT_MINUTES).type(ProviderConfigProperty.INTEGER_TYPE)
                .defaultValue(DEFAULT_ENROLLMENT_MINUTES)
                .helpText("How long an enrollment code can be redeemed, in minutes (1 to 1440)")
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
