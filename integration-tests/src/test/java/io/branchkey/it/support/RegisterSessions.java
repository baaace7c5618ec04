package io.branchkey.it.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The realm set-up docs/pin.md asks of an administrator, step by step through the admin API: levels of
 * authentication for PIN, device and password; a browser flow whose password step records the password's level;
 * and the password's level as the minimum ACR of every browser client that is not a register.
 */
public final class RegisterSessions {

    public static final String ACR_LOA_MAP =
            "{\"urn:branchkey:acr:pin\":1,\"urn:branchkey:acr:device\":1,\"urn:branchkey:acr:password\":2}";
    public static final String PASSWORD_ACR = "urn:branchkey:acr:password";
    public static final String FLOW = "branchkey browser";
    private static final String FORMS = "branchkey browser forms";
    private static final String PASSWORD_LEVEL = "branchkey password level";

    private RegisterSessions() {
    }

    /** Sets the realm up (once) and gives the clients the password's level as their minimum. */
    public static void requirePasswordLevel(RealmResource realm, String... browserClients) {
        RealmRepresentation rep = realm.toRepresentation();
        if (!FLOW.equals(rep.getBrowserFlow())) {
            createFlow(realm.flows());
            Map<String, String> attributes = rep.getAttributes() == null ? new HashMap<>() : new HashMap<>(rep.getAttributes());
            attributes.put("acr.loa.map", ACR_LOA_MAP);
            rep.setAttributes(attributes);
            rep.setBrowserFlow(FLOW);
            realm.update(rep);
        }
        for (String clientId : browserClients) {
            ClientRepresentation client = realm.clients().findByClientId(clientId).get(0);
            Map<String, String> attributes = new HashMap<>(client.getAttributes());
            attributes.put("minimum.acr.value", PASSWORD_ACR);
            client.setAttributes(attributes);
            realm.clients().get(client.getId()).update(client);
        }
    }

    /** Cookie, or else the password at level 2 (remembered for ten hours, as long as a default SSO session). */
    private static void createFlow(AuthenticationManagementResource flows) {
        AuthenticationFlowRepresentation top = new AuthenticationFlowRepresentation();
        top.setAlias(FLOW);
        top.setDescription("Browser login whose password step records the password's level");
        top.setProviderId("basic-flow");
        top.setTopLevel(true);
        top.setBuiltIn(false);
        flows.createFlow(top).close();
        flows.addExecution(FLOW, Map.of("provider", "auth-cookie"));
        flows.addExecutionFlow(FLOW, Map.of("alias", FORMS, "type", "basic-flow", "description", "password"));
        setRequirements(flows, FLOW, "ALTERNATIVE");

        flows.addExecutionFlow(FORMS, Map.of("alias", PASSWORD_LEVEL, "type", "basic-flow", "description", "level 2"));
        setRequirements(flows, FORMS, "CONDITIONAL");

        flows.addExecution(PASSWORD_LEVEL, Map.of("provider", "conditional-level-of-authentication"));
        flows.addExecution(PASSWORD_LEVEL, Map.of("provider", "auth-username-password-form"));
        setRequirements(flows, PASSWORD_LEVEL, "REQUIRED");
        AuthenticationExecutionInfoRepresentation condition = flows.getExecutions(PASSWORD_LEVEL).stream()
                .filter(e -> "conditional-level-of-authentication".equals(e.getProviderId())).findFirst().orElseThrow();
        AuthenticatorConfigRepresentation config = new AuthenticatorConfigRepresentation();
        config.setAlias("branchkey password level");
        config.setConfig(Map.of("loa-condition-level", "2", "loa-max-age", "36000"));
        flows.newExecutionConfig(condition.getId(), config).close();
    }

    /** Sets the requirement of the flow's direct executions (not those of its subflows). */
    private static void setRequirements(AuthenticationManagementResource flows, String flow, String requirement) {
        List<AuthenticationExecutionInfoRepresentation> executions = flows.getExecutions(flow);
        for (AuthenticationExecutionInfoRepresentation execution : executions) {
            if (execution.getLevel() == 0) {
                execution.setRequirement(requirement);
                flows.updateExecutions(flow, execution);
            }
        }
    }
}
