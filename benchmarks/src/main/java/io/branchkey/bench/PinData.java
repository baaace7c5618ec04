package io.branchkey.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills the PIN benchmark's realm through the admin API, as an administrator would: one account with two locations,
 * {@value #PIN_ONLY_CODE} switched to PIN-only before any PIN exists (so generated PINs are unique there) and
 * {@value #TILE_CODE} with tiles and PIN; the KlickTrack templates; N staff members with a password (the realm's
 * default password policy, untouched), membership of both locations, {@value #CASHIER_GROUP} at both and a
 * generated PIN; registers enrolled at both locations; the register client {@value #CLIENT}, which allows both the
 * password grant and the PIN grant, so both kinds of login get the same client, mappers and tokens.
 */
final class PinData {

    static final String REALM = "bench-pin";
    static final String CLIENT = "bench-register";
    static final String PIN_ONLY_CODE = "PIN-ONLY-001";
    static final String TILE_CODE = "PIN-TILE-001";
    static final String CASHIER_GROUP = "KlickTrack Cashier";

    private final AdminApi api;
    private final String baseUrl;

    PinData(AdminApi api, String baseUrl) {
        this.api = api;
        this.baseUrl = baseUrl;
    }

    PinRealm load(int staffCount, int registersPerLocation) throws Exception {
        api.ensureFreshToken();
        String account = node("ACCOUNT", null, "PIN Bench Co", null);
        String pinOnly = node("LOCATION", account, "PIN-only store", PIN_ONLY_CODE);
        String tile = node("LOCATION", account, "Tile store", TILE_CODE);
        api.put(REALM + "/branchkey/nodes/" + pinOnly + "/pin-settings", "{\"mode\":\"PIN_ONLY\"}");

        api.get(REALM + "/branchkey/catalog"); // the realm's catalog is created on first use
        String cashierGroup = null;
        int cashierPermissions = 0;
        for (JsonNode group : AdminApi.JSON.readTree(api.post(REALM + "/branchkey/role-groups/templates/klicktrack", ""))) {
            if (CASHIER_GROUP.equals(group.path("name").asText())) {
                cashierGroup = group.path("id").asText();
                cashierPermissions = group.path("permissions").size();
            }
        }
        if (cashierGroup == null) {
            throw new IllegalStateException("no template role group named " + CASHIER_GROUP);
        }

        new ClaimsClients(api).createRegister(REALM, CLIENT, Map.of("branchkey.device-grants", "true"),
                List.of(ClaimsClients.mapper("branchkey device login acr", "branchkey-acr-mapper", null, false, 0)));

        String password = ClaimsBenchmark.newPassword();
        List<PinRealm.Staff> staff = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 1; i <= staffCount; i++) {
            String username = String.format("staff-%04d", i);
            String id = user(username, password);
            for (String location : List.of(pinOnly, tile)) {
                api.put(REALM + "/branchkey/nodes/" + location + "/users/" + id, "");
                api.post(REALM + "/branchkey/grants", AdminApi.JSON.createObjectNode().put("userId", id)
                        .put("nodeId", location).put("roleGroupId", cashierGroup).toString());
            }
            String pin = AdminApi.JSON.readTree(api.post(REALM + "/branchkey/users/" + id + "/pin/generate", ""))
                    .path("pin").asText();
            staff.add(new PinRealm.Staff(id, username, pin));
            if (i % 100 == 0 || i == staffCount) {
                System.out.printf("  %d staff members (%d s)%n", i, (System.nanoTime() - started) / 1_000_000_000L);
            }
        }

        List<BenchDevice> pinOnlyRegisters = new ArrayList<>();
        List<BenchDevice> tileRegisters = new ArrayList<>();
        for (int i = 0; i < registersPerLocation; i++) {
            pinOnlyRegisters.add(BenchDevice.enroll(api, baseUrl, REALM, pinOnly, "register"));
            tileRegisters.add(BenchDevice.enroll(api, baseUrl, REALM, tile, "register"));
        }

        api.ensureFreshToken();
        String policy = api.getJson(REALM).path("passwordPolicy").asText("");
        String hashing = "?";
        for (JsonNode credential : api.getJson(REALM + "/users/" + staff.get(0).id() + "/credentials")) {
            if ("password".equals(credential.path("type").asText())) {
                hashing = credential.path("credentialData").asText();
            }
        }
        return new PinRealm(REALM, CLIENT, new PinRealm.Location(pinOnly, PIN_ONLY_CODE, pinOnlyRegisters),
                new PinRealm.Location(tile, TILE_CODE, tileRegisters), staff, password, policy, hashing, cashierPermissions);
    }

    private String node(String kind, String parentId, String name, String code) throws Exception {
        ObjectNode body = AdminApi.JSON.createObjectNode().put("kind", kind).put("name", name).put("parentId", parentId);
        if (code != null) {
            body.put("code", code);
        }
        return AdminApi.JSON.readTree(api.post(REALM + "/branchkey/nodes", body.toString())).path("id").asText();
    }

    private String user(String username, String password) throws Exception {
        ObjectNode user = AdminApi.JSON.createObjectNode();
        user.put("username", username).put("email", username + "@example.com").put("emailVerified", true)
                .put("firstName", "Staff").put("lastName", username).put("enabled", true);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        api.ensureFreshToken();
        return api.create(REALM + "/users", user.toString());
    }
}
