package io.branchkey.example;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.branchkey.claims.ActiveScope;
import io.branchkey.claims.BranchkeyAccess;
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

    /** What the token says, for trying things out (ids to use in the URLs above, among others). */
    @GetMapping("/me")
    public Map<String, Object> me(BranchkeyAuthentication caller) {
        BranchkeyAccess access = caller.access();
        ActiveScope scope = access.activeScope();
        Map<String, Object> activeScope = new LinkedHashMap<>();
        activeScope.put("type", scope.type().name().toLowerCase(Locale.ROOT));
        activeScope.put("id", scope.nodeId());
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("name", caller.getName());
        me.put("subject", access.subject());
        me.put("scope", activeScope);
        me.put("homeAccountId", access.homeAccountId().orElse(null));
        me.put("partner", access.isPartner());
        me.put("roles", access.roles());
        me.put("overage", access.isOverage());
        return me;
    }

    @GetMapping("/healthz")
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
