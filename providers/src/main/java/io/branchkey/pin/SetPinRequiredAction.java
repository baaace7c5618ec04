package io.branchkey.pin;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * The "set your PIN" step after a password login (docs/pin.md, "Required action"). When the realm lets users
 * choose, a form asks for the PIN twice and applies the policy; otherwise a PIN is generated and shown once, and
 * the user confirms having noted it. Also offered as an application-initiated action ({@code kc_action}), e.g. from
 * the account console's "Register PIN".
 */
final class SetPinRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "branchkey-set-pin.ftl";
    static final String FIELD_PIN = "pin";
    static final String FIELD_CONFIRM = "pin-confirm";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Added explicitly: by a PIN reset, or by an admin.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        PinProvider pins = context.getSession().getProvider(PinProvider.class);
        PinPolicy policy = pins.policy(context.getRealm());
        if (pins.mayChoose(context.getRealm(), context.getUser())) {
            context.challenge(chooseForm(context, policy).createForm(TEMPLATE));
            return;
        }
        String pin;
        try {
            // every page shown draws a new PIN, so the draws count against the user's budget (SetPinAttempts)
            pin = pins.generate(context.getRealm(), context.getUser(), null);
        } catch (PinPolicyException e) {
            context.challenge(context.form().setError(messageKey(e.getProblem())).setAttribute("pinMode", "wait")
                    .setAttribute("pinLength", policy.length()).createForm(TEMPLATE));
            return;
        }
        context.challenge(context.form().setAttribute("pinMode", "show").setAttribute("generatedPin", pin)
                .setAttribute("pinLength", pin.length()).createForm(TEMPLATE));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        PinProvider pins = context.getSession().getProvider(PinProvider.class);
        PinPolicy policy = pins.policy(context.getRealm());
        if (!pins.mayChoose(context.getRealm(), context.getUser())) {
            // The PIN was generated and shown with the challenge; continuing means it was noted.
            if (pins.isConfigured(context.getRealm(), context.getUser())) {
                succeed(context);
            } else {
                requiredActionChallenge(context);
            }
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String pin = trimmed(form.getFirst(FIELD_PIN));
        String confirm = trimmed(form.getFirst(FIELD_CONFIRM));
        if (pin.isEmpty()) {
            context.challenge(error(context, policy, FIELD_PIN, "branchkeyPinMissing"));
            return;
        }
        if (!pin.equals(confirm)) {
            context.challenge(error(context, policy, FIELD_CONFIRM, "branchkeyPinMismatch"));
            return;
        }
        try {
            pins.setChosen(context.getRealm(), context.getUser(), pin);
        } catch (PinPolicyException e) {
            context.challenge(error(context, policy, FIELD_PIN, messageKey(e.getProblem())));
            return;
        }
        succeed(context);
    }

    private static void succeed(RequiredActionContext context) {
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, PinCredentialModel.TYPE).success();
        context.success();
    }

    private static LoginFormsProvider chooseForm(RequiredActionContext context, PinPolicy policy) {
        return context.form().setAttribute("pinMode", "choose").setAttribute("pinLength", policy.length());
    }

    private static Response error(RequiredActionContext context, PinPolicy policy, String field, String messageKey) {
        return chooseForm(context, policy)
                .addError(new FormMessage(field, messageKey, policy.length()))
                .createForm(TEMPLATE);
    }

    static String messageKey(PinPolicyException.Problem problem) {
        return switch (problem) {
            case FORMAT -> "branchkeyPinDigitsOnly";
            case LENGTH -> "branchkeyPinLength";
            case BLOCKED -> "branchkeyPinTooEasy";
            case NOT_UNIQUE -> "branchkeyPinChooseAnother";
            case TOO_MANY_ATTEMPTS -> "branchkeyPinTooManyAttempts";
            case NOT_ALLOWED, INVALID -> "branchkeyPinNotAllowed";
        };
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    @Override
    public void close() {
    }
}
