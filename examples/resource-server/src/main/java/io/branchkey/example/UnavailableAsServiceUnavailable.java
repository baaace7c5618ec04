package io.branchkey.example;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import io.branchkey.claims.BranchkeyUnavailableException;

/**
 * Bearer authentication failures: 503 when Branchkey could not decide (keys or catalog out of reach, a catalog
 * older than the token), else the usual 401 of the bearer entry point. Spring would answer 500 for the former.
 */
final class UnavailableAsServiceUnavailable implements AuthenticationFailureHandler {

    private final AuthenticationEntryPointFailureHandler bearer =
            new AuthenticationEntryPointFailureHandler(new BearerTokenAuthenticationEntryPoint());

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BranchkeyUnavailableException) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.getWriter().write("{\"error\":\"branchkey_unavailable\"}");
                return;
            }
        }
        bearer.onAuthenticationFailure(request, response, exception);
    }
}
