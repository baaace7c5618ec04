package io.branchkey.bench.probe;

import java.nio.charset.StandardCharsets;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts /realms/{realm}/branchkey-bench-probe in the benchmark's Keycloak only. It answers nothing unless the
 * server was started with a secret of at least 32 characters in {@value #SECRET_ENV} (an environment variable,
 * so it shows neither on a command line nor in a log), and then only callers that send it.
 */
public final class ResolveProbeFactory implements RealmResourceProviderFactory {

    public static final String ID = "branchkey-bench-probe";
    public static final String SECRET_ENV = "BRANCHKEY_BENCH_PROBE_SECRET";

    private byte[] secret;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ResolveProbeResource(session, secret);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        String value = System.getenv(SECRET_ENV);
        secret = value == null || value.length() < 32 ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void close() {
    }
}
