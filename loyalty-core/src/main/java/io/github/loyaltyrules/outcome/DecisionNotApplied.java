package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import org.apiguardian.api.API;

/**
 * A rule's decision that lost to another or no longer held when it was settled (a lower tier
 * than one also qualified for, a card already issued by a rule that comes first, a floor under
 * the tier held), and why. Pricing and points candidates that lost are explained on their lines
 * instead ({@link NotApplied}, {@link LinePoints}).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param rule the rule that made the decision
 * @param reason why it did not apply
 * @param decision the decision, e.g. {@code QualifyFor[SILVER]}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record DecisionNotApplied(String rule, String reason, String decision) implements Effect {

  public DecisionNotApplied {
    Check.notBlank("decisionNotApplied.rule", rule);
    Check.notBlank("decisionNotApplied.reason", reason);
    Check.notBlank("decisionNotApplied.decision", decision);
  }
}
