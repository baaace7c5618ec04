package io.branchkey.claims.verify;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;

/**
 * An access token whose signature, issuer, audience, lifetime and type have been checked. Immutable. Its
 * {@link #toString()} never shows the token.
 */
public final class VerifiedToken {

    private final String token;
    private final JWSHeader header;
    private final JWTClaimsSet claims;

    VerifiedToken(String token, JWSHeader header, JWTClaimsSet claims) {
        this.token = Objects.requireNonNull(token);
        this.header = Objects.requireNonNull(header);
        this.claims = Objects.requireNonNull(claims);
    }

    /** The compact token as received: for forwarding (for example to the check endpoint), never for logs. */
    public String token() {
        return token;
    }

    public JWSHeader header() {
        return header;
    }

    public JWTClaimsSet claimsSet() {
        return claims;
    }

    /** Every claim, as parsed JSON values (maps, lists, strings, Long/Double, booleans; dates as Date). */
    public Map<String, Object> claims() {
        return Collections.unmodifiableMap(claims.getClaims());
    }

    /** One claim, or null. */
    public Object claim(String name) {
        return claims.getClaim(name);
    }

    /** {@code sub}, or null (Keycloak leaves it out of lightweight tokens without the basic scope). */
    public String subject() {
        return claims.getSubject();
    }

    public String issuer() {
        return claims.getIssuer();
    }

    /** {@code azp}, or null. */
    public String authorizedParty() {
        Object azp = claims.getClaim("azp");
        return azp instanceof String s ? s : null;
    }

    /** {@code aud}, empty when absent. */
    public List<String> audience() {
        return claims.getAudience();
    }

    /** {@code exp}; never null (verification requires it). */
    public Instant expiresAt() {
        return claims.getExpirationTime().toInstant();
    }

    @Override
    public String toString() {
        return "VerifiedToken[sub=" + subject() + ", azp=" + authorizedParty() + ", exp=" + expiresAt() + "]";
    }
}
