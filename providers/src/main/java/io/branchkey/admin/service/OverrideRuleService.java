package io.branchkey.admin.service;

import java.util.List;

import io.branchkey.common.BranchkeyException;
import io.branchkey.override.EffectiveRule;
import io.branchkey.override.OverridePolicyProvider;
import io.branchkey.override.OverrideRepresentations;
import io.branchkey.override.OverrideRule;
import io.branchkey.tenancy.TenantNodeModel;
import org.keycloak.events.admin.OperationType;

/** Manager-override rules per node (docs/overrides.md): read where the node is seen, set with overrides.manage-policy. */
public final class OverrideRuleService {

    private final Caller caller;
    private final OverridePolicyProvider overrides;

    public OverrideRuleService(Caller caller) {
        this.caller = caller;
        this.overrides = caller.session().getProvider(OverridePolicyProvider.class);
    }

    /** The node's own rules. */
    public List<OverrideRule> rulesAt(String nodeId) {
        return overrides.rulesAt(caller.realm(), caller.node(nodeId, "id", Right.SEE_NODE).getId());
    }

    /** The rules in force at the node, each from the nearest node that sets one for its action. */
    public List<EffectiveRule> effectiveAt(String nodeId) {
        return overrides.effectiveAt(caller.realm(), caller.node(nodeId, "id", Right.SEE_NODE).getId());
    }

    public OverrideRule set(String nodeId, String action, OverrideRepresentations.RuleInput input) {
        TenantNodeModel node = caller.node(nodeId, "id", Right.MANAGE_OVERRIDE_POLICY);
        OverrideRule saved = overrides.setRule(caller.realm(), node.getId(), input.toRule(action), caller.id());
        caller.record(Change.of(OperationType.UPDATE, Change.OVERRIDE_RULE, "nodes", node.getId(), "override-rules",
                        saved.action())
                .representation(OverrideRepresentations.Rule.of(saved))
                .audit("OVERRIDE_RULE_SET", node.getId(), null, saved.action() + (saved.required() ? " needs approval" : " needs none")));
        return saved;
    }

    public void remove(String nodeId, String action) {
        TenantNodeModel node = caller.node(nodeId, "id", Right.MANAGE_OVERRIDE_POLICY);
        if (!overrides.removeRule(caller.realm(), node.getId(), action)) {
            throw BranchkeyException.notFound("action", "the node has no rule for " + action);
        }
        caller.record(Change.of(OperationType.DELETE, Change.OVERRIDE_RULE, "nodes", node.getId(), "override-rules", action)
                .audit("OVERRIDE_RULE_REMOVE", node.getId(), null, action));
    }
}
