package io.branchkey.example;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.branchkey.claims.spring.BranchkeyAuthentication;

/** Example endpoints: one per location, one per account, who the caller is, and a health check. */
@RestController
public class OrdersController {

    @GetMapping("/locations/{locationId}/orders/export")
    @PreAuthorize("hasPermission(#locationId, 'location', 'orders.export')")
    public Map<String, Object> exportOrders(@PathVariable String locationId, BranchkeyAuthentication caller) {
        return Map.of("locationId", locationId, "exportedBy", caller.getName(), "orders", List.of());
    }

    @GetMapping("/accounts/{accountId}/users")
    @PreAuthorize("hasPermission(#accountId, 'account', 'users.view')")
    public Map<String, Object> accountUsers(@PathVariable String accountId) {
        return Map.of("accountId", accountId, "users", List.of());
    }

    /** What the token says, for trying things out. */
    @GetMapping("/me")
    public Map<String, Object> me(BranchkeyAuthentication caller) {
        var access = caller.access();
        return Map.of(
                "name", caller.getName(),
                "subject", String.valueOf(access.subject()),
                "scope", access.activeScope().toString(),
                "homeAccountId", access.homeAccountId().orElse(""),
                "partner", access.isPartner(),
                "roles", access.roles(),
                "overage", access.isOverage());
    }

    @GetMapping("/healthz")
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
