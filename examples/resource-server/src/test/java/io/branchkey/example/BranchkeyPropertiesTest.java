package io.branchkey.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class BranchkeyPropertiesTest {

    private static final String ISSUER = "http://localhost:8080/realms/branchkey-demo";

    @Test
    void theClientsCredentialsAreRequired() {
        assertThatThrownBy(() -> new BranchkeyProperties(ISSUER, null, List.of("register-app"), null, null, null,
                null, "secret-value")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("branchkey.client-id");
        assertThatThrownBy(() -> new BranchkeyProperties(ISSUER, null, List.of("register-app"), null, null, null,
                "example-resource-server", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("branchkey.client-secret");
    }

    @Test
    void theSecretIsNotInToString() {
        BranchkeyProperties properties = new BranchkeyProperties(ISSUER, null, List.of("register-app"), null, null,
                null, "example-resource-server", "secret-value");
        assertThat(properties.toString()).contains("example-resource-server").doesNotContain("secret-value");
    }
}
