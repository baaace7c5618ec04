package io.branchkey.override;

import java.util.List;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Override policies: rules per node, inherited down the tree, the nearest rule for an action winning. Rule
 * violations raise io.branchkey.common.BranchkeyException.
 */
public interface OverridePolicyProvider extends Provider {

    /** The rules set on the node itself, by action. */
    List<OverrideRule> rulesAt(RealmModel realm, String nodeId);

    /** Sets (creates or replaces) the node's rule for the rule's action. */
    OverrideRule setRule(RealmModel realm, String nodeId, OverrideRule rule, String changedBy);

    /** Removes the node's own rule for the action; the inherited one applies again. False if there was none. */
    boolean removeRule(RealmModel realm, String nodeId, String action);

    /** For every action some node on the path has a rule for: the nearest rule, with one query. */
    List<EffectiveRule> effectiveAt(RealmModel realm, String nodeId);

    /** How long an approval lives, in seconds (configured; at most 120). */
    long approvalLifetimeSeconds();

    /** The nearest rule for the action at the node, or null when no node on the path has one. */
    EffectiveRule effectiveRule(RealmModel realm, String nodeId, String action);
}
