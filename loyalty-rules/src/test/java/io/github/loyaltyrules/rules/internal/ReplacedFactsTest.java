package io.github.loyaltyrules.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.programme.EvaluationLimits;
import io.github.loyaltyrules.rules.decisions.ClassifyAs;
import io.github.loyaltyrules.rules.facts.ExpiringPoints;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * A fact replaced between phases must reach every rule of a later phase that the new fact
 * matches, also when the old one failed the rule's constraint. Drools 10.1 with the immutable
 * rule base the checker builds does not propagate such an update made after a firing (an
 * update before any firing does), so the session deletes and inserts the replaced fact.
 */
class ReplacedFactsTest {
  private static final KieBase BASE = RuleCompiler.compile(List.of(RuleSource.of("r.drl", """
      package r;
      import io.github.loyaltyrules.rules.facts.*;
      import io.github.loyaltyrules.rules.decisions.*;

      rule "three points or more"
          ruleflow-group "classification"
      when
          ExpiringPoints( points >= 3 )
      then
          insert(ClassifyAs.type("X", "three points"));
      end
      """)));

  private static ExpiringPoints points(long n) {
    return new ExpiringPoints(n, LocalDate.of(2026, 12, 31));
  }

  @Test
  void aFactReplacedAfterAFiringReachesTheRulesItNowMatches() {
    try (DroolsDecisionSession session = new DroolsDecisionSession(BASE.newKieSession(),
        EvaluationLimits.DEFAULT, "test", false)) {
      session.insert(points(0));
      assertThat(session.fire("tiers").decisions()).isEmpty();

      session.replace(points(3));

      assertThat(session.fire("classification").decisions()).extracting(Decided::rule)
          .containsExactly("three points or more");
    }
  }

  @Test
  void aFactReplacedByOneThatNoLongerMatchesLeavesTheRuleAndMatchesAgainLater() {
    try (DroolsDecisionSession session = new DroolsDecisionSession(BASE.newKieSession(),
        EvaluationLimits.DEFAULT, "test", false)) {
      session.insert(points(5));
      assertThat(session.fire("classification").decisions()).hasSize(1);

      session.replace(points(1));
      assertThat(session.fire("classification").decisions()).isEmpty();

      session.replace(points(4));
      assertThat(session.fire("classification").decisions()).hasSize(1);
    }
  }

  @Test
  void anEqualReplacementChangesNothing() {
    try (DroolsDecisionSession session = new DroolsDecisionSession(BASE.newKieSession(),
        EvaluationLimits.DEFAULT, "test", false)) {
      session.insert(points(3));
      assertThat(session.fire("classification").decisions()).hasSize(1);

      session.replace(points(3));

      assertThat(session.fire("classification").decisions()).isEmpty();
    }
  }
}
