package io.branchkey.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a tenant seed file (the format of io.branchkey.tenancy.seed.TenantSeed) for a tree shape, with the
 * fields a real location carries: code, time zone, address, external ids, now and then a suspended store.
 * Deterministic: the same shape always gives the same file.
 */
final class SeedWriter {

    private static final String[] BRANDS = {"Greenwood", "Harbor", "Summit", "Cedar", "Juniper", "Copper", "Maple",
            "Northstar", "Bluebird", "Redwood", "Granite", "Willow", "Aspen", "Lantern", "Falcon", "Meridian", "Orchard",
            "Pioneer", "Sterling", "Tidewater"};
    private static final String[] TRADES = {"Cannabis Co.", "Restaurant Group", "Coffee Roasters", "Pharmacy",
            "Burger Bar", "Pizza Kitchen", "Wellness", "Market"};

    private final ObjectMapper json = new ObjectMapper();

    void write(TreeShape shape, Path file) throws IOException {
        Random random = new Random(shape.realm().hashCode());
        List<Object> accounts = new ArrayList<>();
        for (int a = 0; a < shape.accounts(); a++) {
            accounts.add(account(shape, a, random));
        }
        Map<String, Object> partner = node("PARTNER", "RelayOrder Integrations", "RELAYORDER", "Europe/Amsterdam");
        partner.put("externalIds", Map.of("relayOrderPartnerId", "ro-p-0001"));
        partner.put("children", accounts);
        Map<String, Object> seed = new LinkedHashMap<>();
        seed.put("realm", shape.realm());
        seed.put("nodes", List.of(partner));
        json.writeValue(file.toFile(), seed);
    }

    static String accountCode(int a) {
        return String.format("A%02d", a + 1);
    }

    /** Account a gets regionsPerAccount consecutive states, starting at a different one for each account. */
    static UsStates.State stateOf(int account, int region) {
        return UsStates.ALL.get((account + region) % UsStates.ALL.size());
    }

    private Map<String, Object> account(TreeShape shape, int a, Random random) {
        String brand = BRANDS[a % BRANDS.length];
        String code = accountCode(a);
        Map<String, Object> account = node("ACCOUNT", brand + " " + TRADES[a % TRADES.length], code, stateOf(a, 0).timezone());
        account.put("externalIds", Map.of("relayOrderAccountId", "ro-a-" + code.toLowerCase()));
        List<Object> regions = new ArrayList<>();
        for (int r = 0; r < shape.regionsPerAccount(); r++) {
            UsStates.State state = stateOf(a, r);
            Map<String, Object> region = node("REGION", state.name(), code + "-" + state.code(), state.timezone());
            List<Object> locations = new ArrayList<>();
            for (int l = 0; l < shape.locationsPerRegion(); l++) {
                locations.add(location(brand, code, state, l, random));
            }
            region.put("children", locations);
            regions.add(region);
        }
        account.put("children", regions);
        return account;
    }

    private Map<String, Object> location(String brand, String accountCode, UsStates.State state, int l, Random random) {
        String city = state.cities().get(l % state.cities().size());
        String street = UsStates.STREETS.get(random.nextInt(UsStates.STREETS.size()));
        int number = 100 + random.nextInt(9800);
        String code = String.format("%s-%s-%03d", accountCode, state.code(), l + 1);
        Map<String, Object> location = node("LOCATION", brand + " " + city + " - " + street + " " + number, code,
                state.timezone());
        if (l % 25 == 24) {
            location.put("status", "SUSPENDED");
        }
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", number + " " + street);
        if (l % 3 == 0) {
            address.put("line2", "Suite " + (100 + l));
        }
        address.put("city", city);
        address.put("region", state.code());
        address.put("postalCode", state.zipPrefix() + String.format("%03d", random.nextInt(1000)));
        address.put("country", "US");
        location.put("address", address);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("licenseNumber", String.format("%s-LIC-%06d", state.code(), random.nextInt(1_000_000)));
        ids.put("posId", "POS-" + code);
        ids.put("relayOrderStoreId", "ro-st-" + (10_000 + random.nextInt(90_000)));
        location.put("externalIds", ids);
        return location;
    }

    private static Map<String, Object> node(String kind, String name, String code, String timezone) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("kind", kind);
        node.put("name", name);
        node.put("code", code);
        node.put("timezone", timezone);
        return node;
    }
}
