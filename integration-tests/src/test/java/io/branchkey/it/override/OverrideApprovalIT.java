package io.branchkey.it.override;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.branchkey.claims.BranchkeyResourceServer;
import io.branchkey.claims.approval.Approval;
import io.branchkey.claims.approval.ApprovalRejectedException;
import io.branchkey.it.support.ApiResponse;
import io.branchkey.it.support.BranchkeyApi;
import io.branchkey.it.support.BranchkeyServerConfig;
import io.branchkey.it.support.OidcTokens;
import io.branchkey.it.support.RegisterShop;
import io.branchkey.it.support.TestDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.server.KeycloakUrls;

/**
 * Manager-PIN overrides: a cashier logged in at a register asks, a shift lead approves with their PIN at the same
 * register, and the signed approval is checked by the library (once) or redeemed at the server (once). Every
 * check of the issue: self-approval, wrong location, missing permission, expired, replayed, tampered, thresholds,
 * locked approver PIN, disabled device.
 */
@KeycloakIntegrationTest(config = BranchkeyServerConfig.class)
class OverrideApprovalIT {

    @InjectRealm(config = ApprovalRealm.class)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak keycloak;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    static RegisterShop shop;
    RegisterShop s;
    BranchkeyResourceServer library;

    @BeforeEach
    void shop() {
        shop = RegisterShop.of(shop, realm, keycloak, urls);
        s = shop;
        s.admin.post("devices/" + s.register.id() + "/unlock", null).expect(200);
        s.admin.put("nodes/" + s.account + "/override-rules/return", Map.of("required", true)).expect(200);
        s.admin.put("nodes/" + s.account + "/override-rules/discount", Map.of("required", true, "thresholdPercent", 10))
                .expect(200);
        library = BranchkeyResourceServer.builder(s.issuer).authorizedParty(RegisterShop.REGISTER_CLIENT)
                .clientCredentials(RegisterShop.RESOURCE_SERVER_CLIENT, RegisterShop.RESOURCE_SERVER_SECRET).build();
    }

    /** The cashier's register session at the device. */
    private String cashierToken(TestDevice device) {
        return s.pinLogin(device, s.cashier.id(), s.cashier.pin()).expectOk().accessToken();
    }

    private ApiResponse ask(TestDevice device, String cashierToken, String action, Map<String, Object> context,
                            String approverId, String pin) {
        Map<String, Object> approver = new HashMap<>();
        if (approverId != null) {
            approver.put("userId", approverId);
        }
        approver.put("pin", pin);
        Map<String, Object> body = Map.of("action", action, "context", context, "approver", approver);
        return BranchkeyApi.publicApi(urls, realm.getName()).withBearer(cashierToken).postWithHeaders("overrides/approvals",
                body, Map.of("Branchkey-Device-Assertion", device.assertion(s.issuer)));
    }

    private static Map<String, Object> sale(long amount) {
        return Map.of("amount", amount, "currency", "USD", "transactionHash", "sha256:" + Long.toHexString(amount) + "abcdef01");
    }

    @Test
    void aShiftLeadApprovesAReturnOnceAndTheApprovalSaysWhoWhatWhere() {
        String token = cashierToken(s.register);
        ApiResponse answer = ask(s.register, token, "return", sale(4599), s.shiftLead.id(), s.shiftLead.pin()).expect(201);
        assertThat(answer.header("Cache-Control").orElse("")).contains("no-store");
        String approval = answer.json().get("approval").asText();
        assertThat(answer.json().get("expiresIn").asLong()).isLessThanOrEqualTo(120);

        com.fasterxml.jackson.databind.JsonNode header = readJson(java.util.Base64.getUrlDecoder().decode(approval.split("\\.")[0]));
        assertThat(header.get("typ").asText()).isEqualTo("branchkey-approval+jwt");
        assertThat(header.hasNonNull("kid")).isTrue();
        Approval verified = library.approvals().consume(approval);
        assertThat(verified.requester()).isEqualTo(s.cashier.id());
        assertThat(verified.approver()).isEqualTo(s.shiftLead.id());
        assertThat(verified.action()).isEqualTo("return");
        assertThat(verified.locationId()).isEqualTo(s.store);
        assertThat(verified.deviceId()).isEqualTo(s.register.id());
        assertThat(verified.context()).containsEntry("currency", "USD");
        assertThat(verified.expiresAt().getEpochSecond() - System.currentTimeMillis() / 1000).isBetween(60L, 121L);
        assertThatRejected(() -> library.approvals().consume(approval), ApprovalRejectedException.Reason.REPLAYED);

        // the server redeems once too, independently of the library's cache
        BranchkeyApi redeemer = BranchkeyApi.publicApi(urls, realm.getName()).withBearer(token);
        redeemer.post("overrides/approvals/redeem", Map.of("approval", approval)).expect(200);
        assertThat(redeemer.post("overrides/approvals/redeem", Map.of("approval", approval)).status()).isEqualTo(409);

        List<String> audit = s.admin.get("audit?nodeId=" + s.store + "&max=1000").expect(200).elements().stream()
                .map(e -> e.get("action").asText()).toList();
        assertThat(audit).contains("OVERRIDE_APPROVE");
    }

    @Test
    void nobodyApprovesTheirOwnAction() {
        RegisterShop.Person lead = s.shiftLead;
        String leadToken = s.pinLogin(s.register, lead.id(), lead.pin()).expectOk().accessToken();
        assertError(ask(s.register, leadToken, "return", sale(100), lead.id(), lead.pin()), 403, "self_approval");
    }

    @Test
    void theApproverNeedsTheApprovingPermissionAtThisLocation() {
        // a cashier cannot approve; nor can a shift lead of another store
        RegisterShop.Person otherCashier = s.person("Otto", "Cashier", "KlickTrack Cashier");
        String token = cashierToken(s.register);
        assertError(ask(s.register, token, "return", sale(100), otherCashier.id(), otherCashier.pin()), 403, "approval_refused");
        RegisterShop.Person foreignLead = s.person("Fay", "Foreign", "KlickTrack Cashier");
        s.admin.put("nodes/" + s.otherStore + "/users/" + foreignLead.id(), null).expect(204);
        new io.branchkey.it.support.AccessApi(s.admin).grant(foreignLead.id(), s.otherStore, s.templates.get("KlickTrack Shift Lead"));
        assertError(ask(s.register, token, "return", sale(100), foreignLead.id(), foreignLead.pin()), 403, "approval_refused");
    }

    @Test
    void thresholdsDecideWhetherADiscountNeedsApproval() {
        String token = cashierToken(s.register);
        Map<String, Object> small = Map.of("percent", 10, "transactionHash", "sha256:0123456789abcdef");
        Map<String, Object> large = Map.of("percent", 15, "transactionHash", "sha256:0123456789abcdef");
        assertError(ask(s.register, token, "discount", small, s.shiftLead.id(), s.shiftLead.pin()), 409, "not_required");
        ask(s.register, token, "discount", large, s.shiftLead.id(), s.shiftLead.pin()).expect(201);
        assertError(ask(s.register, token, "price-change", small, s.shiftLead.id(), s.shiftLead.pin()), 409, "not_required");
    }

    @Test
    void theRequestMustComeFromALoginAtThisRegisterOfAnActiveDevice() {
        TestDevice other = s.device(s.store, "register");
        String tokenElsewhere = cashierToken(other);
        assertError(ask(s.register, tokenElsewhere, "return", sale(100), s.shiftLead.id(), s.shiftLead.pin()), 403,
                "not_a_register_session");
        String token = cashierToken(other);
        s.admin.post("devices/" + other.id() + "/disable", null).expect(200);
        assertThat(ask(other, token, "return", sale(100), s.shiftLead.id(), s.shiftLead.pin()).status()).isEqualTo(401);
        // a password login (no register session) cannot ask either
        String password = s.tokens.password(RegisterShop.REGISTER_CLIENT, s.cashier.username(), RegisterShop.PASSWORD)
                .expectOk().accessToken();
        assertError(ask(s.register, password, "return", sale(100), s.shiftLead.id(), s.shiftLead.pin()), 403,
                "not_a_register_session");
    }

    @Test
    void aWrongApproverPinCountsTowardTheirLockoutAndALockedPinApprovesNothing() {
        RegisterShop.Person lead = s.person("Lou", "Lead", "KlickTrack Shift Lead");
        String token = cashierToken(s.register);
        List<TestDevice> registers = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TestDevice register = s.device(s.store, "register");
            String cashier = cashierToken(register);
            assertError(ask(register, cashier, "return", sale(100), lead.id(), "000000".equals(lead.pin()) ? "111111" : "000000"),
                    403, "approval_refused");
            registers.add(register);
        }
        assertThat(s.admin.get("users/" + lead.id() + "/pin").expect(200).json().get("locked").asBoolean()).isTrue();
        assertError(ask(s.register, token, "return", sale(100), lead.id(), lead.pin()), 403, "approval_refused");
        List<String> refusals = s.admin.get("audit?userId=" + s.cashier.id() + "&max=1000").expect(200).elements().stream()
                .filter(e -> "OVERRIDE_REFUSE".equals(e.get("action").asText())).map(e -> e.get("details").asText()).toList();
        assertThat(refusals).anyMatch(d -> d.contains("CREDENTIAL_LOCKED"));
    }

    @Test
    void tamperedExpiredAndMistypedApprovalsAreRejected() {
        String token = cashierToken(s.register);
        String approval = ask(s.register, token, "return", sale(700), s.shiftLead.id(), s.shiftLead.pin()).expect(201)
                .json().get("approval").asText();
        String[] parts = approval.split("\\.");
        String tamperedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"return\"", "\"void\"").getBytes());
        String tampered = parts[0] + "." + tamperedPayload + "." + parts[2];
        assertThatRejected(() -> library.approvals().consume(tampered), ApprovalRejectedException.Reason.INVALID);
        assertThat(BranchkeyApi.publicApi(urls, realm.getName()).withBearer(token)
                .post("overrides/approvals/redeem", Map.of("approval", tampered)).status()).isEqualTo(400);
        // an access token is no approval, and an approval is no access token
        assertThatRejected(() -> library.approvals().consume(token), ApprovalRejectedException.Reason.INVALID);
        try {
            library.verify(approval);
            throw new AssertionError("an approval was accepted as an access token");
        } catch (io.branchkey.claims.verify.TokenRejectedException expected) {
            // the header typ tells them apart
        }
        // two minutes later the approval is worth nothing
        BranchkeyResourceServer later = BranchkeyResourceServer.builder(s.issuer).authorizedParty(RegisterShop.REGISTER_CLIENT)
                .clientCredentials(RegisterShop.RESOURCE_SERVER_CLIENT, RegisterShop.RESOURCE_SERVER_SECRET)
                .clock(java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(200))).build();
        assertThatRejected(() -> later.approvals().consume(approval), ApprovalRejectedException.Reason.EXPIRED);
    }

    private static void assertError(ApiResponse response, int status, String error) {
        assertThat(response.status()).as(response.describe()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).as(response.describe()).isEqualTo(error);
        assertThat(response.json().has("approval")).as("no approval in a refusal").isFalse();
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(byte[] bytes) {
        try {
            return BranchkeyApi.JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertThatRejected(Runnable call, ApprovalRejectedException.Reason reason) {
        try {
            call.run();
        } catch (ApprovalRejectedException e) {
            assertThat(e.reason()).isEqualTo(reason);
            return;
        }
        throw new AssertionError("expected a rejected approval (" + reason + ")");
    }

    public static class ApprovalRealm extends RegisterShop.Realm {
        @Override
        protected String name() {
            return "bk-override-approvals";
        }
    }
}
