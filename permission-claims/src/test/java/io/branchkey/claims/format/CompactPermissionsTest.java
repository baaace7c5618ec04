package io.branchkey.claims.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactPermissionsTest {

    private static BitSet bits(int... indexes) {
        BitSet bits = new BitSet();
        for (int i : indexes) {
            bits.set(i);
        }
        return bits;
    }

    @Test
    void theSpecExampleEncodesAsDocumented() {
        assertThat(PermissionBits.encode(bits(0, 1, 2, 3, 4, 5, 6, 7, 8))).isEqualTo("_wE");
        assertThat(PermissionBits.encode(new BitSet())).isEmpty();
        assertThat(PermissionBits.decode("_wE")).isEqualTo(bits(0, 1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void eachDistinctSetIsWrittenOnceOrderedByItsSmallestHandle() {
        CompactPermissions perms = CompactPermissions.of(3, Map.of(41L, bits(1, 33), 12L, bits(0), 40L, bits(1, 33)));
        assertThat(perms.toClaim()).containsExactly(
                Map.entry("v", 1), Map.entry("cat", 3L),
                Map.entry("sets", List.of("AQ", "AgAAAAI")),
                Map.entry("at", List.of(List.of(12L), List.of(40L, 41L))));
    }

    @Test
    void aClaimReadsBackToTheSamePermissions() {
        CompactPermissions perms = CompactPermissions.of(7, Map.of(5L, bits(2, 3), 9L, new BitSet(), 1000L, bits(150)));
        CompactPermissions read = CompactPermissions.fromClaim(perms.toClaim());
        assertThat(read).isEqualTo(perms);
        assertThat(read.anchorHolds(5, 3)).isTrue();
        assertThat(read.anchorHolds(9, 3)).isFalse();
        assertThat(read.isAnchor(9)).isTrue();
        assertThat(read.isAnchor(6)).isFalse();
    }

    @Test
    void theNearestAnchorOnTheWayToTheRootDecides() {
        // partner 1 > account 2 > region 3 > stores 4, 5; anchors at the account and at store 5 (an exception)
        CompactPermissions perms = CompactPermissions.of(1, Map.of(2L, bits(0), 5L, bits(0, 7)));
        assertThat(perms.holds(0, new long[] {1, 2, 3, 4})).as("inherited from the account").isTrue();
        assertThat(perms.holds(7, new long[] {1, 2, 3, 4})).isFalse();
        assertThat(perms.holds(7, new long[] {1, 2, 3, 5})).as("the store's exception").isTrue();
        assertThat(perms.holds(0, new long[] {1})).as("nothing above the anchors").isFalse();
        assertThat(perms.holds(-1, new long[] {1, 2})).as("unknown permission").isFalse();
        assertThat(CompactPermissions.of(1, Map.of(2L, new BitSet(), 1L, bits(0))).holds(0, new long[] {1, 2, 3}))
                .as("an empty set nearer the node hides a full one above").isFalse();
    }

    @Test
    void anOverageClaimCarriesNoSets() {
        assertThat(CompactPermissions.overage(4).toClaim()).containsOnlyKeys("v", "cat", "over");
        CompactPermissions read = CompactPermissions.fromClaim(Map.of("v", 1, "cat", 4, "over", true));
        assertThat(read.isOverage()).isTrue();
        assertThat(read.anchorHandles()).isEmpty();
    }

    @Test
    void unknownMembersAreIgnored() {
        assertThat(CompactPermissions.fromClaim(Map.of("v", 1, "cat", 2, "sets", List.of("AQ"), "at", List.of(List.of(3)),
                "future", "x")).anchorHolds(3, 0)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AQ==", "AQA", "A*", "AAAA", "A", "_w E"})
    void onlyCanonicalUnpaddedBase64UrlIsASet(String text) {
        assertThatThrownBy(() -> PermissionBits.decode(text)).isInstanceOf(ClaimFormatException.class);
    }

    @Test
    void malformedClaimsRaiseOnlyTheFormatException() {
        List<Object> hostile = List.of("text", 5, List.of(), Map.of(),
                Map.of("v", 2, "cat", 1, "sets", List.of(), "at", List.of()),
                Map.of("v", "1", "cat", 1, "sets", List.of(), "at", List.of()),
                Map.of("v", 1.0, "cat", 1, "sets", List.of(), "at", List.of()),
                Map.of("v", 1, "cat", -1, "sets", List.of(), "at", List.of()),
                Map.of("v", 1, "cat", 1, "sets", List.of("AQ"), "at", List.of()),
                Map.of("v", 1, "cat", 1, "sets", List.of(5), "at", List.of(List.of(1))),
                Map.of("v", 1, "cat", 1, "sets", List.of("AQ"), "at", List.of(List.of(0))),
                Map.of("v", 1, "cat", 1, "sets", List.of("AQ"), "at", List.of(List.of("1"))),
                Map.of("v", 1, "cat", 1, "sets", List.of("AQ", "Ag"), "at", List.of(List.of(1), List.of(1))),
                Map.of("v", 1, "cat", 1, "sets", List.of("AQ"), "at", List.of(5)),
                Map.of("v", 1, "cat", 1, "over", "yes"),
                Map.of("v", 1, "cat", 1, "sets", List.of("A".repeat(100_000)), "at", List.of(List.of(1))));
        for (Object claim : hostile) {
            assertThatThrownBy(() -> CompactPermissions.fromClaim(claim)).as("%s", claim)
                    .isInstanceOf(ClaimFormatException.class);
        }
    }
}
