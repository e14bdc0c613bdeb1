package io.github.loyaltyrules.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.Explanation;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.rules.internal.Histories.History;
import io.github.loyaltyrules.spi.EngineSpec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * The pooled sessions keep the programme's facts between evaluations (issue 19) and give the
 * outcomes, fired rules and their order included, of a fresh session per evaluation.
 */
class KeptSessionsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"),
      ZoneOffset.UTC);
  private static final Currency CNY = Currency.getInstance("CNY");

  private static LoyaltyEngine engine(SessionStrategy strategy, RuleSource... own) {
    return DroolsEngineFactory.create(new EngineSpec(Programmes.seedsDefault(), CLOCK, true,
        List.of(own)), strategy);
  }

  private static SessionStrategy.Sessions sessionsOf(LoyaltyEngine engine) {
    return ((DroolsLoyaltyEngine) engine).sessions();
  }

  private static Transaction sale(String id, int day, long fen) {
    Money price = Money.of(BigDecimal.valueOf(fen, 2), CNY);
    return Transaction.sale(id, Instant.parse("2026-03-01T04:00:00Z").plusSeconds(day * 86_400L),
        "S01", List.of(Line.of("SKU-1", "TOPS", 1, price, price),
            Line.of("SKU-2", "TOPS", 2, price, price)));
  }

  @Test
  void theDefaultPackKeepsTheProgrammesFactsInItsPooledSessions() {
    assertThat(sessionsOf(engine(SessionStrategy.POOLED))).isInstanceOf(KeptSessions.class);
    assertThat(sessionsOf(engine(SessionStrategy.FRESH_SESSION)))
        .isNotInstanceOf(KeptSessions.class);
  }

  private static final String ALONE = " (it can match the programme's facts alone, so it would"
      + " fire once per session, not once per evaluation)";
  private static final String ORDER = " (its conditions before the first fact of the evaluation"
      + " can match several programme facts, so its matches could fire in another order)";

  @Test
  void rulesThatWouldNotWorkTheSameWithTheProgrammesFactsKeptAreFound() {
    KieBase base = RuleCompiler.compile(List.of(RuleSource.of("only.drl", """
        package com.example.only;
        import io.github.loyaltyrules.model.Transaction;
        import io.github.loyaltyrules.programme.Programme;
        import io.github.loyaltyrules.programme.Tier;
        import io.github.loyaltyrules.rules.facts.Member;
        import io.github.loyaltyrules.rules.facts.SaleLine;

        rule "Only: the programme" when Programme() then end
        rule "Only: no transaction" when Programme() not Transaction() then end
        rule "Only: a member exists" when exists Member() Tier() then end
        rule "Only: no condition" when then end
        rule "Order: two tiers before a line" when Tier() SaleLine() then end
        rule "Evaluation: a member of a tier" when Member() Tier() then end
        rule "Evaluation: the programme before a line" when Programme() SaleLine() then end
        """)));

    assertThat(KeptFactsCheck.obstacles(base, Pipeline.programmeFacts(
        Programmes.seedsDefault()))).containsExactlyInAnyOrder(
            "'Only: the programme'" + ALONE, "'Only: no transaction'" + ALONE,
            "'Only: a member exists'" + ALONE, "'Only: no condition'" + ALONE, "'Order: two tiers before a line'" + ORDER);
  }

  @Test
  void theDefaultPackWorksTheSameWithTheProgrammesFactsKept() {
    KieBase base = RuleCompiler.compile(RuleCompiler.defaultPack());

    assertThat(KeptFactsCheck.obstacles(base, Pipeline.programmeFacts(
        Programmes.seedsDefault()))).isEmpty();
    assertThat(KeptFactsCheck.obstacles(base, Pipeline.programmeFacts(
        Programmes.seedsPaidCard()))).isEmpty();
  }

  @Test
  void aRuleThatMatchesOnlyTheProgrammeStillFiresOncePerEvaluation() {
    LoyaltyEngine engine = engine(SessionStrategy.POOLED, RuleSource.of("only.drl", """
        package com.example.only;
        import io.github.loyaltyrules.programme.Programme;

        rule "Only: the programme, in every evaluation"
            ruleflow-group "follow-ups"
        when
            Programme()
        then
        end
        """));
    assertThat(sessionsOf(engine)).isNotInstanceOf(KeptSessions.class);

    MemberState state = MemberState.newMember(CustomerProfile.anonymous("M1"));
    List<Integer> firings = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Outcome o = engine.evaluate(state, sale("T" + i, i, 100_00));
      firings.add(Collections.frequency(o.firedRuleNames(),
          "Only: the programme, in every evaluation"));
      state = o.state();
    }

    assertThat(firings).containsExactly(1, 1, 1);
  }

  private static final RuleSource FAILING = RuleSource.of("failing.drl", """
      package com.example.failing;
      import io.github.loyaltyrules.model.Transaction;
      import io.github.loyaltyrules.programme.Tier;
      import io.github.loyaltyrules.rules.decisions.*;

      rule "Failing: a refused sale"
          ruleflow-group "cards"
      when
          Transaction( id == "REFUSED" )
      then
          insert(new Refuse("refused for the test"));
      end

      rule "Failing: a rule that divides by zero"
          ruleflow-group "pricing"
      when
          $t : Transaction( id == "FAILS" )
      then
          int zero = $t.id().length() - 5;
          insert(new Refuse("never: " + (1 / zero)));
      end

      rule "Failing: a rule that deletes the programme's tiers"
          ruleflow-group "follow-ups"
      when
          Transaction( id == "DELETES" )
          $t : Tier()
      then
          delete($t);
      end
      """);

  @Test
  void aSessionWhoseEvaluationThrewIsNotReused() {
    LoyaltyEngine pooled = engine(SessionStrategy.POOLED, FAILING);
    LoyaltyEngine fresh = engine(SessionStrategy.FRESH_SESSION, FAILING);
    KeptSessions sessions = (KeptSessions) sessionsOf(pooled);
    MemberState state = MemberState.newMember(CustomerProfile.anonymous("M1"));
    MemberState other = state;
    List<String> pool = new ArrayList<>();

    Outcome first = pooled.evaluate(state, sale("S1", 1, 200_00));
    pool.add(sessions.made() + "/" + sessions.idle());
    assertThatThrownBy(() -> pooled.evaluate(first.state(), sale("REFUSED", 2, 10_00)))
        .isInstanceOf(RefusedException.class);
    pool.add(sessions.made() + "/" + sessions.idle());
    Outcome second = pooled.evaluate(first.state(), sale("S2", 3, 300_00));
    pool.add(sessions.made() + "/" + sessions.idle());
    assertThatThrownBy(() -> pooled.evaluate(second.state(), sale("FAILS", 4, 10_00)))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("Failing: a rule that divides by zero");
    pool.add(sessions.made() + "/" + sessions.idle());
    Outcome third = pooled.evaluate(second.state(), sale("S3", 5, 400_00));
    pool.add(sessions.made() + "/" + sessions.idle());

    // made/idle: the session of each failed evaluation is disposed, the next one made anew
    assertThat(pool).containsExactly("1/1", "1/0", "2/1", "2/0", "3/1");
    Outcome freshFirst = fresh.evaluate(other, sale("S1", 1, 200_00));
    Outcome freshSecond = fresh.evaluate(freshFirst.state(), sale("S2", 3, 300_00));
    Outcome freshThird = fresh.evaluate(freshSecond.state(), sale("S3", 5, 400_00));
    assertThat(List.of(first, second, third))
        .containsExactly(freshFirst, freshSecond, freshThird);
  }

  @Test
  void aSessionWhoseRulesDeletedAProgrammeFactIsNotReused() {
    LoyaltyEngine pooled = engine(SessionStrategy.POOLED, FAILING);
    LoyaltyEngine fresh = engine(SessionStrategy.FRESH_SESSION, FAILING);
    KeptSessions sessions = (KeptSessions) sessionsOf(pooled);
    List<Transaction> sales = List.of(sale("S1", 1, 2_000_00), sale("DELETES", 2, 3_000_00),
        sale("S2", 3, 4_000_00), sale("S3", 4, 5_000_00));
    List<Outcome> fromPool = new ArrayList<>();
    List<Outcome> fromFresh = new ArrayList<>();
    List<String> pool = new ArrayList<>();
    MemberState a = MemberState.newMember(CustomerProfile.anonymous("M1"));
    MemberState b = a;

    for (Transaction t : sales) {
      Outcome p = pooled.evaluate(a, t);
      Outcome f = fresh.evaluate(b, t);
      fromPool.add(p);
      fromFresh.add(f);
      pool.add(sessions.made() + "/" + sessions.idle());
      a = p.state();
      b = f.state();
    }

    assertThat(fromPool.get(1).firedRuleNames())
        .contains("Failing: a rule that deletes the programme's tiers");
    assertThat(pool).containsExactly("1/1", "1/0", "2/1", "2/1");
    assertThat(fromPool).isEqualTo(fromFresh);
  }

  @Test
  void aSessionAskedForAnotherProgrammeIsNotKept() {
    KieBase base = RuleCompiler.compile(RuleCompiler.defaultPack());
    Programme programme = Programmes.seedsDefault();
    KeptSessions sessions = new KeptSessions(base, programme, 2);

    SessionStrategy.Lease same = sessions.get();
    boolean holdsSame = same.holds(programme);
    same.end(true);
    SessionStrategy.Lease other = sessions.get();
    boolean holdsOther = other.holds(Programmes.seedsPaidCard());
    other.end(true);

    assertThat(List.of(holdsSame, holdsOther)).containsExactly(true, false);
    assertThat(sessions.made() + "/" + sessions.idle()).isEqualTo("1/0");
  }

  @Test
  void atMostTheGivenNumberOfSessionsIsKeptWhenMoreRanAtOnce() {
    KieBase base = RuleCompiler.compile(RuleCompiler.defaultPack());
    Programme programme = Programmes.seedsDefault();
    KeptSessions sessions = new KeptSessions(base, programme, 2);

    List<SessionStrategy.Lease> atOnce = List.of(sessions.get(), sessions.get(), sessions.get());
    for (SessionStrategy.Lease lease : atOnce) {
      lease.holds(programme);
      lease.end(true);
    }

    assertThat(sessions.made() + "/" + sessions.idle()).isEqualTo("3/2");
  }

  @Test
  void aSessionThatDidNotCompleteIsDisposed() {
    KieBase base = RuleCompiler.compile(RuleCompiler.defaultPack());
    Programme programme = Programmes.seedsDefault();
    KeptSessions sessions = new KeptSessions(base, programme, 2);

    SessionStrategy.Lease lease = sessions.get();
    lease.holds(programme);
    lease.end(false);

    assertThat(sessions.made() + "/" + sessions.idle()).isEqualTo("1/0");
  }

  @Test
  void evaluationsOnManyThreadsGiveTheOutcomesOfFreshSessionsOneByOne() throws Exception {
    List<History> histories = Histories.generate(20261206L, 40, 40);
    LoyaltyEngine fresh = engine(SessionStrategy.FRESH_SESSION);
    List<List<Outcome>> expected = new ArrayList<>();
    for (History h : histories) {
      expected.add(h.run(fresh));
    }
    LoyaltyEngine pooled = engine(SessionStrategy.POOLED);
    assertThat(sessionsOf(pooled)).isInstanceOf(KeptSessions.class);

    int threads = 4;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<List<Outcome>>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < histories.size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(t));
        results.add(executor.submit(() -> {
          List<List<Outcome>> mine =
              new ArrayList<>(Collections.nCopies(histories.size(), null));
          for (int i : order) {
            mine.set(i, histories.get(i).run(pooled));
          }
          return mine;
        }));
      }
      for (Future<List<List<Outcome>>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void quotesWithTheFullExplanationAreThoseOfFreshSessions() {
    LoyaltyEngine pooled = engine(SessionStrategy.POOLED);
    LoyaltyEngine fresh = engine(SessionStrategy.FRESH_SESSION);
    MemberState state = MemberState.newMember(CustomerProfile.anonymous("M1"));
    List<BasketPriced> fromPool = new ArrayList<>();
    List<BasketPriced> fromFresh = new ArrayList<>();

    for (int i = 1; i <= 5; i++) {
      Transaction t = sale("Q" + i, i, i * 150_00L);
      fromPool.add(pooled.quote(state, t, Explanation.FULL));
      fromFresh.add(fresh.quote(state, t, Explanation.FULL));
      state = pooled.evaluate(state, t).state();
    }

    assertThat(fromPool).isEqualTo(fromFresh);
  }
}
