package io.branchkey.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClaimNamesTest {

    @Test
    void aPlainNameIsOneClaimAndArraysStayWhole() {
        Map<String, Object> claims = new HashMap<>();
        BranchkeyMapperSupport.putClaim(claims, "bk_roles", List.of("A", "B"));
        assertThat(claims).containsEntry("bk_roles", List.of("A", "B"));
    }

    @Test
    void dotsNestUnlessEscaped() {
        Map<String, Object> claims = new HashMap<>();
        BranchkeyMapperSupport.putClaim(claims, "branchkey.perms", 1);
        BranchkeyMapperSupport.putClaim(claims, "branchkey.roles", 2);
        BranchkeyMapperSupport.putClaim(claims, "bk\\.tenancy", 3);
        assertThat(claims).containsEntry("branchkey", Map.of("perms", 1, "roles", 2)).containsEntry("bk.tenancy", 3);
    }
}
