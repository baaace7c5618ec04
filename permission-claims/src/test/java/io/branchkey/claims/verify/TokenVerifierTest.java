package io.branchkey.claims.verify;

import static io.branchkey.claims.support.Tokens.ISSUER;
import static io.branchkey.claims.support.Tokens.accessToken;
import static io.branchkey.claims.support.Tokens.rs256;
import static io.branchkey.claims.support.Tokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import io.branchkey.claims.support.MutableClock;
import io.branchkey.claims.support.StubRealm;
import io.branchkey.claims.support.TestKeys;
import io.branchkey.claims.verify.TokenRejectedException.Reason;

class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final MutableClock clock = new MutableClock(NOW);

    private TokenVerifier.Builder verifierFor(JWKSet keys) {
        return TokenVerifier.builder(ISSUER, JwksSource.fixed(keys)).authorizedParty("register-app").clock(clock);
    }

    private TokenVerifier verifier() {
        return verifierFor(TestKeys.publicSet(TestKeys.RSA, TestKeys.EC)).build();
    }

    private static void assertRejected(Executable call, Reason reason) {
        assertThatThrownBy(call::execute).isInstanceOf(TokenRejectedException.class)
                .satisfies(e -> assertThat(((TokenRejectedException) e).reason()).isEqualTo(reason));
    }

    @Test
    void aValidKeycloakAccessTokenVerifies() {
        String token = rs256(accessToken(NOW).claim("preferred_username", "gw-den-cashier1").build());
        VerifiedToken verified = verifier().verify(token);
        assertThat(verified.subject()).isEqualTo("6f1c2a9e-0c51-4b1e-9d0b-2f4a1c3e5d7a");
        assertThat(verified.authorizedParty()).isEqualTo("register-app");
        assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(verified.token()).isEqualTo(token);
        assertThat(verified.toString()).doesNotContain(token.substring(0, 20));
    }

    @Test
    void es256AndPs256AreAcceptedByDefault() {
        TokenVerifier verifier = verifier();
        assertThat(verifier.verify(sign(TestKeys.EC, JWSAlgorithm.ES256, accessToken(NOW).build())).issuer())
                .isEqualTo(ISSUER);
        assertThat(verifier.verify(sign(TestKeys.RSA, JWSAlgorithm.PS256, accessToken(NOW).build())).issuer())
                .isEqualTo(ISSUER);
    }

    @Test
    void anAlgorithmOutsideTheAllowListIsRejected() {
        assertRejected(() -> verifier().verify(sign(TestKeys.RSA, JWSAlgorithm.RS512, accessToken(NOW).build())),
                Reason.ALGORITHM_NOT_ALLOWED);
        TokenVerifier rs512 = verifierFor(TestKeys.publicSet(TestKeys.RSA)).algorithms(JWSAlgorithm.RS512).build();
        assertThat(rs512.verify(sign(TestKeys.RSA, JWSAlgorithm.RS512, accessToken(NOW).build()))).isNotNull();
    }

    @Test
    void anExpiredTokenIsRejectedBeyondTheClockSkew() {
        String token = rs256(accessToken(NOW.minusSeconds(310)).build()); // expired 10 s ago
        assertThat(verifier().verify(token)).isNotNull(); // within the default 30 s skew
        clock.advance(Duration.ofSeconds(21));
        assertRejected(() -> verifier().verify(token), Reason.EXPIRED);
        assertRejected(() -> verifierFor(TestKeys.publicSet(TestKeys.RSA)).clockSkew(Duration.ZERO).build()
                .verify(rs256(accessToken(NOW.minusSeconds(301)).build())), Reason.EXPIRED);
    }

    @Test
    void aTokenNotYetValidIsRejected() {
        assertRejected(() -> verifier().verify(rs256(accessToken(NOW).notBeforeTime(Date.from(NOW.plusSeconds(60)))
                .build())), Reason.NOT_YET_VALID);
        assertRejected(() -> verifier().verify(rs256(accessToken(NOW.plusSeconds(120)).build())),
                Reason.NOT_YET_VALID);
    }

    @Test
    void aTokenWithoutExpiryIsMalformed() {
        assertRejected(() -> verifier().verify(rs256(new JWTClaimsSet.Builder(accessToken(NOW).build())
                .expirationTime(null).build())), Reason.MALFORMED);
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() {
        assertRejected(() -> verifier().verify(rs256(accessToken(NOW)
                .issuer("http://keycloak.test/realms/other").build())), Reason.WRONG_ISSUER);
        assertRejected(() -> verifier().verify(rs256(accessToken(NOW).issuer(ISSUER + "/").build())),
                Reason.WRONG_ISSUER);
    }

    @Test
    void theAudienceOrTheAuthorizedPartyMustBeExpected() {
        String otherClient = rs256(accessToken(NOW).claim("azp", "backoffice-app").build());
        assertRejected(() -> verifier().verify(otherClient), Reason.WRONG_AUDIENCE);

        TokenVerifier byAudience = verifierFor(TestKeys.publicSet(TestKeys.RSA)).audience("orders-api").build();
        assertRejected(() -> byAudience.verify(otherClient), Reason.WRONG_AUDIENCE);
        assertThat(byAudience.verify(rs256(accessToken(NOW).audience(java.util.List.of("account", "orders-api"))
                .build()))).isNotNull();
        assertThat(byAudience.verify(rs256(accessToken(NOW).audience("orders-api").build()))).isNotNull();

        // aud missing altogether (Keycloak without the audience mapper): azp alone decides
        assertThat(verifier().verify(rs256(accessToken(NOW).audience((String) null).build()))).isNotNull();

        TokenVerifier any = TokenVerifier.builder(ISSUER, JwksSource.fixed(TestKeys.publicSet(TestKeys.RSA)))
                .acceptAnyAudience().clock(clock).build();
        assertThat(any.verify(otherClient)).isNotNull();
    }

    @Test
    void aVerifierNeedsAnAudienceRule() {
        assertThatThrownBy(() -> TokenVerifier.builder(ISSUER, JwksSource.fixed(TestKeys.publicSet(TestKeys.RSA)))
                .build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idRefreshAndLogoutTokensAreNotAccessTokens() {
        for (String typ : new String[] {"ID", "Refresh", "Logout"}) {
            assertRejected(() -> verifier().verify(rs256(accessToken(NOW).claim("typ", typ).build())),
                    Reason.WRONG_TOKEN_TYPE);
        }
        assertRejected(() -> verifier().verify(rs256(new JWTClaimsSet.Builder(accessToken(NOW).build())
                .claim("typ", null).build())), Reason.WRONG_TOKEN_TYPE);
    }

    @Test
    void theHeaderTypeMustBeOneOfAnAccessToken() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(new JOSEObjectType("logout+jwt")).build(), accessToken(NOW).build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(TestKeys.RSA));
        assertRejected(() -> verifier().verify(jwt.serialize()), Reason.WRONG_HEADER_TYPE);

        SignedJWT rfc9068 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(new JOSEObjectType("at+jwt")).build(), accessToken(NOW).build());
        rfc9068.sign(new com.nimbusds.jose.crypto.RSASSASigner(TestKeys.RSA));
        assertThat(verifier().verify(rfc9068.serialize())).isNotNull();
    }

    @Test
    void anUnsignedTokenIsRejected() {
        String none = new PlainJWT(accessToken(NOW).build()).serialize();
        assertRejected(() -> verifier().verify(none), Reason.ALGORITHM_NOT_ALLOWED);

        // "alg":"none" spelt by hand, with a signature part that is not empty, must not slip through either
        String[] parts = rs256(accessToken(NOW).build()).split("\\.");
        String header = B64.encodeToString("{\"alg\":\"none\",\"kid\":\"rsa-1\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier().verify(header + "." + parts[1] + "." + parts[2]))
                .isInstanceOf(TokenRejectedException.class);
        assertRejected(() -> verifier().verify(header + "." + parts[1] + "."), Reason.ALGORITHM_NOT_ALLOWED);
        String noneUpper = B64.encodeToString("{\"alg\":\"NONE\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier().verify(noneUpper + "." + parts[1] + "."))
                .isInstanceOf(TokenRejectedException.class);
    }

    @Test
    void valuesFromTheTokenAreShownSafelyInMessages() {
        String[] parts = rs256(accessToken(NOW).build()).split("\\.");
        String header = B64.encodeToString("{\"alg\":\"RS256\\r\\nX-Injected: \\\"yes\\\"\"}"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier().verify(header + "." + parts[1] + "." + parts[2]))
                .isInstanceOf(TokenRejectedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n", "\"yes\"").contains("X-Injected"));
        assertThat(TokenVerifier.shown("x".repeat(100))).hasSize(61);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws Exception {
        // The classic confusion attack: HMAC with the RSA public key (which everyone can fetch) as the secret.
        byte[] publicKey = TestKeys.RSA.toRSAPublicKey().getEncoded();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1")
                .type(JOSEObjectType.JWT).build(), accessToken(NOW).build());
        forged.sign(new MACSigner(publicKey));
        assertRejected(() -> verifier().verify(forged.serialize()), Reason.ALGORITHM_NOT_ALLOWED);

        // Even with HMAC explicitly allowed, only the configured secret checks HMAC signatures.
        byte[] secret = "an explicitly configured 256-bit secret!".getBytes(StandardCharsets.UTF_8);
        TokenVerifier hmac = verifierFor(TestKeys.publicSet(TestKeys.RSA))
                .algorithms(JWSAlgorithm.RS256, JWSAlgorithm.HS256).hmacSecret(secret).build();
        assertRejected(() -> hmac.verify(forged.serialize()), Reason.BAD_SIGNATURE);
        SignedJWT genuine = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), accessToken(NOW).build());
        genuine.sign(new MACSigner(secret));
        assertThat(hmac.verify(genuine.serialize())).isNotNull();
    }

    @Test
    void hmacNeedsAnExplicitSecretAndNoneCanNeverBeAllowed() {
        assertThatThrownBy(() -> verifierFor(TestKeys.publicSet(TestKeys.RSA)).algorithms(JWSAlgorithm.HS256).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> verifierFor(TestKeys.publicSet(TestKeys.RSA))
                .algorithms(new JWSAlgorithm("none")).build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedPayloadOrSignatureIsRejected() {
        String token = rs256(accessToken(NOW).build());
        String[] parts = token.split("\\.");
        String richer = B64.encodeToString(accessToken(NOW).claim("bk_perms", java.util.Map.of("v", 1, "cat", 1,
                "sets", java.util.List.of("_wE"), "at", java.util.List.of(java.util.List.of(1)))).build().toString()
                .getBytes(StandardCharsets.UTF_8));
        assertRejected(() -> verifier().verify(parts[0] + "." + richer + "." + parts[2]), Reason.BAD_SIGNATURE);

        char[] signature = parts[2].toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        assertRejected(() -> verifier().verify(parts[0] + "." + parts[1] + "." + new String(signature)),
                Reason.BAD_SIGNATURE);

        String otherKey = sign(TestKeys.RSA_FOREIGN, JWSAlgorithm.RS256, accessToken(NOW).build()); // same kid
        assertRejected(() -> verifier().verify(otherKey), Reason.BAD_SIGNATURE);
    }

    @Test
    void aKeyOfAnotherFamilyThanTheAlgorithmIsNeverUsed() throws Exception {
        // ES256 header naming the RSA key's kid: no EC key with that kid exists.
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("rsa-1").build(),
                accessToken(NOW).build());
        jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(TestKeys.EC));
        assertRejected(() -> verifier().verify(jwt.serialize()), Reason.UNKNOWN_KEY);
    }

    @Test
    void encryptionKeysOfTheSetAreIgnored() {
        RSAKey encryptionOnly = new RSAKey.Builder(TestKeys.RSA.toPublicJWK()).keyUse(KeyUse.ENCRYPTION).build();
        TokenVerifier verifier = verifierFor(new JWKSet(encryptionOnly)).build();
        assertRejected(() -> verifier.verify(rs256(accessToken(NOW).build())), Reason.UNKNOWN_KEY);
    }

    @Test
    void garbageIsMalformed() {
        for (String garbage : new String[] {"", "abc", "a.b.c", "a.b", "....", "eyJ.eyJ.sig",
                "x".repeat(70_000)}) {
            assertRejected(() -> verifier().verify(garbage), Reason.MALFORMED);
        }
        assertRejected(() -> verifier().verify(null), Reason.MALFORMED);
    }

    @Test
    void anUnknownKidRefreshesTheJwksOnceThenRateLimits() throws Exception {
        try (StubRealm realm = new StubRealm()) {
            JWKSet[] published = {TestKeys.publicSet(TestKeys.RSA)};
            realm.on("/protocol/openid-connect/certs", r -> StubRealm.Answer.json(published[0].toString(),
                    "Cache-Control", "no-cache"));
            RemoteJwks jwks = RemoteJwks.forRealm(realm.base()).clock(clock).build();
            TokenVerifier verifier = TokenVerifier.builder(ISSUER, jwks).authorizedParty("register-app").clock(clock)
                    .build();

            assertThat(verifier.verify(rs256(accessToken(NOW).build()))).isNotNull();
            assertThat(verifier.verify(rs256(accessToken(NOW).build()))).isNotNull();
            assertThat(realm.count("/protocol/openid-connect/certs")).isEqualTo(1);

            // The realm rotates its key: the first token with the new kid triggers one refetch.
            published[0] = TestKeys.publicSet(TestKeys.RSA, TestKeys.RSA_NEXT);
            clock.advance(Duration.ofSeconds(11));
            String rotated = sign(TestKeys.RSA_NEXT, JWSAlgorithm.RS256, accessToken(NOW).build());
            assertThat(verifier.verify(rotated)).isNotNull();
            assertThat(realm.count("/protocol/openid-connect/certs")).isEqualTo(2);

            // Made-up kids do not make every request a JWKS fetch.
            String madeUp = sign(new RSAKey.Builder(TestKeys.RSA_FOREIGN).keyID("made-up").build(),
                    JWSAlgorithm.RS256, accessToken(NOW).build());
            assertRejected(() -> verifier.verify(madeUp), Reason.UNKNOWN_KEY);
            assertRejected(() -> verifier.verify(madeUp), Reason.UNKNOWN_KEY);
            assertThat(realm.count("/protocol/openid-connect/certs")).isEqualTo(2);
            clock.advance(Duration.ofSeconds(11));
            assertRejected(() -> verifier.verify(madeUp), Reason.UNKNOWN_KEY);
            assertThat(realm.count("/protocol/openid-connect/certs")).isEqualTo(3);
        }
    }

    @Test
    void theJwksIsRefetchedAfterItsTtlAndKeptWhenTheRealmIsDown() throws Exception {
        try (StubRealm realm = new StubRealm()) {
            realm.on("/protocol/openid-connect/certs", StubRealm.Answer.json(TestKeys.publicSet(TestKeys.RSA).toString()));
            RemoteJwks jwks = RemoteJwks.forRealm(realm.base()).clock(clock).ttl(Duration.ofMinutes(10)).build();
            TokenVerifier verifier = TokenVerifier.builder(ISSUER, jwks).authorizedParty("register-app").clock(clock)
                    .build();
            assertThat(verifier.verify(rs256(accessToken(NOW).build()))).isNotNull();
            realm.on("/protocol/openid-connect/certs", StubRealm.Answer.status(503));
            clock.advance(Duration.ofMinutes(11));
            String fresh = rs256(accessToken(clock.instant()).build());
            assertThat(verifier.verify(fresh)).isNotNull(); // stale keys kept
            assertThat(realm.count("/protocol/openid-connect/certs")).isEqualTo(2);
        }
    }

    @Test
    void noKeysAtAllIsUnavailableNotARejection() throws Exception {
        try (StubRealm realm = new StubRealm()) {
            realm.on("/protocol/openid-connect/certs", StubRealm.Answer.status(500));
            TokenVerifier verifier = TokenVerifier.builder(ISSUER, RemoteJwks.forRealm(realm.base()).clock(clock)
                    .build()).authorizedParty("register-app").clock(clock).build();
            assertThatThrownBy(() -> verifier.verify(rs256(accessToken(NOW).build())))
                    .isInstanceOf(io.branchkey.claims.BranchkeyUnavailableException.class);
        }
    }

    @Test
    void headerTypesCanBeRestricted() {
        TokenVerifier strict = verifierFor(TestKeys.publicSet(TestKeys.RSA)).headerTypes(Set.of("JWT")).build();
        assertThat(strict.verify(rs256(accessToken(NOW).build()))).isNotNull();
    }
}
