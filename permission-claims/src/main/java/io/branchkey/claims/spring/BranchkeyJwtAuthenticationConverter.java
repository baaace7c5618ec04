package io.branchkey.claims.spring;

import java.util.Collection;
import java.util.Objects;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import io.branchkey.claims.AccessDecoder;
import io.branchkey.claims.BranchkeyAccess;
import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.format.ClaimFormatException;

/**
 * Decodes the Branchkey claims of a JWT Spring Security has verified, once per request, and attaches them to the
 * authentication ({@link BranchkeyAuthentication}). Use it with {@code oauth2ResourceServer(o -> o.jwt(j ->
 * j.jwtAuthenticationConverter(converter)))}.
 *
 * <p>A malformed Branchkey claim makes the token invalid (401 {@code invalid_token}); a catalog that cannot be had
 * is an {@link AuthenticationServiceException} caused by the {@link BranchkeyUnavailableException} (the server cannot
 * decide now; Spring answers 500 unless a failure handler maps it, see docs/resource-servers.md).
 */
public final class BranchkeyJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final AccessDecoder decoder;
    private Converter<Jwt, Collection<GrantedAuthority>> authorities = new JwtGrantedAuthoritiesConverter();
    private String principalClaimName = JwtClaimNames.SUB;

    /** @param decoder usually {@code BranchkeyResourceServer.decoder()}, not null */
    public BranchkeyJwtAuthenticationConverter(AccessDecoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /** Authorities of the authentication; default Spring's scope-based {@link JwtGrantedAuthoritiesConverter}. */
    public void setAuthoritiesConverter(Converter<Jwt, Collection<GrantedAuthority>> authorities) {
        this.authorities = Objects.requireNonNull(authorities);
    }

    /** The claim naming the principal; default {@code sub} (Keycloak: or {@code preferred_username}). */
    public void setPrincipalClaimName(String claimName) {
        this.principalClaimName = Objects.requireNonNull(claimName);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        BranchkeyAccess access;
        try {
            access = decoder.decode(jwt.getTokenValue(), jwt.getClaims());
        } catch (ClaimFormatException e) {
            throw new InvalidBearerTokenException("malformed Branchkey claim: " + e.getMessage(), e);
        } catch (BranchkeyUnavailableException e) {
            throw new AuthenticationServiceException("Branchkey permissions cannot be read now: " + e.getMessage(), e);
        }
        Collection<GrantedAuthority> granted = authorities.convert(jwt);
        String name = jwt.getClaimAsString(principalClaimName);
        return new BranchkeyAuthentication(jwt, granted, name != null ? name : "", access);
    }
}
