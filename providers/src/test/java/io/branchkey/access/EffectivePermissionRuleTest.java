package io.branchkey.access;

import static io.branchkey.tenancy.NodeKind.ACCOUNT;
import static io.branchkey.tenancy.NodeKind.LOCATION;
import static io.branchkey.tenancy.NodeKind.PARTNER;
import static io.branchkey.tenancy.NodeKind.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import io.branchkey.access.catalog.Permission;
import io.branchkey.access.catalog.PermissionCatalog;
import io.branchkey.tenancy.NodeKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The resolution rule, stated as examples. A small catalog: inventory.update implies products.create-modifiers;
 * report-templates.create only works when granted at REGION or above; legacy.thing is retired.
 */
class EffectivePermissionRuleTest {

    private static final long NOW = 1_000_000L;

    private static final PermissionCatalog CATALOG = PermissionCatalog.of(7, List.of(
            permission(0, "register.access", null, false),
            permission(1, "inventory.update", null, false, "products.create-modifiers"),
            permission(2, "products.create-modifiers", null, false),
            permission(3, "report-templates.create", REGION, false),
            permission(4, "reports.create", null, false, "report-templates.create"),
            permission(5, "legacy.thing", null, true),
            permission(6, "a.loop", null, false, "b.loop"),
            permission(7, "b.loop", null, false, "a.loop")));

    private static Permission permission(int index, String key, NodeKind minLevel, boolean retired, String... implies) {
        return new Permission(index, key, key, "", "Test", List.of(implies), minLevel, retired, false, true);
    }

    private static GrantedRoleGroup grant(NodeKind at, GrantWindow window, String... keys) {
        BitSet bits = new BitSet();
        Arrays.stream(keys).forEach(k -> bits.set(CATALOG.get(k).index()));
        return new GrantedRoleGroup(at, window, bits);
    }

    private static GrantedRoleGroup grant(NodeKind at, String... keys) {
        return grant(at, GrantWindow.ALWAYS, keys);
    }

    private static List<String> effective(GrantedRoleGroup... grants) {
        return EffectivePermissionRule.resolve(CATALOG, List.of(grants), NOW).permissions().keys(CATALOG);
    }

    @Test
    @DisplayName("no grants, no permissions: nothing is a catch-all")
    void nothingWithoutGrants() {
        assertThat(effective()).isEmpty();
    }

    @Test
    @DisplayName("a role group grants exactly its permissions")
    void exactlyTheGrantedPermissions() {
        assertThat(effective(grant(LOCATION, "register.access"))).containsExactly("register.access");
    }

    @Test
    @DisplayName("grants add up; duplicates change nothing")
    void grantsAddUp() {
        assertThat(effective(grant(LOCATION, "register.access"), grant(ACCOUNT, "register.access", "legacy.thing"),
                grant(PARTNER, "products.create-modifiers")))
                .containsExactly("products.create-modifiers", "register.access");
    }

    @Test
    @DisplayName("the result carries the catalog version")
    void carriesCatalogVersion() {
        assertThat(EffectivePermissionRule.resolve(CATALOG, List.of(), NOW).permissions().catalogVersion()).isEqualTo(7);
    }

    @Nested
    @DisplayName("implications")
    class Implications {

        @Test
        @DisplayName("a permission brings what it implies")
        void impliedPermissionsCome() {
            assertThat(effective(grant(LOCATION, "inventory.update")))
                    .containsExactly("inventory.update", "products.create-modifiers");
        }

        @Test
        @DisplayName("implication is one-way")
        void oneWay() {
            assertThat(effective(grant(LOCATION, "products.create-modifiers"))).containsExactly("products.create-modifiers");
        }

        @Test
        @DisplayName("implication loops terminate and give both")
        void loops() {
            assertThat(effective(grant(LOCATION, "a.loop"))).containsExactly("a.loop", "b.loop");
        }
    }

    @Nested
    @DisplayName("minimum level")
    class MinimumLevel {

        @Test
        @DisplayName("granted below its minimum level, a permission does not take effect")
        void belowMinimum() {
            assertThat(effective(grant(LOCATION, "report-templates.create"))).isEmpty();
        }

        @Test
        @DisplayName("granted at or above its minimum level, it does")
        void atOrAbove() {
            assertThat(effective(grant(REGION, "report-templates.create"))).containsExactly("report-templates.create");
            assertThat(effective(grant(ACCOUNT, "report-templates.create"))).containsExactly("report-templates.create");
            assertThat(effective(grant(PARTNER, "report-templates.create"))).containsExactly("report-templates.create");
        }

        @Test
        @DisplayName("the minimum level applies to implied permissions too")
        void appliesToImplied() {
            assertThat(effective(grant(LOCATION, "reports.create"))).containsExactly("reports.create");
            assertThat(effective(grant(REGION, "reports.create"))).containsExactly("report-templates.create", "reports.create");
        }

        @Test
        @DisplayName("it is the grant's node that counts, not the node asked about")
        void grantNodeCounts() {
            assertThat(effective(grant(LOCATION, "reports.create"), grant(REGION, "register.access")))
                    .containsExactly("register.access", "reports.create");
        }
    }

    @Nested
    @DisplayName("retired permissions")
    class Retired {

        @Test
        @DisplayName("are never effective, even when granted")
        void neverEffective() {
            assertThat(effective(grant(PARTNER, "legacy.thing"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("time windows")
    class TimeWindows {

        @Test
        @DisplayName("a grant counts from its start (inclusive) to its end (exclusive)")
        void window() {
            assertThat(effective(grant(LOCATION, new GrantWindow(NOW, NOW + 1), "register.access"))).hasSize(1);
            assertThat(effective(grant(LOCATION, new GrantWindow(NOW + 1, null), "register.access"))).isEmpty();
            assertThat(effective(grant(LOCATION, new GrantWindow(null, NOW), "register.access"))).isEmpty();
            assertThat(effective(grant(LOCATION, new GrantWindow(null, NOW + 1), "register.access"))).hasSize(1);
        }

        @Test
        @DisplayName("the result is valid until the next window opens or closes")
        void validUntil() {
            var resolution = EffectivePermissionRule.resolve(CATALOG, List.of(
                    grant(LOCATION, new GrantWindow(null, NOW + 500), "register.access"),
                    grant(LOCATION, new GrantWindow(NOW + 200, null), "inventory.update"),
                    grant(LOCATION, new GrantWindow(null, NOW - 1), "reports.create")), NOW);
            assertThat(resolution.validUntil()).isEqualTo(NOW + 200);
            assertThat(EffectivePermissionRule.resolve(CATALOG, List.of(grant(LOCATION, "register.access")), NOW)
                    .validUntil()).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        @DisplayName("temporary coverage adds to a permanent role while it lasts")
        void temporaryCoverage() {
            GrantedRoleGroup permanent = grant(LOCATION, "register.access");
            GrantedRoleGroup coverage = grant(REGION, new GrantWindow(NOW - 10, NOW + 10), "inventory.update");
            assertThat(effective(permanent, coverage))
                    .containsExactly("inventory.update", "products.create-modifiers", "register.access");
        }
    }

    @Nested
    @DisplayName("over time (what no-escalation and dominance compare)")
    class OverTime {

        private List<String> throughout(long from, Long until, GrantedRoleGroup... grants) {
            return EffectivePermissionRule.heldThroughout(CATALOG, List.of(grants), from, until).keys(CATALOG);
        }

        @Test
        @DisplayName("held for ever only with grants that never end")
        void forEver() {
            assertThat(throughout(NOW, null, grant(LOCATION, "register.access"))).containsExactly("register.access");
            assertThat(throughout(NOW, null, grant(LOCATION, new GrantWindow(null, NOW + 100), "register.access"))).isEmpty();
        }

        @Test
        @DisplayName("a bounded interval inside the grant's window is covered; one that outlasts it is not")
        void boundedInterval() {
            GrantedRoleGroup untilFriday = grant(LOCATION, new GrantWindow(null, NOW + 100), "register.access");
            assertThat(throughout(NOW, NOW + 100, untilFriday)).containsExactly("register.access");
            assertThat(throughout(NOW, NOW + 101, untilFriday)).isEmpty();
        }

        @Test
        @DisplayName("back-to-back grants cover the interval together; a gap between them does not")
        void backToBack() {
            GrantedRoleGroup first = grant(LOCATION, new GrantWindow(null, NOW + 100), "register.access");
            GrantedRoleGroup second = grant(LOCATION, new GrantWindow(NOW + 100, null), "register.access");
            GrantedRoleGroup late = grant(LOCATION, new GrantWindow(NOW + 150, null), "register.access");
            assertThat(throughout(NOW, null, first, second)).containsExactly("register.access");
            assertThat(throughout(NOW, null, first, late)).isEmpty();
        }

        @Test
        @DisplayName("only what every instant holds: implications and minimum levels included")
        void intersection() {
            GrantedRoleGroup always = grant(REGION, "register.access");
            GrantedRoleGroup briefly = grant(REGION, new GrantWindow(null, NOW + 10), "reports.create");
            assertThat(throughout(NOW, NOW + 10, always, briefly))
                    .containsExactly("register.access", "report-templates.create", "reports.create");
            assertThat(throughout(NOW, NOW + 11, always, briefly)).containsExactly("register.access");
        }

        @Test
        @DisplayName("now or later: grants that have not started count, grants that are over do not")
        void nowOrLater() {
            assertThat(EffectivePermissionRule.heldNowOrLater(CATALOG, List.of(
                    grant(LOCATION, new GrantWindow(NOW + 1000, null), "inventory.update"),
                    grant(LOCATION, new GrantWindow(null, NOW), "register.access"),
                    grant(LOCATION, new GrantWindow(null, NOW + 1), "a.loop")), NOW).keys(CATALOG))
                    .containsExactly("a.loop", "b.loop", "inventory.update", "products.create-modifiers");
        }

        @Test
        @DisplayName("what a role group confers depends on the kind of node it is granted at")
        void conferred() {
            BitSet reports = new BitSet();
            reports.set(CATALOG.get("reports.create").index());
            assertThat(EffectivePermissionRule.conferred(CATALOG, LOCATION, reports).keys(CATALOG)).containsExactly("reports.create");
            assertThat(EffectivePermissionRule.conferred(CATALOG, ACCOUNT, reports).keys(CATALOG))
                    .containsExactly("report-templates.create", "reports.create");
        }
    }
}
