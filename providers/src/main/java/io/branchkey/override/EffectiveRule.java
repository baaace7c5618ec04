package io.branchkey.override;

/** The rule in force for an action at a location, and the node that defines it (the location or an ancestor). */
public record EffectiveRule(OverrideRule rule, String definedAt) {
}
