package io.branchkey.admin.service;

import io.branchkey.common.BranchkeyException;
import io.branchkey.pin.PinLoginMode;
import io.branchkey.pin.PinPolicy;
import io.branchkey.pin.PinProvider;
import io.branchkey.pin.PinStatus;
import io.branchkey.tenancy.NodeKind;
import io.branchkey.tenancy.TenantNodeModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.UserModel;

/**
 * PINs (docs/pin.md): a user's PIN, the realm's PIN policy and a location's PIN login mode. Whoever generates a PIN
 * learns it and could sign in as that user at a register, so resetting, generating and unlocking all act on the
 * whole user: the caller holds pins.reset where the user belongs and everything the user holds.
 */
public final class PinService {

    private final Caller caller;
    private final PinProvider pins;

    public PinService(Caller caller) {
        this.caller = caller;
        this.pins = caller.session().getProvider(PinProvider.class);
    }

    /** Body of the PIN generation event and audit entry: its length, never the PIN. */
    public record GeneratedPinEvent(int length) {
    }

    public record PinSettings(PinLoginMode mode) {
    }

    public PinStatus status(String userId) {
        return pins.status(caller.realm(), caller.user(userId, "userId", Right.VIEW_USERS));
    }

    /** A new random PIN, returned once; it replaces the old one and with it its lockout. */
    public String generate(String userId, Integer length) {
        UserModel user = caller.user(userId, "userId", Right.RESET_PINS, "PIN_GENERATE");
        String pin = pins.generate(caller.realm(), user, length);
        caller.record(Change.of(OperationType.ACTION, Change.PIN, "users", user.getId(), "pin", "generate")
                .representation(new GeneratedPinEvent(pin.length()))
                .audit("PIN_GENERATE", caller.anchor(user, Right.RESET_PINS), user.getId(), "length " + pin.length()));
        return pin;
    }

    /** Removes the PIN; the user sets a new one at the next login. */
    public void reset(String userId) {
        UserModel user = caller.user(userId, "userId", Right.RESET_PINS, "PIN_RESET");
        pins.reset(caller.realm(), user);
        caller.record(Change.of(OperationType.DELETE, Change.PIN, "users", user.getId(), "pin")
                .audit("PIN_RESET", caller.anchor(user, Right.RESET_PINS), user.getId(), null));
    }

    /** Clears the PIN's lockout after too many failures. */
    public void unlock(String userId) {
        UserModel user = caller.user(userId, "userId", Right.RESET_PINS, "PIN_UNLOCK");
        if (!pins.unlock(caller.realm(), user)) {
            throw BranchkeyException.notFound("userId", "the user has no PIN");
        }
        caller.record(Change.of(OperationType.ACTION, Change.PIN, "users", user.getId(), "pin", "unlock")
                .audit("PIN_UNLOCK", caller.anchor(user, Right.RESET_PINS), user.getId(), null));
    }

    public PinPolicy policy() {
        caller.requireRealmRight(Right.READ_REALM_ADMIN, "read the PIN policy");
        return pins.policy(caller.realm());
    }

    public PinPolicy setPolicy(PinPolicy policy) {
        caller.requireRealmRight(Right.MANAGE_REALM, "change the PIN policy");
        pins.setPolicy(caller.realm(), policy);
        caller.record(Change.of(OperationType.UPDATE, Change.PIN_POLICY, "pin-policy").representation(policy)
                .audit("PIN_POLICY_UPDATE", null, null, null));
        return policy;
    }

    /** A LOCATION's PIN login mode: visible to whoever sees the node. */
    public PinLoginMode loginMode(String nodeId) {
        TenantNodeModel node = location(caller.node(nodeId, "id", Right.SEE_NODE));
        return pins.loginMode(caller.realm(), node.getId());
    }

    /** Changed with locations.update at the location. */
    public PinLoginMode setLoginMode(String nodeId, PinLoginMode mode) {
        TenantNodeModel node = location(caller.node(nodeId, "id", Right.UPDATE_LOCATIONS));
        if (mode == null) {
            throw BranchkeyException.invalid("mode", "mode is required: TILE_AND_PIN or PIN_ONLY");
        }
        pins.setLoginMode(caller.realm(), node.getId(), mode);
        caller.record(Change.of(OperationType.UPDATE, Change.PIN_SETTINGS, "nodes", node.getId(), "pin-settings")
                .representation(new PinSettings(mode)).audit("PIN_SETTINGS_UPDATE", node.getId(), null, "mode " + mode));
        return mode;
    }

    private static TenantNodeModel location(TenantNodeModel node) {
        if (node.getKind() != NodeKind.LOCATION) {
            throw BranchkeyException.invalid("id", "only LOCATION nodes have PIN settings, this is a " + node.getKind());
        }
        return node;
    }
}
