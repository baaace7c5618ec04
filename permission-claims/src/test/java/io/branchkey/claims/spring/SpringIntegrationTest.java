package io.branchkey.claims.spring;

import static io.branchkey.claims.support.Fixtures.perms;
import static io.branchkey.claims.support.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.parameters.P;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.util.SimpleMethodInvocation;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;

import io.branchkey.claims.AccessDecoder;
import io.branchkey.claims.ClaimNames;
import io.branchkey.claims.support.Fixtures;
import io.branchkey.claims.catalog.CatalogSource;
import io.branchkey.claims.check.PermissionCheckClient;
import io.branchkey.claims.support.TestKeys;
import io.branchkey.claims.support.Tokens;
import io.branchkey.claims.verify.JwksSource;
import io.branchkey.claims.verify.TokenVerifier;

/** The Spring Security pieces without a Spring context: decoder, converter, and @PreAuthorize expressions. */
class SpringIntegrationTest {

    private static final Instant NOW = Instant.now();

    private final AccessDecoder decoder = new AccessDecoder(ClaimNames.DEFAULT,
            CatalogSource.fixed(Fixtures.CATALOG), Fixtures.TREE, PermissionCheckClient.none());
    private final BranchkeyJwtDecoder jwtDecoder = new BranchkeyJwtDecoder(TokenVerifier.builder(Tokens.ISSUER,
            JwksSource.fixed(TestKeys.publicSet(TestKeys.RSA))).authorizedParty(Tokens.CLIENT).build());
    private final BranchkeyJwtAuthenticationConverter converter = new BranchkeyJwtAuthenticationConverter(decoder);

    /** What a controller method looks like to method security. */
    static class OrdersController {
        public String export(@P("locationId") String locationId) {
            return locationId;
        }

        public String users(@P("accountId") String accountId) {
            return accountId;
        }
    }

    private static String token(Map<String, Object> perms) {
        JWTClaimsSet claims = Tokens.withBranchkey(Tokens.accessToken(NOW).claim("scope", "openid profile"), perms,
                List.of("Store Manager"), null).build();
        return Tokens.sign(TestKeys.RSA, JWSAlgorithm.RS256, claims);
    }

    private static boolean preAuthorize(String expression, Authentication authentication, String method, String arg)
            throws Exception {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setPermissionEvaluator(new BranchkeyPermissionEvaluator());
        Method m = OrdersController.class.getMethod(method, String.class);
        MethodInvocation invocation = new SimpleMethodInvocation(new OrdersController(), m, arg);
        EvaluationContext context = handler.createEvaluationContext(() -> authentication, invocation);
        Expression parsed = handler.getExpressionParser().parseExpression(expression);
        return ExpressionUtils.evaluateAsBoolean(parsed, context);
    }

    @Test
    void preAuthorizeHasPermissionAnswersFromTheToken() throws Exception {
        Jwt jwt = jwtDecoder.decode(token(perms(3, 2, set(Fixtures.ORDERS_EXPORT, Fixtures.USERS_VIEW))));
        Authentication authentication = converter.convert(jwt);
        assertThat(authentication).isInstanceOf(BranchkeyAuthentication.class);
        assertThat(authentication.getName()).isEqualTo("6f1c2a9e-0c51-4b1e-9d0b-2f4a1c3e5d7a");
        assertThat(authentication.getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("SCOPE_openid", "SCOPE_profile");
        assertThat(((BranchkeyAuthentication) authentication).access().roles()).containsExactly("Store Manager");

        String export = "hasPermission(#locationId, 'location', 'orders.export')";
        assertThat(preAuthorize(export, authentication, "export", "loc-12")).isTrue();
        assertThat(preAuthorize(export, authentication, "export", "loc-40")).isFalse();
        assertThat(preAuthorize("hasPermission(#accountId, 'account', 'users.view')", authentication, "users", "acct-a"))
                .isTrue();
        assertThat(preAuthorize("hasPermission(#accountId, 'ACCOUNT', 'users.view')", authentication, "users", "acct-b"))
                .isFalse();
        // other target types and the two-argument form name no node
        assertThat(preAuthorize("hasPermission(#locationId, 'order', 'orders.export')", authentication, "export",
                "loc-12")).isFalse();
        assertThat(preAuthorize("hasPermission(#locationId, 'orders.export')", authentication, "export", "loc-12"))
                .isFalse();
    }

    @Test
    void aPlainJwtAuthenticationIsDeniedUnlessAFallbackDecoderIsGiven() {
        Jwt jwt = jwtDecoder.decode(token(perms(3, 2, set(Fixtures.ORDERS_EXPORT))));
        JwtAuthenticationToken plain = new JwtAuthenticationToken(jwt);
        assertThat(new BranchkeyPermissionEvaluator().hasPermission(plain, "loc-12", "location", "orders.export"))
                .isFalse();
        assertThat(new BranchkeyPermissionEvaluator(decoder).hasPermission(plain, "loc-12", "location",
                "orders.export")).isTrue();
        assertThat(new BranchkeyPermissionEvaluator().hasPermission(null, "loc-12", "location", "orders.export"))
                .isFalse();
    }

    @Test
    void theDecoderMapsRejectionsToBadJwt() {
        assertThatThrownBy(() -> jwtDecoder.decode(Tokens.rs256(Tokens.accessToken(NOW.minusSeconds(3600)).build())))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("EXPIRED");
        Jwt jwt = jwtDecoder.decode(token(null));
        assertThat(jwt.getExpiresAt()).isNotNull();
        assertThat(jwt.getIssuer().toString()).isEqualTo(Tokens.ISSUER);
        assertThat(jwt.getHeaders()).containsEntry("kid", "rsa-1");
    }

    @Test
    void malformedClaimsMakeTheTokenInvalidAndAnOutdatedCatalogIsAServiceError() {
        Jwt malformed = jwtDecoder.decode(token(Map.of("v", 9, "cat", 3)));
        assertThatThrownBy(() -> converter.convert(malformed)).isInstanceOf(InvalidBearerTokenException.class);
        Jwt newer = jwtDecoder.decode(token(perms(99, 2, set(1))));
        assertThatThrownBy(() -> converter.convert(newer)).isInstanceOf(AuthenticationServiceException.class);
    }

    @Test
    void theConverterAlsoWorksBehindSpringsOwnNimbusDecoder() throws Exception {
        // Spring Security's decoder, built for nimbus 9.x, with the nimbus version this library uses.
        NimbusJwtDecoder spring = NimbusJwtDecoder.withPublicKey(TestKeys.RSA.toRSAPublicKey()).build();
        Jwt jwt = spring.decode(token(perms(3, 12, set(Fixtures.ORDERS_EXPORT))));
        BranchkeyAuthentication authentication = (BranchkeyAuthentication) converter.convert(jwt);
        assertThat(authentication.access().hasPermission("orders.export", "loc-12")).isTrue();
    }
}
