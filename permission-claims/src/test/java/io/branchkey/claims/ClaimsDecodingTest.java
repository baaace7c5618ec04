package io.branchkey.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.nimbusds.jose.util.JSONObjectUtils;

import io.branchkey.claims.format.ClaimFormatException;
import io.branchkey.claims.format.CompactPermissions;

/** Decoding per docs/claims.md, from JSON text as a token's payload holds it. */
class ClaimsDecodingTest {

    /** The examples of docs/claims.md, in one payload. */
    private static final String SPEC_EXAMPLE = """
            {
              "sub": "u-1",
              "bk_perms": { "v": 1, "cat": 3, "sets": ["_wE", "_wEAAAI"], "at": [[12], [40, 41]] },
              "bk_roles": ["KlickTrack Cashier", "KlickTrack Shift Lead"],
              "bk_tenancy": {
                "home": "34f7fca7-6220-4ed0-9b19-cf386bf1c77b",
                "scope": { "type": "location", "id": "5b0e9a52-3f7c-4d38-8a0e-1c2d3e4f5a6b", "handle": 12 },
                "partner": false
              }
            }""";

    private static Map<String, Object> json(String text) {
        try {
            return JSONObjectUtils.parse(text);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static BitSet bits(int... indexes) {
        BitSet bits = new BitSet();
        for (int i : indexes) {
            bits.set(i);
        }
        return bits;
    }

    @Test
    void theSpecExampleDecodes() {
        BranchkeyClaims claims = BranchkeyClaims.decode(json(SPEC_EXAMPLE), ClaimNames.DEFAULT);

        CompactPermissions perms = claims.permissions().orElseThrow();
        assertThat(perms.catalogVersion()).isEqualTo(3);
        assertThat(perms.isOverage()).isFalse();
        assertThat(perms.anchorHandles()).containsExactly(12L, 40L, 41L);
        assertThat(perms.setAt(12)).isEqualTo(bits(0, 1, 2, 3, 4, 5, 6, 7, 8));
        // "_wEAAAI": bytes FF 01 00 00 02, so indexes 0..8 and 33
        assertThat(perms.setAt(40)).isEqualTo(bits(0, 1, 2, 3, 4, 5, 6, 7, 8, 33));
        assertThat(perms.setAt(41)).isEqualTo(perms.setAt(40));

        assertThat(claims.roles()).containsExactly("KlickTrack Cashier", "KlickTrack Shift Lead");

        Tenancy tenancy = claims.tenancy().orElseThrow();
        assertThat(tenancy.homeAccountId()).isEqualTo("34f7fca7-6220-4ed0-9b19-cf386bf1c77b");
        assertThat(tenancy.scope()).isEqualTo(new ActiveScope(ActiveScope.Type.LOCATION,
                "5b0e9a52-3f7c-4d38-8a0e-1c2d3e4f5a6b", 12));
        assertThat(tenancy.partner()).isFalse();
    }

    @Test
    void theOverageExampleDecodes() {
        BranchkeyClaims claims = BranchkeyClaims.decode(json("{\"bk_perms\": {\"v\": 1, \"cat\": 3, \"over\": true}}"),
                ClaimNames.DEFAULT);
        assertThat(claims.permissions().orElseThrow().isOverage()).isTrue();
        assertThat(claims.permissions().orElseThrow().catalogVersion()).isEqualTo(3);
    }

    @Test
    void scopeAllHasNeitherIdNorHandleAndHomeMayBeAbsent() {
        Tenancy tenancy = BranchkeyClaims.decode(json("""
                {"bk_tenancy": {"scope": {"type": "all"}, "partner": true}}"""), ClaimNames.DEFAULT)
                .tenancy().orElseThrow();
        assertThat(tenancy.scope()).isEqualTo(ActiveScope.ALL);
        assertThat(tenancy.home()).isEmpty();
        assertThat(tenancy.partner()).isTrue();

        Tenancy account = Tenancy.fromClaim(json("""
                {"home": "a-1", "scope": {"type": "account", "id": "a-1", "handle": 2}, "partner": false}"""));
        assertThat(account.scope().type()).isEqualTo(ActiveScope.Type.ACCOUNT);

        // The server leaves the handle out when it cannot tell it; the id still names the node.
        Tenancy noHandle = Tenancy.fromClaim(json("{\"scope\": {\"type\": \"location\", \"id\": \"l\"}}"));
        assertThat(noHandle.scope()).isEqualTo(new ActiveScope(ActiveScope.Type.LOCATION, "l", 0));
    }

    @Test
    void absentClaimsMeanNoPermissionsNoRolesNoTenancy() {
        BranchkeyClaims claims = BranchkeyClaims.decode(json("{\"sub\": \"u\"}"), ClaimNames.DEFAULT);
        assertThat(claims.permissions()).isEmpty();
        assertThat(claims.roles()).isEmpty();
        assertThat(claims.tenancy()).isEmpty();
    }

    @Test
    void renamedClaimsAreReadUnderTheirNames() {
        ClaimNames names = new ClaimNames("perms", "roles", "tenancy");
        BranchkeyClaims claims = BranchkeyClaims.decode(json(SPEC_EXAMPLE
                .replace("bk_perms", "perms").replace("bk_roles", "roles").replace("bk_tenancy", "tenancy")), names);
        assertThat(claims.permissions()).isPresent();
        assertThat(claims.roles()).hasSize(2);
        assertThat(claims.tenancy()).isPresent();
    }

    @Test
    void unknownMembersAreIgnored() {
        BranchkeyClaims claims = BranchkeyClaims.decode(json("""
                {"bk_perms": {"v": 1, "cat": 3, "sets": ["AQ"], "at": [[7]], "zone": "x"},
                 "bk_tenancy": {"scope": {"type": "all", "since": 5}, "partner": false, "tier": "gold"}}"""),
                ClaimNames.DEFAULT);
        assertThat(claims.permissions().orElseThrow().anchorHolds(7, 0)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"bk_perms\": {\"v\": 2, \"cat\": 3, \"sets\": [], \"at\": []}}",
            "{\"bk_perms\": {\"cat\": 3, \"sets\": [], \"at\": []}}",
            "{\"bk_perms\": {\"v\": 1.0, \"cat\": 3, \"sets\": [], \"at\": []}}",
            "{\"bk_perms\": {\"v\": 1, \"cat\": 3, \"sets\": [\"_wE\"], \"at\": [[12, 12]]}}",
            "{\"bk_perms\": {\"v\": 1, \"cat\": 3, \"sets\": [\"_wE=\"], \"at\": [[12]]}}",
            "{\"bk_perms\": {\"v\": 1, \"cat\": 3, \"sets\": [\"_wE\"], \"at\": [[12.5]]}}",
            "{\"bk_perms\": {\"v\": 1, \"cat\": 3, \"sets\": [\"_wE\"], \"at\": [[99999999999999999999]]}}",
            "{\"bk_perms\": \"v1\"}",
            "{\"bk_perms\": [1, 3]}",
            "{\"bk_roles\": \"KlickTrack Cashier\"}",
            "{\"bk_roles\": [\"a\", 5]}",
            "{\"bk_roles\": [null]}",
            "{\"bk_tenancy\": []}",
            "{\"bk_tenancy\": {\"partner\": false}}",
            "{\"bk_tenancy\": {\"scope\": {\"type\": \"region\", \"id\": \"r\", \"handle\": 5}}}",
            "{\"bk_tenancy\": {\"scope\": {\"type\": \"location\", \"handle\": 5}}}",
            "{\"bk_tenancy\": {\"scope\": {\"type\": \"location\", \"id\": \"l\", \"handle\": \"5\"}}}",
            "{\"bk_tenancy\": {\"scope\": {\"type\": \"location\", \"id\": \"l\", \"handle\": 0}}}",
            "{\"bk_tenancy\": {\"scope\": {\"type\": \"account\", \"handle\": 3}}}",
            "{\"bk_tenancy\": {\"scope\": {\"type\": \"all\"}, \"partner\": \"no\"}}",
            "{\"bk_tenancy\": {\"scope\": {\"type\": \"all\"}, \"home\": 17}}",
    })
    void malformedOrUnknownVersionsRaiseTheFormatException(String payload) {
        assertThatThrownBy(() -> BranchkeyClaims.decode(json(payload), ClaimNames.DEFAULT))
                .isInstanceOf(ClaimFormatException.class);
    }

    @Test
    void integersArriveAsWhateverNumberTypeTheParserChose() {
        Map<String, Object> claims = Map.of("bk_perms", Map.of("v", 1, "cat", 3L, "sets", List.of("AQ"),
                "at", List.of(List.of(new java.math.BigInteger("5")))),
                "bk_tenancy", Map.of("scope", Map.of("type", "location", "id", "l", "handle", 5)));
        BranchkeyClaims decoded = BranchkeyClaims.decode(claims, ClaimNames.DEFAULT);
        assertThat(decoded.permissions().orElseThrow().anchorHolds(5, 0)).isTrue();
        assertThat(decoded.tenancy().orElseThrow().scope().handle()).isEqualTo(5);
    }
}
