package io.branchkey.claims.verify;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import io.branchkey.claims.verify.TokenRejectedException.Reason;

/**
 * Verifies Keycloak access tokens: signature against the realm's JWKS, algorithm allow-list, issuer, audience or
 * authorized party, expiry and not-before with a small clock skew, and the access-token type ({@code "typ":
 * "Bearer"} among the claims; the JOSE header's {@code typ} is {@code JWT}). Thread-safe; build once, share.
 *
 * <p>Order matters: nothing in the payload is trusted before the signature has verified.
 */
public final class TokenVerifier {

    private final String issuer;
    private final JwksSource keys;
    private final Set<JWSAlgorithm> algorithms;
    private final List<JWSVerifier> hmacVerifiers;
    private final Set<String> audiences;
    private final Set<String> authorizedParties;
    private final boolean anyAudience;
    private final long skewMillis;
    private final String tokenType;
    private final Set<String> headerTypes;
    private final int maxTokenLength;
    private final Clock clock;
    private volatile KeyRing ring;

    private TokenVerifier(Builder b) {
        this.issuer = b.issuer;
        this.keys = b.keys;
        this.algorithms = Set.copyOf(b.algorithms);
        this.hmacVerifiers = b.hmacVerifiers;
        this.audiences = Set.copyOf(b.audiences);
        this.authorizedParties = Set.copyOf(b.authorizedParties);
        this.anyAudience = b.anyAudience;
        this.skewMillis = b.clockSkew.toMillis();
        this.tokenType = b.tokenType;
        this.headerTypes = Set.copyOf(b.headerTypes);
        this.maxTokenLength = b.maxTokenLength;
        this.clock = b.clock;
    }

    /**
     * @param issuer the realm's issuer exactly as Keycloak writes {@code iss}: {@code {base}/realms/{realm}}, not null
     * @param keys where the signing keys come from, not null (usually {@link RemoteJwks#forRealm})
     */
    public static Builder builder(String issuer, JwksSource keys) {
        return new Builder(issuer, keys);
    }

    public String issuer() {
        return issuer;
    }

    /**
     * @param token the compact JWS (without "Bearer "); null is rejected as malformed
     * @return the verified token, not null
     * @throws TokenRejectedException when the token is not acceptable, with the reason
     * @throws io.branchkey.claims.BranchkeyUnavailableException when the realm's keys could not be fetched (nothing
     *         was decided)
     */
    /** How far past {@code exp} (and before {@code nbf} / {@code iat}) a token is still accepted. */
    public Duration clockSkew() {
        return Duration.ofMillis(skewMillis);
    }

    public VerifiedToken verify(String token) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(Reason.MALFORMED, "no token");
        }
        if (token.length() > maxTokenLength) {
            throw new TokenRejectedException(Reason.MALFORMED, "longer than " + maxTokenLength + " characters");
        }
        SignedJWT jwt = parse(token);
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (!algorithms.contains(alg)) {
            throw new TokenRejectedException(Reason.ALGORITHM_NOT_ALLOWED, "alg " + shown(alg) + " is not allowed");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new TokenRejectedException(Reason.MALFORMED, "critical header parameters are not supported");
        }
        checkHeaderType(header.getType());
        verifySignature(jwt, header);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new TokenRejectedException(Reason.MALFORMED, "the payload is not a JSON claims set", e);
        }
        checkClaims(claims);
        return new VerifiedToken(token, header, claims);
    }

    private static SignedJWT parse(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejectedException(Reason.MALFORMED, "not a JWT", e);
        }
        if (jwt instanceof PlainJWT) {
            throw new TokenRejectedException(Reason.ALGORITHM_NOT_ALLOWED, "unsigned token (alg none)");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            throw new TokenRejectedException(Reason.MALFORMED, "encrypted tokens are not supported");
        }
        return signed;
    }

    private void checkHeaderType(JOSEObjectType type) {
        String value = type == null ? "" : type.getType().toLowerCase(Locale.ROOT);
        if (!headerTypes.contains(value)) {
            throw new TokenRejectedException(Reason.WRONG_HEADER_TYPE, "header typ " + shown(type) + " is not allowed");
        }
    }

    private void verifySignature(SignedJWT jwt, JWSHeader header) {
        JWSAlgorithm alg = header.getAlgorithm();
        List<JWSVerifier> candidates;
        if (KeyRing.isHmac(alg)) {
            candidates = hmacVerifiers; // only configured secrets; never a key from the JWKS
        } else {
            candidates = ringFor(keys.current()).candidates(header.getKeyID(), alg);
            if (candidates.isEmpty()) {
                // Perhaps a key rotation: look again (the source rate-limits this).
                candidates = ringFor(keys.refreshed()).candidates(header.getKeyID(), alg);
            }
        }
        if (candidates.isEmpty()) {
            throw new TokenRejectedException(Reason.UNKNOWN_KEY, "no key for kid " + shown(header.getKeyID()) + " and alg "
                    + shown(alg));
        }
        for (JWSVerifier verifier : candidates) {
            try {
                if (jwt.verify(verifier)) {
                    return;
                }
            } catch (JOSEException | RuntimeException e) {
                // A key that cannot check this signature did not make it; try the others.
            }
        }
        throw new TokenRejectedException(Reason.BAD_SIGNATURE, "the signature does not verify");
    }

    private KeyRing ringFor(JWKSet set) {
        KeyRing current = ring;
        if (current != null && current.isFor(set)) {
            return current;
        }
        KeyRing fresh = KeyRing.of(set);
        ring = fresh;
        return fresh;
    }

    private void checkClaims(JWTClaimsSet claims) {
        if (!issuer.equals(claims.getIssuer())) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER, "iss " + shown(claims.getIssuer()) + " is not " + issuer);
        }
        long now = clock.millis();
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new TokenRejectedException(Reason.MALFORMED, "no exp");
        }
        if (now - skewMillis >= exp.getTime()) {
            throw new TokenRejectedException(Reason.EXPIRED, "expired at " + exp.toInstant());
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now + skewMillis < nbf.getTime()) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID, "not valid before " + nbf.toInstant());
        }
        Date iat = claims.getIssueTime();
        if (iat != null && now + skewMillis < iat.getTime()) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID, "issued in the future, at " + iat.toInstant());
        }
        if (tokenType != null && !(claims.getClaim("typ") instanceof String typ && typ.equalsIgnoreCase(tokenType))) {
            throw new TokenRejectedException(Reason.WRONG_TOKEN_TYPE, "typ " + shown(claims.getClaim("typ")) + " is not "
                    + tokenType);
        }
        if (!anyAudience && !audienceAccepted(claims)) {
            throw new TokenRejectedException(Reason.WRONG_AUDIENCE, "neither aud " + shown(claims.getAudience())
                    + " nor azp " + shown(claims.getClaim("azp")) + " is expected");
        }
    }

    private boolean audienceAccepted(JWTClaimsSet claims) {
        for (String aud : claims.getAudience()) {
            if (audiences.contains(aud)) {
                return true;
            }
        }
        return claims.getClaim("azp") instanceof String azp && authorizedParties.contains(azp);
    }

    /**
     * A value taken from the token, made safe for messages (they may end up in a WWW-Authenticate header or a log):
     * printable ASCII without quotes or backslashes, at most 60 characters.
     */
    static String shown(Object value) {
        String text = String.valueOf(value);
        StringBuilder safe = new StringBuilder(Math.min(text.length(), 61));
        for (int i = 0; i < text.length() && safe.length() < 60; i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
        }
        return text.length() > 60 ? safe + "…" : safe.toString();
    }

    /**
     * Settings. The caller must say which tokens are meant for this resource server: {@link #audience},
     * {@link #authorizedParty} (a token passes if either matches) or, deliberately, {@link #acceptAnyAudience()}.
     */
    public static final class Builder {
        private final String issuer;
        private final JwksSource keys;
        private Set<JWSAlgorithm> algorithms = KeyRing.defaultAlgorithms();
        private List<JWSVerifier> hmacVerifiers = List.of();
        private final Set<String> audiences = new LinkedHashSet<>();
        private final Set<String> authorizedParties = new LinkedHashSet<>();
        private boolean anyAudience;
        private Duration clockSkew = Duration.ofSeconds(30);
        private String tokenType = "Bearer";
        private Set<String> headerTypes = Set.of("jwt", "at+jwt", "application/at+jwt", "");
        private int maxTokenLength = 64 * 1024;
        private Clock clock = Clock.systemUTC();

        private Builder(String issuer, JwksSource keys) {
            Objects.requireNonNull(issuer, "issuer");
            this.issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /** Accept tokens whose {@code aud} contains this value (a client configured with an audience mapper). */
        public Builder audience(String... values) {
            audiences.addAll(List.of(values));
            return this;
        }

        /** Accept tokens whose {@code azp} (the client the token was issued to) is this client id. */
        public Builder authorizedParty(String... clientIds) {
            authorizedParties.addAll(List.of(clientIds));
            return this;
        }

        /** Skip the audience check: any client's tokens of the realm are accepted. */
        public Builder acceptAnyAudience() {
            this.anyAudience = true;
            return this;
        }

        /**
         * The accepted JWS algorithms; default RS256, ES256, PS256. {@code none} can never be accepted; HMAC
         * algorithms only together with {@link #hmacSecret}.
         */
        public Builder algorithms(JWSAlgorithm... allowed) {
            this.algorithms = new HashSet<>(List.of(allowed));
            return this;
        }

        /**
         * A shared secret for HMAC-signed tokens (HS256/384/512 must also be listed in {@link #algorithms}). Only
         * this secret ever checks an HMAC signature: public keys of the JWKS never do.
         *
         * @param secret at least 32 bytes
         */
        public Builder hmacSecret(byte[] secret) {
            try {
                this.hmacVerifiers = List.of(new MACVerifier(secret.clone()));
            } catch (JOSEException e) {
                throw new IllegalArgumentException("unusable HMAC secret: " + e.getMessage(), e);
            }
            return this;
        }

        /** Tolerance for exp, nbf and iat; default 30 s, at most 5 minutes. */
        public Builder clockSkew(Duration skew) {
            if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("clock skew must be between 0 and 5 minutes");
            }
            this.clockSkew = skew;
            return this;
        }

        /** The required {@code typ} claim; default {@code Bearer} (Keycloak's access tokens); null: no check. */
        public Builder tokenType(String type) {
            this.tokenType = type;
            return this;
        }

        /**
         * The accepted JOSE header {@code typ} values, case-insensitive; "" stands for an absent typ. Default: absent,
         * {@code JWT}, {@code at+jwt}, {@code application/at+jwt}.
         */
        public Builder headerTypes(Set<String> types) {
            Set<String> lower = new HashSet<>();
            types.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
            this.headerTypes = lower;
            return this;
        }

        /** Longer tokens are rejected before parsing; default 64 KiB. */
        public Builder maxTokenLength(int length) {
            this.maxTokenLength = length;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** @throws IllegalStateException when no audience rule was chosen, or HMAC is allowed without a secret */
        public TokenVerifier build() {
            if (audiences.isEmpty() && authorizedParties.isEmpty() && !anyAudience) {
                throw new IllegalStateException("say which tokens are for this server: audience(..), "
                        + "authorizedParty(..) or acceptAnyAudience()");
            }
            if (algorithms.isEmpty() || algorithms.stream().anyMatch(a -> a == null || "none".equalsIgnoreCase(a.getName()))) {
                throw new IllegalStateException("alg none is never accepted, and some algorithm must be");
            }
            if (algorithms.stream().anyMatch(KeyRing::isHmac) && hmacVerifiers.isEmpty()) {
                throw new IllegalStateException("HMAC algorithms need hmacSecret(..)");
            }
            return new TokenVerifier(this);
        }
    }
}
