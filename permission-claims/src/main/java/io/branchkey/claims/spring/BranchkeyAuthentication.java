package io.branchkey.claims.spring;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.branchkey.claims.BranchkeyAccess;

/**
 * A JWT authentication carrying the token's decoded Branchkey permissions. Created by
 * {@link BranchkeyJwtAuthenticationConverter}; read by {@link BranchkeyPermissionEvaluator} or, in controllers, by
 * {@link #access()}.
 */
public class BranchkeyAuthentication extends JwtAuthenticationToken {

    private static final long serialVersionUID = 1L;

    /** Not serialized: a deserialized authentication has to be decoded again from its JWT. */
    private final transient BranchkeyAccess access;

    /**
     * @param jwt not null
     * @param authorities not null
     * @param name the principal name, not null
     * @param access not null
     */
    public BranchkeyAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name,
            BranchkeyAccess access) {
        super(jwt, authorities, name);
        this.access = access;
    }

    /** The token's Branchkey permissions; null only after Java deserialization. */
    public BranchkeyAccess access() {
        return access;
    }
}
