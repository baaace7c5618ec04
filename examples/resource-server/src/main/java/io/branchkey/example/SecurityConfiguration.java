package io.branchkey.example;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import io.branchkey.claims.BranchkeyResourceServer;
import io.branchkey.claims.spring.BranchkeyJwtAuthenticationConverter;
import io.branchkey.claims.spring.BranchkeyJwtDecoder;
import io.branchkey.claims.spring.BranchkeyPermissionEvaluator;

/** The whole Branchkey wiring: one library object, a JWT decoder, a converter and a permission evaluator. */
@Configuration
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    BranchkeyResourceServer branchkey(BranchkeyProperties properties) {
        BranchkeyResourceServer.Builder builder = BranchkeyResourceServer.builder(properties.issuer())
                .clientCredentials(properties.clientId(), properties.clientSecret()); // for the hierarchy endpoint
        if (properties.endpointBase() != null) {
            builder.endpointBase(properties.endpointBase());
        }
        if (!properties.authorizedParties().isEmpty()) {
            builder.authorizedParty(properties.authorizedParties().toArray(String[]::new));
        }
        if (!properties.audiences().isEmpty()) {
            builder.audience(properties.audiences().toArray(String[]::new));
        }
        if ("document".equalsIgnoreCase(properties.hierarchy())) {
            builder.useHierarchyDocument();
        }
        return builder.build();
    }

    /** Verifies with the library's rules (Keycloak's token type, azp/aud, algorithm allow-list, cached JWKS). */
    @Bean
    JwtDecoder jwtDecoder(BranchkeyResourceServer branchkey) {
        return new BranchkeyJwtDecoder(branchkey.verifier());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, BranchkeyResourceServer branchkey) throws Exception {
        BranchkeyJwtAuthenticationConverter converter = new BranchkeyJwtAuthenticationConverter(branchkey.decoder());
        converter.setPrincipalClaimName("preferred_username");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/healthz").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                                filter.setAuthenticationFailureHandler(new UnavailableAsServiceUnavailable());
                                return filter;
                            }
                        }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()); // bearer tokens only, no cookies
        return http.build();
    }

    /** Makes hasPermission(#id, 'location' | 'account', 'permission.key') answer from the token's claims. */
    @Bean
    static MethodSecurityExpressionHandler methodSecurityExpressionHandler() {
        DefaultMethodSecurityExpressionHandler handler = new DefaultMethodSecurityExpressionHandler();
        handler.setPermissionEvaluator(new BranchkeyPermissionEvaluator());
        return handler;
    }
}
