package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.EngineVersion;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What one evaluation or assessment decided: the member's new state (which the host stores and
 * hands to the next call), every effect with the rule that produced it, and the rules that fired
 * in order.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param transactionId the transaction evaluated, or null for an assessment
 * @param businessDate the date decisions were made for, in the programme's time zone
 * @param state the member state after the transaction
 * @param effects what was decided, in the order decided
 * @param firedRules every rule that fired, in firing order
 * @param version the programme and rules that decided it; null in outcomes written before 0.5
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Outcome(@Nullable String transactionId, LocalDate businessDate, MemberState state,
    List<Effect> effects, List<FiredRule> firedRules,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") @Nullable EngineVersion version) {

  /** An outcome without a version, as outcomes were before 0.5. */
  public Outcome(@Nullable String transactionId, LocalDate businessDate, MemberState state,
      List<Effect> effects, List<FiredRule> firedRules) {
    this(transactionId, businessDate, state, effects, firedRules, null);
  }

  public Outcome {
    Check.notNull("outcome.businessDate", businessDate);
    Check.notNull("outcome.state", state);
    effects = Check.list("outcome.effects", effects);
    firedRules = Check.list("outcome.firedRules", firedRules);
  }

  /** This outcome, stamped with the version that produced it. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public Outcome withVersion(EngineVersion version) {
    return new Outcome(transactionId, businessDate, state, effects, firedRules, version);
  }

  /** The effects of one type, in order. */
  public <T extends Effect> List<T> effects(Class<T> type) {
    return effects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The first effect of one type, if any. */
  public <T extends Effect> Optional<T> effect(Class<T> type) {
    return effects.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The names of the rules that fired, in firing order. */
  public List<String> firedRuleNames() {
    return firedRules.stream().map(FiredRule::name).toList();
  }
}
