package io.branchkey.claims;

import static io.branchkey.claims.support.Fixtures.CATALOG;
import static io.branchkey.claims.support.Fixtures.ORDERS_EXPORT;
import static io.branchkey.claims.support.Fixtures.REPORTS_VIEW;
import static io.branchkey.claims.support.Fixtures.TREE;
import static io.branchkey.claims.support.Fixtures.USERS_VIEW;
import static io.branchkey.claims.support.Fixtures.perms;
import static io.branchkey.claims.support.Fixtures.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.branchkey.claims.catalog.Catalog;
import io.branchkey.claims.catalog.CatalogOutdatedException;
import io.branchkey.claims.catalog.CatalogPermission;
import io.branchkey.claims.catalog.CatalogSource;
import io.branchkey.claims.check.PermissionCheck;
import io.branchkey.claims.check.PermissionCheckClient;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.claims.hierarchy.NodeAncestry;
import io.branchkey.claims.hierarchy.NodePath;
import io.branchkey.claims.support.Fixtures;

/** The decision rule of docs/claims.md on the small tree of {@link Fixtures}. */
class HasPermissionTest {

    private final AtomicInteger ancestryCalls = new AtomicInteger();
    private final NodeAncestry countingTree = id -> {
        ancestryCalls.incrementAndGet();
        return TREE.pathOf(id);
    };
    private final List<List<PermissionCheck>> checksAsked = new ArrayList<>();
    private final PermissionCheckClient checkEndpoint = (token, checks) -> {
        checksAsked.add(checks);
        List<Boolean> answers = new ArrayList<>();
        checks.forEach(c -> answers.add(c.permission().equals("orders.export") && c.nodeId().equals("loc-40")));
        return answers;
    };

    private AccessDecoder decoder(CatalogSource catalogs) {
        return new AccessDecoder(ClaimNames.DEFAULT, catalogs, countingTree, checkEndpoint);
    }

    private BranchkeyAccess access(Map<String, Object> claims) {
        return decoder(CatalogSource.fixed(CATALOG)).decode("the-token", claims);
    }

    static Map<String, Object> claims(Map<String, Object> perms, Map<String, Object> tenancy) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "user-1");
        if (perms != null) {
            claims.put("bk_perms", perms);
        }
        if (tenancy != null) {
            claims.put("bk_tenancy", tenancy);
        }
        return claims;
    }

    static Map<String, Object> scope(String type, String id, long handle) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("type", type);
        if (id != null) {
            scope.put("id", id);
            scope.put("handle", handle);
        }
        return Map.of("home", "acct-a", "scope", scope, "partner", false);
    }

    @Test
    void aGrantAtAnAccountIsInheritedByEverythingBelowItAndNothingElse() {
        BranchkeyAccess access = access(claims(perms(3, 2, set(ORDERS_EXPORT)), scope("all", null, 0)));
        assertThat(access.hasPermission("orders.export", "acct-a")).isTrue();
        assertThat(access.hasPermission("orders.export", "reg-a")).isTrue();
        assertThat(access.hasPermission("orders.export", "loc-12")).isTrue();
        assertThat(access.hasPermission("orders.export", "loc-13")).isTrue();
        assertThat(access.hasPermissionAtAccount("orders.export", "acct-a")).isTrue();
        // not above the anchor, not in the sibling account
        assertThat(access.hasPermission("orders.export", "p")).isFalse();
        assertThat(access.hasPermission("orders.export", "acct-b")).isFalse();
        assertThat(access.hasPermission("orders.export", "loc-40")).isFalse();
        // another permission is not held anywhere
        assertThat(access.hasPermission("users.view", "loc-12")).isFalse();
    }

    @Test
    void aPerLocationExceptionAddsOnlyAtThatLocation() {
        BranchkeyAccess access = access(claims(perms(3, 2, set(USERS_VIEW), 13, set(USERS_VIEW, ORDERS_EXPORT)),
                null));
        assertThat(access.hasPermission("orders.export", "loc-13")).isTrue();
        assertThat(access.hasPermission("users.view", "loc-13")).isTrue();
        assertThat(access.hasPermission("orders.export", "loc-12")).isFalse();
        assertThat(access.hasPermission("users.view", "loc-12")).isTrue();
        assertThat(access.hasPermission("orders.export", "acct-a")).isFalse();
    }

    @Test
    void theNearestAnchorDecidesNotTheUnionOfAnchors() {
        // The server never writes a location set smaller than its account's, but the rule is "nearest decides".
        BranchkeyAccess access = access(claims(perms(3, 2, set(USERS_VIEW, ORDERS_EXPORT), 12, set(USERS_VIEW)),
                null));
        assertThat(access.hasPermission("orders.export", "loc-12")).isFalse();
        assertThat(access.hasPermission("orders.export", "loc-13")).isTrue();
    }

    @Test
    void anAnchorWithTheEmptySetAllowsNothingBelowIt() {
        BranchkeyAccess access = access(claims(perms(3, 1, set(REPORTS_VIEW), 2, set()), null));
        assertThat(access.hasPermission("reports.view", "p")).isTrue();
        assertThat(access.hasPermission("reports.view", "acct-b")).isTrue();
        assertThat(access.hasPermission("reports.view", "acct-a")).isFalse();
        assertThat(access.hasPermission("reports.view", "loc-12")).isFalse();
    }

    @Test
    void anAccountScopedTokenAllowsNothingOutsideTheAccount() {
        BranchkeyAccess access = access(claims(perms(3, 2, set(USERS_VIEW), 12, set(USERS_VIEW, ORDERS_EXPORT)),
                scope("account", "acct-a", 2)));
        assertThat(access.activeScope().type()).isEqualTo(ActiveScope.Type.ACCOUNT);
        assertThat(access.hasPermission("users.view", "acct-a")).isTrue();
        assertThat(access.hasPermission("users.view", "loc-13")).isTrue();
        assertThat(access.hasPermission("orders.export", "loc-12")).isTrue();
        assertThat(access.hasPermission("users.view", "p")).isFalse();
        assertThat(access.hasPermission("users.view", "loc-40")).isFalse();
    }

    @Test
    void aLocationScopedTokenAllowsOnlyAtItsLocationWithoutAskingForAncestry() {
        BranchkeyAccess access = access(claims(perms(3, 12, set(ORDERS_EXPORT)), scope("location", "loc-12", 12)));
        assertThat(access.hasPermission("orders.export", "loc-12")).isTrue();
        assertThat(access.hasPermissionAtLocation("users.view", "loc-12")).isFalse();
        assertThat(ancestryCalls).hasValue(0); // the scope's own node is answered from the token alone
        assertThat(access.hasPermission("orders.export", "loc-13")).isFalse();
        assertThat(access.hasPermission("orders.export", "reg-a")).isFalse();
        assertThat(access.hasPermission("orders.export", "acct-a")).isFalse();
    }

    @Test
    void unknownPermissionsUnknownNodesAndNullsAreFalse() {
        BranchkeyAccess access = access(claims(perms(3, 1, set(0, 1, 2, 3, 4)), null));
        assertThat(access.hasPermission("orders.refund-everything", "loc-12")).isFalse();
        assertThat(access.hasPermission("orders.export", "no-such-node")).isFalse();
        assertThat(access.hasPermission(null, "loc-12")).isFalse();
        assertThat(access.hasPermission("orders.export", null)).isFalse();
        assertThat(ancestryCalls).hasValue(1); // the unknown key is refused before any lookup
    }

    @Test
    void aBitBeyondTheCatalogIsHarmless() {
        // Index 200 is unknown to this catalog: no key maps to it, so no check can be allowed by it.
        BranchkeyAccess access = access(claims(perms(3, 1, set(200)), null));
        assertThat(access.hasPermission("orders.export", "loc-12")).isFalse();
    }

    @Test
    void withoutThePermissionsClaimNothingIsAllowed() {
        BranchkeyAccess access = access(claims(null, scope("all", null, 0)));
        assertThat(access.hasPermission("orders.export", "loc-12")).isFalse();
        assertThat(access.catalog()).isEmpty();
        assertThat(ancestryCalls).hasValue(0);
    }

    @Test
    void anOverageTokenAsksTheCheckEndpointOncePerQuestion() {
        BranchkeyAccess access = access(claims(CompactPermissions.overage(3).toClaim(), null));
        assertThat(access.isOverage()).isTrue();
        assertThat(access.hasPermission("orders.export", "loc-40")).isTrue();
        assertThat(access.hasPermission("orders.export", "loc-40")).isTrue();
        assertThat(access.hasPermission("orders.export", "loc-12")).isFalse();
        assertThat(checksAsked).containsExactly(List.of(new PermissionCheck("orders.export", "loc-40")),
                List.of(new PermissionCheck("orders.export", "loc-12")));
        assertThat(ancestryCalls).hasValue(0);
    }

    @Test
    void rolesAndTenancyHelpers() {
        Map<String, Object> claims = claims(perms(3, 12, set(ORDERS_EXPORT)), scope("location", "loc-12", 12));
        claims.put("bk_roles", List.of("KlickTrack Cashier"));
        BranchkeyAccess access = access(claims);
        assertThat(access.subject()).isEqualTo("user-1");
        assertThat(access.roles()).containsExactly("KlickTrack Cashier");
        assertThat(access.hasRole("KlickTrack Cashier")).isTrue();
        assertThat(access.hasRole("KlickTrack Shift Lead")).isFalse();
        assertThat(access.homeAccountId()).contains("acct-a");
        assertThat(access.isPartner()).isFalse();
        assertThat(access.activeScope()).isEqualTo(new ActiveScope(ActiveScope.Type.LOCATION, "loc-12", 12));
    }

    @Test
    void aTokenOfANewerCatalogThanAvailableIsRefusedNeverGuessed() {
        assertThatThrownBy(() -> access(claims(perms(4, 12, set(5)), null)))
                .isInstanceOf(CatalogOutdatedException.class)
                .hasMessageContaining("4").hasMessageContaining("3");
    }

    @Test
    void aNewerCatalogDecodesAnOlderToken() {
        Catalog newer = Catalog.of(9, List.of(CatalogPermission.of(0, "users.view"),
                CatalogPermission.of(1, "orders.export"), CatalogPermission.of(7, "orders.cancel")));
        BranchkeyAccess access = decoder(CatalogSource.fixed(newer)).decode("t", claims(perms(3, 12, set(1)), null));
        assertThat(access.hasPermission("orders.export", "loc-12")).isTrue();
        assertThat(access.hasPermission("orders.cancel", "loc-12")).isFalse();
    }

    @Test
    void theRuleMatchesABruteForceReadingOfTheSpecOnRandomAnchors() {
        java.util.Random random = new java.util.Random(42);
        List<String> nodes = List.of("p", "acct-a", "acct-b", "reg-a", "loc-12", "loc-13", "loc-40", "loc-41");
        long[] handles = {1, 2, 3, 5, 12, 13, 40, 41};
        for (int round = 0; round < 2_000; round++) {
            Map<Long, BitSet> anchors = new HashMap<>();
            for (long h : handles) {
                if (random.nextInt(3) == 0) {
                    BitSet bits = new BitSet();
                    for (int i = 0; i < 5; i++) {
                        if (random.nextBoolean()) {
                            bits.set(i);
                        }
                    }
                    anchors.put(h, bits);
                }
            }
            CompactPermissions perms = CompactPermissions.of(3, anchors);
            BranchkeyAccess access = access(claims(perms.toClaim(), null));
            for (String node : nodes) {
                for (CatalogPermission p : CATALOG.permissions()) {
                    assertThat(access.hasPermission(p.key(), node)).as("round %d %s at %s", round, p.key(), node)
                            .isEqualTo(specAnswer(perms, TREE.pathOf(node), p.index()));
                }
            }
        }
    }

    /** docs/claims.md, literally: the nearest anchor on the path from N up to the root, N included. */
    private static boolean specAnswer(CompactPermissions perms, NodePath path, int index) {
        long[] handles = path.handles();
        for (int i = handles.length - 1; i >= 0; i--) {
            if (perms.isAnchor(handles[i])) {
                return perms.anchorHolds(handles[i], index);
            }
        }
        return false;
    }
}
