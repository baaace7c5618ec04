package io.branchkey.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.util.JSONObjectUtils;

import io.branchkey.claims.catalog.Catalog;
import io.branchkey.claims.catalog.CatalogPermission;
import io.branchkey.claims.catalog.CatalogSource;
import io.branchkey.claims.format.ClaimFormatException;
import io.branchkey.claims.format.CompactPermissions;
import io.branchkey.claims.format.PermissionBits;
import io.branchkey.claims.support.Fixtures;

/**
 * Hostile input for the decoders: random JSON-like structures, mutated valid claims and random strings as sets,
 * 100,000 cases from a fixed seed. Each must either decode or raise {@link ClaimFormatException}; nothing else.
 * A failure prints the seed and case number, so it can be replayed.
 */
class ClaimDecoderFuzzTest {

    private static final long SEED = 0xB4A7C4L;
    private static final int CASES_PER_KIND = 25_000;

    private static final String[] KEYS = {"v", "cat", "sets", "at", "over", "home", "scope", "type", "id", "handle",
            "partner", "bk_perms", "bk_roles", "bk_tenancy", "", "x", "location", "account", "all"};
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** Every bit index maps to a key, so that a decoded token's checks touch the bit sets. */
    private static final Catalog CATALOG;
    static {
        List<CatalogPermission> permissions = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            permissions.add(CatalogPermission.of(i, "p" + i));
        }
        CATALOG = Catalog.of(Long.MAX_VALUE, permissions);
    }

    private final AccessDecoder decoder = new AccessDecoder(ClaimNames.DEFAULT, CatalogSource.fixed(CATALOG),
            Fixtures.TREE, (token, checks) -> checks.stream().map(check -> false).toList());

    @Test
    void randomStructuresOnlyEverRaiseTheFormatException() {
        Random random = new Random(SEED);
        for (int i = 0; i < CASES_PER_KIND; i++) {
            Map<String, Object> claims = new HashMap<>();
            claims.put("bk_perms", randomValue(random, 4, true));
            claims.put("bk_roles", randomValue(random, 2, false));
            claims.put("bk_tenancy", randomValue(random, 3, true));
            decodeOrFormatError(claims, "structure", i);
        }
    }

    @Test
    void mutatedValidClaimsOnlyEverRaiseTheFormatException() {
        Random random = new Random(SEED + 1);
        int decoded = 0;
        for (int i = 0; i < CASES_PER_KIND; i++) {
            Map<String, Object> claims = new HashMap<>();
            claims.put("bk_perms", mutableCopy(validPermissions(random).toClaim()));
            claims.put("bk_roles", new ArrayList<>(List.of("KlickTrack Cashier", "Shift Lead")));
            claims.put("bk_tenancy", mutableCopy(Map.of("home", "acct-a",
                    "scope", Map.of("type", "location", "id", "loc-12", "handle", 12), "partner", false)));
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                mutate(random, claims);
            }
            if (decodeOrFormatError(claims, "mutation", i)) {
                decoded++;
            }
        }
        // Both outcomes must be well represented, or the mutations test nothing.
        assertThat(decoded).isBetween(CASES_PER_KIND / 20, CASES_PER_KIND - CASES_PER_KIND / 20);
    }

    @Test
    void randomStringsAsSetsAreCanonicalOrRefused() {
        Random random = new Random(SEED + 2);
        int accepted = 0;
        for (int i = 0; i < CASES_PER_KIND; i++) {
            String text = random.nextInt(4) == 0 ? randomText(random) : randomBase64(random);
            try {
                BitSet bits = PermissionBits.decode(text);
                assertThat(PermissionBits.encode(bits)).as("case %d: %s", i, text).isEqualTo(text);
                accepted++;
            } catch (ClaimFormatException expected) {
                // refused
            } catch (RuntimeException e) {
                fail("seed " + (SEED + 2) + " case " + i + " set '" + text + "' raised " + e, e);
            }
            Map<String, Object> claims = Map.of("bk_perms", Map.of("v", 1, "cat", 1, "sets", List.of(text),
                    "at", List.of(List.of(12))));
            decodeOrFormatError(claims, "set string", i);
        }
        assertThat(accepted).isPositive();
    }

    @Test
    void randomJsonTextThroughTheTokenParserOnlyEverRaisesTheFormatException() throws Exception {
        Random random = new Random(SEED + 3);
        for (int i = 0; i < CASES_PER_KIND; i++) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("bk_perms", random.nextBoolean() ? mutableCopy(validPermissions(random).toClaim())
                    : randomValue(random, 4, true));
            if (random.nextBoolean()) {
                mutate(random, payload);
            }
            payload.put("bk_tenancy", randomValue(random, 3, true));
            String json = JSONObjectUtils.toJSONString(payload);
            Map<String, Object> parsed = JSONObjectUtils.parse(json); // numbers come back as the parser types them
            decodeOrFormatError(parsed, "json", i);
        }
    }

    /** @return whether the claims decoded */
    private boolean decodeOrFormatError(Map<String, Object> claims, String kind, int i) {
        try {
            BranchkeyAccess access = decoder.decode("t", claims);
            // A decoded token must also answer checks without surprises.
            for (String node : new String[] {"loc-12", "acct-b", "p", "nope"}) {
                access.hasPermission("p" + (i % 64), node);
            }
            access.claims().permissions().ifPresent(perms -> {
                if (!perms.isOverage()) {
                    assertThat(CompactPermissions.fromClaim(perms.toClaim())).isEqualTo(perms);
                }
            });
            return true;
        } catch (ClaimFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            fail(kind + " case " + i + " raised " + e + " for " + abbreviate(String.valueOf(claims)), e);
            return false;
        }
    }

    private static CompactPermissions validPermissions(Random random) {
        Map<Long, BitSet> anchors = new HashMap<>();
        int count = random.nextInt(6);
        long[] handles = {1, 2, 3, 5, 12, 13, 40, 41, 99};
        for (int a = 0; a < count; a++) {
            BitSet bits = new BitSet();
            int n = random.nextInt(8);
            for (int b = 0; b < n; b++) {
                bits.set(random.nextInt(random.nextBoolean() ? 64 : 300));
            }
            anchors.put(handles[random.nextInt(handles.length)], bits);
        }
        return random.nextInt(10) == 0 ? CompactPermissions.overage(random.nextInt(5))
                : CompactPermissions.of(random.nextInt(5), anchors);
    }

    /** Replaces, removes or adds something at a random place of the structure. */
    @SuppressWarnings("unchecked")
    private static void mutate(Random random, Object root) {
        Object container = root;
        for (int depth = 0; depth < 4; depth++) {
            List<Object> children = children(container);
            if (children.isEmpty() || random.nextInt(3) == 0) {
                break;
            }
            Object child = children.get(random.nextInt(children.size()));
            if (!(child instanceof Map || child instanceof List)) {
                break;
            }
            container = child;
        }
        if (container instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            List<String> keys = new ArrayList<>(m.keySet());
            switch (random.nextInt(4)) {
                case 0 -> { if (!keys.isEmpty()) m.remove(keys.get(random.nextInt(keys.size()))); }
                case 1 -> m.put(KEYS[random.nextInt(KEYS.length)], randomValue(random, 2, true));
                default -> { if (!keys.isEmpty()) m.put(keys.get(random.nextInt(keys.size())), tweak(random,
                        m.get(keys.get(random.nextInt(keys.size()))))); }
            }
        } else if (container instanceof List<?> list) {
            List<Object> l = (List<Object>) list;
            switch (random.nextInt(4)) {
                case 0 -> { if (!l.isEmpty()) l.remove(random.nextInt(l.size())); }
                case 1 -> l.add(random.nextBoolean() && !l.isEmpty() ? l.get(0) : randomValue(random, 2, true));
                default -> { if (!l.isEmpty()) { int at = random.nextInt(l.size()); l.set(at, tweak(random, l.get(at))); } }
            }
        }
    }

    /** A near miss of a value: off-by-one numbers, edited strings, other types. */
    private static Object tweak(Random random, Object value) {
        if (value instanceof Number n && random.nextBoolean()) {
            long[] options = {n.longValue() + 1, n.longValue() - 1, 0, -n.longValue(), Long.MAX_VALUE, Long.MIN_VALUE};
            return options[random.nextInt(options.length)];
        }
        if (value instanceof String s && random.nextBoolean()) {
            StringBuilder edited = new StringBuilder(s);
            switch (random.nextInt(4)) {
                case 0 -> edited.append(BASE64URL.charAt(random.nextInt(64)));
                case 1 -> { if (edited.length() > 0) edited.setLength(edited.length() - 1); }
                case 2 -> { if (edited.length() > 0) edited.setCharAt(random.nextInt(edited.length()),
                        BASE64URL.charAt(random.nextInt(64))); }
                default -> edited.append("=");
            }
            return edited.toString();
        }
        return randomValue(random, 2, true);
    }

    private static List<Object> children(Object container) {
        if (container instanceof Map<?, ?> map) {
            return new ArrayList<>(map.values());
        }
        if (container instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        return List.of();
    }

    /** Deep copy into mutable maps and lists. */
    private static Object mutableCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, mutableCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(mutableCopy(v)));
            return copy;
        }
        return value;
    }

    private static Object randomValue(Random random, int depth, boolean allowNull) {
        int pick = random.nextInt(depth > 0 ? 13 : 10);
        switch (pick) {
            case 0: return allowNull ? null : "";
            case 1: return random.nextBoolean();
            case 2: return random.nextInt(5) - 1;
            case 3: return random.nextLong();
            case 4: return random.nextDouble() * 100;
            case 5: return new BigInteger(80, random);
            case 6: return randomBase64(random);
            case 7: return randomText(random);
            case 8: return (long) random.nextInt(50);
            case 9: return random.nextBoolean() ? 1 : 1.0;
            case 10:
            case 11: {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    list.add(randomValue(random, depth - 1, true));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                int n = random.nextInt(6);
                for (int i = 0; i < n; i++) {
                    map.put(KEYS[random.nextInt(KEYS.length)], randomValue(random, depth - 1, true));
                }
                return map;
            }
        }
    }

    private static String randomBase64(Random random) {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(BASE64URL.charAt(random.nextInt(BASE64URL.length())));
        }
        return text.toString();
    }

    private static String randomText(Random random) {
        int length = random.nextInt(10);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x3000));
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
