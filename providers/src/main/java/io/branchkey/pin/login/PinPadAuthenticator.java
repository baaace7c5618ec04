package io.branchkey.pin.login;

import java.util.List;
import java.util.Map;

import io.branchkey.device.DeviceModel;
import io.branchkey.device.DeviceProofException;
import io.branchkey.device.DeviceProvider;
import io.branchkey.device.grant.DeviceBoundGrantType;
import io.branchkey.device.grant.LoginLevels;
import io.branchkey.pin.PinAttempt;
import io.branchkey.pin.PinConfigurationException;
import io.branchkey.pin.PinLoginMode;
import io.branchkey.pin.PinLoginResult;
import io.branchkey.pin.PinProvider;
import io.branchkey.tenancy.TenantNodeModel;
import io.branchkey.tenancy.TenantTreeProvider;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The PIN pad of a web register: the staff of the device's location as tiles, or PIN only, as the location is
 * set up. Each submitted PIN is one attempt under the lockout rules; the device's type decides whether the
 * person may log in here at all.
 */
final class PinPadAuthenticator implements Authenticator {

    static final String FORM = "branchkey-pin-pad.ftl";
    static final int MAX_TILES = 100;

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        DeviceModel device = RegisterDeviceAuthenticator.activeDevice(context);
        if (device == null) {
            RegisterDeviceAuthenticator.refuse(context);
            return;
        }
        if (context.getAuthenticationSession().getClientNote(Constants.KC_ACTION) != null) {
            // kc_action=UPDATE_PASSWORD and the like: a PIN must never be what authorises an account change
            context.getEvent().detail("reason", "account action at a register").error(DeviceLogins.ACCESS_DENIED);
            context.failure(AuthenticationFlowError.ACCESS_DENIED, context.form()
                    .setError("branchkeyRegisterNoAccountChanges").createErrorPage(Response.Status.FORBIDDEN));
            return;
        }
        context.challenge(form(context, device, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        DeviceModel device = RegisterDeviceAuthenticator.activeDevice(context);
        if (device == null) {
            RegisterDeviceAuthenticator.refuse(context);
            return;
        }
        DeviceLogins.describe(context.getEvent(), device);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String pin = form.getFirst("pin");
        String userId = form.getFirst("user");
        boolean pinOnly = mode(context, device) == PinLoginMode.PIN_ONLY;
        if (pin == null || pin.isBlank() || !pinOnly && (userId == null || userId.isBlank())) {
            context.challenge(form(context, device, pinOnly ? "branchkeyPinMissingOnPad" : "branchkeyPickTile", userId));
            return;
        }
        String permission = DeviceLogins.loginPermission(context.getSession(), context.getRealm(), device);
        PinLoginResult result;
        try {
            result = permission == null ? null : context.getSession().getProvider(PinProvider.class)
                    .attempt(context.getRealm(), new PinAttempt(device.locationId(), device.id(), pinOnly ? null : userId,
                            pin, permission));
        } catch (PinConfigurationException e) {
            DeviceLogins.notSetUp(context.getEvent(), e);
            context.failure(AuthenticationFlowError.INTERNAL_ERROR, context.form().setError("branchkeyPinNotSetUp")
                    .createErrorPage(Response.Status.INTERNAL_SERVER_ERROR));
            return;
        }
        if (result == null || result.isDenied()) {
            if (result != null) {
                context.getEvent().user(result.user());
            }
            context.getEvent().error(DeviceLogins.ACCESS_DENIED);
            context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED,
                    form(context, device, "branchkeyRegisterAccessDenied", null));
            return;
        }
        if (!result.isOk()) {
            DeviceLogins.refused(context.getEvent(), result, pinOnly ? null : userId);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    form(context, device, "branchkeyPinRefused", userId));
            return;
        }
        UserModel user = result.user();
        context.getEvent().user(user);
        if (requiredActionsPending(context, user)) {
            // Keycloak would run them next (update password, e-mail, OTP...), authorised by nothing but the PIN
            context.getEvent().detail("reason", "required actions pending").error(DeviceLogins.ACCESS_DENIED);
            context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED,
                    form(context, device, "branchkeyRegisterAccountSetupFirst", null));
            return;
        }
        try {
            // Keycloak gives the browser's user session the id of its root authentication session.
            context.getSession().getProvider(DeviceProvider.class).bindSession(context.getRealm(), device.id(),
                    context.getAuthenticationSession().getParentSession().getId(), false);
        } catch (DeviceProofException e) {
            RegisterDeviceAuthenticator.refuse(context);
            return;
        }
        context.getAuthenticationSession().setClientNote(DeviceBoundGrantType.LOGIN_METHOD_NOTE,
                DeviceBoundGrantType.PIN_METHOD);
        // On the session too: whatever client later rides on it, it began with a PIN at a register.
        context.getAuthenticationSession().setUserSessionNote(DeviceBoundGrantType.LOGIN_METHOD_NOTE,
                DeviceBoundGrantType.PIN_METHOD);
        LoginLevels.markAuthenticated(context.getAuthenticationSession(), DeviceBoundGrantType.PIN_METHOD);
        context.setUser(user);
        context.success();
    }

    /**
     * Whether Keycloak would ask for anything after this login: actions set on the user, and those its triggers
     * would add now (an expired password, a profile missing a required field), as its password grant checks.
     */
    private static boolean requiredActionsPending(AuthenticationFlowContext context, UserModel user) {
        AuthenticationManager.evaluateRequiredActionTriggers(context.getSession(), context.getAuthenticationSession(),
                context.getHttpRequest(), context.getEvent(), context.getRealm(), user);
        return user.getRequiredActionsStream().findAny().isPresent()
                || !context.getAuthenticationSession().getRequiredActions().isEmpty();
    }

    private static PinLoginMode mode(AuthenticationFlowContext context, DeviceModel device) {
        return context.getSession().getProvider(PinProvider.class).loginMode(context.getRealm(), device.locationId());
    }

    private static Response form(AuthenticationFlowContext context, DeviceModel device, String error, String selected) {
        PinProvider pins = context.getSession().getProvider(PinProvider.class);
        boolean pinOnly = pins.loginMode(context.getRealm(), device.locationId()) == PinLoginMode.PIN_ONLY;
        TenantNodeModel location = context.getSession().getProvider(TenantTreeProvider.class)
                .getNode(context.getRealm(), device.locationId());
        List<Map<String, String>> tiles = pinOnly ? List.of() : pins.tileUsers(context.getRealm(), device.locationId(), MAX_TILES)
                .stream().map(u -> Map.of("id", u.getId(), "name", displayName(u))).toList();
        var form = context.form()
                .setAttribute("pinOnly", pinOnly)
                .setAttribute("tiles", tiles)
                .setAttribute("selectedUser", selected == null ? "" : selected)
                .setAttribute("deviceName", device.name())
                .setAttribute("locationName", location == null ? "" : location.getName())
                .setAttribute("pinLength", pins.policy(context.getRealm()).length());
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(FORM);
    }

    private static String displayName(UserModel user) {
        String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
        String last = user.getLastName() == null ? "" : user.getLastName().trim();
        String name = (first + " " + (last.isEmpty() ? "" : last.charAt(0) + ".")).trim();
        return name.isEmpty() ? user.getUsername() : name;
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
