package io.branchkey.example;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.branchkey.claims.BranchkeyUnavailableException;
import io.branchkey.claims.verify.TokenRejectedException;

/** A check that could not be decided is a 503 (try again), never a 403 and never an allow. */
@RestControllerAdvice
public class BranchkeyErrors {

    @ExceptionHandler(BranchkeyUnavailableException.class)
    ResponseEntity<Map<String, String>> unavailable(BranchkeyUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "branchkey_unavailable", "message", e.getMessage()));
    }

    /** Keycloak refused the token when asked on its behalf (overage tokens). */
    @ExceptionHandler(TokenRejectedException.class)
    ResponseEntity<Map<String, String>> rejected(TokenRejectedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(Map.of("error", "invalid_token", "message", e.reason().name()));
    }
}
