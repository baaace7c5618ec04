package io.branchkey.claims.approval;

import static io.branchkey.claims.support.Tokens.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.branchkey.claims.support.MutableClock;
import io.branchkey.claims.support.TestKeys;
import io.branchkey.claims.verify.JwksSource;
import io.branchkey.claims.verify.TokenVerifier;
import org.junit.jupiter.api.Test;

/** Approvals are single use for as long as they are accepted at all: their expiry plus the clock skew. */
class ApprovalVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    private ApprovalVerifier verifier(ReplayCache replays) {
        TokenVerifier tokens = TokenVerifier.builder(ISSUER, JwksSource.fixed(TestKeys.publicSet(TestKeys.EC))).clock(clock)
                .clockSkew(Duration.ofSeconds(30)).tokenType(ApprovalVerifier.TOKEN_TYPE)
                .headerTypes(Set.of(ApprovalVerifier.HEADER_TYPE)).acceptAnyAudience().build();
        return new ApprovalVerifier(tokens, replays);
    }

    private static String approval(String id, Instant expires) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).jwtID(id).subject("cashier")
                .issueTime(Date.from(NOW)).expirationTime(Date.from(expires)).claim("typ", ApprovalVerifier.TOKEN_TYPE)
                .claim("act", Map.of("sub", "manager")).claim("action", "return").claim("context", Map.of())
                .claim("location", Map.of("id", "store", "handle", 7)).claim("device", "register").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(ApprovalVerifier.HEADER_TYPE)).keyID(TestKeys.EC.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(TestKeys.EC));
        return jwt.serialize();
    }

    @Test
    void theReplayCacheKeepsAnApprovalUntilItsExpiryPlusTheClockSkew() throws JOSEException {
        Instant[] kept = new Instant[1];
        ApprovalVerifier verifier = verifier((id, until) -> {
            kept[0] = until;
            return true;
        });
        verifier.consume(approval("a1", NOW.plusSeconds(60)));
        assertThat(kept[0]).isEqualTo(NOW.plusSeconds(90));
    }

    @Test
    void aCacheThatForgetsWhenTheContractAllowsStillRefusesAReplayInsideTheSkew() throws JOSEException {
        // forgets an entry the moment its time has come, as the contract allows
        ReplayCache forgetful = new ReplayCache() {
            private final java.util.Map<String, Instant> used = new java.util.HashMap<>();

            @Override
            public boolean firstUse(String id, Instant until) {
                used.values().removeIf(t -> !t.isAfter(clock.instant()));
                return used.putIfAbsent(id, until) == null;
            }
        };
        ApprovalVerifier verifier = verifier(forgetful);
        String approval = approval("a2", NOW.plusSeconds(60));
        verifier.consume(approval);
        clock.advance(Duration.ofSeconds(75));
        assertThatThrownBy(() -> verifier.consume(approval)).isInstanceOf(ApprovalRejectedException.class)
                .satisfies(e -> assertThat(((ApprovalRejectedException) e).reason()).isEqualTo(ApprovalRejectedException.Reason.REPLAYED));
    }
}
