package io.branchkey.claims.support;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Keycloak-shaped access tokens for tests. */
public final class Tokens {

    public static final String ISSUER = "http://keycloak.test/realms/branchkey-demo";
    public static final String CLIENT = "register-app";

    private Tokens() {
    }

    /** The claims of a Keycloak access token valid for five minutes from {@code now}. */
    public static JWTClaimsSet.Builder accessToken(Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("6f1c2a9e-0c51-4b1e-9d0b-2f4a1c3e5d7a")
                .audience("account")
                .claim("azp", CLIENT)
                .claim("typ", "Bearer")
                .jwtID("onrtac:" + now.toEpochMilli())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    /** Adds Branchkey claims as a JSON parser would hand them over. */
    public static JWTClaimsSet.Builder withBranchkey(JWTClaimsSet.Builder claims, Map<String, Object> perms,
            List<String> roles, Map<String, Object> tenancy) {
        if (perms != null) {
            claims.claim("bk_perms", perms);
        }
        if (roles != null) {
            claims.claim("bk_roles", roles);
        }
        if (tenancy != null) {
            claims.claim("bk_tenancy", tenancy);
        }
        return claims;
    }

    public static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) {
        try {
            JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID())
                    .build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String rs256(JWTClaimsSet claims) {
        return sign(TestKeys.RSA, JWSAlgorithm.RS256, claims);
    }
}
