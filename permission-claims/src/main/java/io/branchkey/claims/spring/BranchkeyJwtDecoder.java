package io.branchkey.claims.spring;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.verify.TokenRejectedException;
import io.branchkey.claims.verify.TokenVerifier;
import io.branchkey.claims.verify.VerifiedToken;

/**
 * A Spring {@link JwtDecoder} that verifies with the library's {@link TokenVerifier} (Keycloak's token type, azp
 * or aud, algorithm allow-list, cached JWKS). Rejected tokens become {@link BadJwtException} (401
 * {@code invalid_token}); unreachable keys a plain {@link JwtException} (Spring answers 500: nothing was decided).
 * Spring's own {@code NimbusJwtDecoder} works with the converter as well; this one keeps one set of rules.
 */
public final class BranchkeyJwtDecoder implements JwtDecoder {

    private final TokenVerifier verifier;

    /** @param verifier not null */
    public BranchkeyJwtDecoder(TokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (TokenRejectedException e) {
            throw new BadJwtException(e.getMessage(), e);
        } catch (BranchkeyUnavailableException e) {
            throw new JwtException("cannot verify tokens now: " + e.getMessage(), e);
        }
        return toJwt(verified);
    }

    /** Spring's Jwt expects timestamps as Instants (JwtClaimAccessor); everything else is kept as parsed. */
    static Jwt toJwt(VerifiedToken verified) {
        Map<String, Object> claims = new LinkedHashMap<>();
        verified.claims().forEach((name, value) -> claims.put(name, value instanceof Date date ? date.toInstant() : value));
        Map<String, Object> headers = new LinkedHashMap<>(verified.header().toJSONObject());
        return new Jwt(verified.token(), verified.claimsSet().getIssueTime() == null ? null
                : verified.claimsSet().getIssueTime().toInstant(), verified.expiresAt(), headers, claims);
    }
}
