package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.rules.decisions.Decision;

/**
 * A decision as the engine received it: stamped with the rule that inserted it. Immutable.
 *
 * @param decision the decision
 * @param rule the name of the rule that inserted it, taken from the rule engine
 * @param pack the rule's package
 */
public record Decided(Decision decision, String rule, String pack) {}
