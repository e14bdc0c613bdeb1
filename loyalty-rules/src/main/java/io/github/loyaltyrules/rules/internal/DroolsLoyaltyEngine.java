package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.rules.Evaluation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import org.kie.api.KieBase;

/**
 * The Drools engine: rules compiled once into a {@link KieBase}, each call run in its own
 * session. Thread-safe: the KieBase and the session strategy are shared, every call has its
 * own {@link Evaluation}.
 */
final class DroolsLoyaltyEngine implements LoyaltyEngine {
  private final Programme programme;
  private final Clock clock;
  private final SessionStrategy.Runner runner;

  DroolsLoyaltyEngine(Programme programme, Clock clock, KieBase base, SessionStrategy strategy) {
    this.programme = programme;
    this.clock = clock;
    this.runner = strategy.runner(base, new FiringRecorder());
  }

  @Override
  public Programme programme() {
    return programme;
  }

  @Override
  public Outcome evaluate(MemberState state, Transaction transaction) {
    Check.notNull("state", state);
    Check.notNull("transaction", transaction);
    Currency currency = transaction.currency();
    if (currency != null && !currency.equals(programme.currency())) {
      throw new EvaluationException("transaction " + transaction.id() + " is in " + currency
          + " but programme " + programme.id() + " uses " + programme.currency()
          + "; convert it or evaluate it with that currency's programme");
    }
    LocalDate today = transaction.time().atZone(programme.timeZone()).toLocalDate();
    return run(new Evaluation(programme, state, transaction, today),
        "transaction " + transaction.id());
  }

  @Override
  public Outcome assess(MemberState state) {
    return assess(state, LocalDate.now(clock.withZone(programme.timeZone())));
  }

  @Override
  public Outcome assess(MemberState state, LocalDate date) {
    Check.notNull("state", state);
    Check.notNull("date", date);
    return run(new Evaluation(programme, state, null, date), "assessment on " + date);
  }

  private Outcome run(Evaluation evaluation, String what) {
    try {
      runner.run(evaluation);
    } catch (LoyaltyException e) {
      throw e;
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      if (root instanceof LoyaltyException le) {
        throw le;
      }
      throw new EvaluationException("rule '" + evaluation.firingRule() + "' failed during " + what
          + " of member " + evaluation.getBefore().memberId() + ": " + root.getMessage(), e);
    }
    return evaluation.toOutcome();
  }
}
