package io.branchkey.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The PIN benchmark's profile buckets: a sample counts as what its stack is doing, the first matching row first. */
class PinProfileTest {

    private static final List<String> GRANT = List.of("io.branchkey.pin.login.PinGrantType.process",
            "org.keycloak.protocol.oidc.endpoints.TokenEndpoint.processGrantRequest");

    private static List<String> under(String... leaf) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(leaf), GRANT.stream()).toList();
    }

    @Test
    void hashingWhereverItIsCalledFrom() {
        assertEquals(PinProfile.HASHING, PinProfile.bucket(List.of(
                "org.bouncycastle.crypto.generators.Argon2BytesGenerator$FillBlock.applyBlake",
                "org.keycloak.credential.hash.Argon2PasswordHashProviderFactory.encode",
                "org.keycloak.protocol.oidc.grants.ResourceOwnerPasswordCredentialsGrantType.process")));
    }

    @Test
    void theDeviceCheckIncludesKeycloaksVerifierButNotTheGrantBaseClass() {
        assertEquals(PinProfile.DEVICE, PinProfile.bucket(under("sun.security.util.math.intpoly.IntegerPolynomialP256.mult",
                "org.keycloak.crypto.ECDSASignatureVerifierContext.verify", "io.branchkey.device.DeviceAssertions.verify",
                "io.branchkey.device.grant.DeviceBoundGrantType.provenDevice")));
        assertEquals(PinProfile.ENCODING, PinProfile.bucket(under("sun.security.util.math.intpoly.IntegerPolynomialP256.mult",
                "org.keycloak.crypto.AsymmetricSignatureSignerContext.sign", "org.keycloak.protocol.oidc.TokenManager.encode",
                "io.branchkey.device.grant.DeviceBoundGrantType.issueTokens")));
    }

    @Test
    void pinCheckMappersDatabaseAndTheRest() {
        assertEquals(PinProfile.PIN, PinProfile.bucket(under("org.postgresql.core.v3.QueryExecutorImpl.execute",
                "io.branchkey.pin.jpa.PinGuard.attempt")));
        assertEquals(PinProfile.MAPPERS, PinProfile.bucket(under("io.branchkey.oidc.PermissionsMapper.setClaim",
                "org.keycloak.protocol.oidc.TokenManager.transformAccessToken")));
        assertEquals(PinProfile.DATABASE, PinProfile.bucket(under("org.hibernate.internal.SessionImpl.flush",
                "org.keycloak.models.jpa.session.JpaUserSessionPersisterProvider.createUserSession")));
        assertEquals(PinProfile.OTHER, PinProfile.bucket(under("org.keycloak.models.sessions.infinispan.UserSessionAdapter.setNote")));
    }
}
