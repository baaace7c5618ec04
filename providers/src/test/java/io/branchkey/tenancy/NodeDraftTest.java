package io.branchkey.tenancy;

import io.branchkey.common.BranchkeyException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeDraftTest {

    private static NodeDraft location(String code) {
        return new NodeDraft(NodeKind.LOCATION, "Store", code, null, null, null, null);
    }

    private static void assertInvalid(Runnable r, String field) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(BranchkeyException.class, e -> {
            assertThat(e.getKind()).isEqualTo(BranchkeyException.Kind.INVALID);
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @Test
    void defaultsAndTrimming() {
        NodeDraft draft = new NodeDraft(NodeKind.ACCOUNT, "  Acme  ", " ", null, " ", null, null);
        assertThat(draft.name()).isEqualTo("Acme");
        assertThat(draft.code()).isNull();
        assertThat(draft.timezone()).isNull();
        assertThat(draft.status()).isEqualTo(NodeStatus.ACTIVE);
        assertThat(draft.address()).isEqualTo(NodeAddress.EMPTY);
        assertThat(draft.externalIds()).isEmpty();
    }

    @Test
    void kindAndNameAreRequired() {
        assertInvalid(() -> new NodeDraft(null, "x", null, null, null, null, null), "kind");
        assertInvalid(() -> new NodeDraft(NodeKind.REGION, "   ", null, null, null, null, null), "name");
        assertInvalid(() -> new NodeDraft(NodeKind.REGION, "x".repeat(256), null, null, null, null, null), "name");
    }

    @Test
    void locationsNeedACode() {
        assertInvalid(() -> location(null), "code");
        assertThat(location("GW-DT.001_a").code()).isEqualTo("GW-DT.001_a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-abc", "a b", "ä1", "a/b", "12345678901234567890123456789012345678901234567890123456789012345"})
    void rejectsBadCodes(String code) {
        assertInvalid(() -> location(code), "code");
    }

    @Test
    void timezonesMustBeIanaRegions() {
        assertThat(new NodeDraft(NodeKind.LOCATION, "S", "S1", null, "America/Denver", null, null).timezone())
                .isEqualTo("America/Denver");
        assertInvalid(() -> new NodeDraft(NodeKind.LOCATION, "S", "S1", null, "Mars/Olympus", null, null), "timezone");
        assertInvalid(() -> new NodeDraft(NodeKind.LOCATION, "S", "S1", null, "+02:00", null, null), "timezone");
    }

    @Test
    void addressCountryIsIso() {
        NodeAddress us = new NodeAddress("1 Main", null, "Denver", "CO", "80202", "us");
        assertThat(new NodeDraft(NodeKind.LOCATION, "S", "S1", null, null, us, null).address().country()).isEqualTo("US");
        NodeAddress bad = new NodeAddress(null, null, null, null, null, "XX");
        assertInvalid(() -> new NodeDraft(NodeKind.LOCATION, "S", "S1", null, null, bad, null), "address.country");
        NodeAddress longCity = new NodeAddress(null, null, "c".repeat(101), null, null, null);
        assertInvalid(() -> new NodeDraft(NodeKind.LOCATION, "S", "S1", null, null, longCity, null), "address.city");
    }

    @Test
    void externalIdsAreBounded() {
        assertThat(new NodeDraft(NodeKind.LOCATION, "S", "S1", null, null, null,
                Map.of("licenseNumber", " 402R-1 ")).externalIds()).containsEntry("licenseNumber", "402R-1");
        assertInvalid(() -> new NodeDraft(NodeKind.LOCATION, "S", "S1", null, null, null, Map.of("1bad", "x")),
                "externalIds");
        assertInvalid(() -> new NodeDraft(NodeKind.LOCATION, "S", "S1", null, null, null, Map.of("posId", " ")),
                "externalIds.posId");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= NodeDraft.MAX_EXTERNAL_IDS; i++) {
            many.put("id" + i, "v");
        }
        assertInvalid(() -> new NodeDraft(NodeKind.LOCATION, "S", "S1", null, null, null, many), "externalIds");
    }
}
