package io.github.loyaltyrules.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.EngineVersion;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
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
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.drools.core.common.InternalWorkingMemory;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * What a kept session holds stays bounded however many evaluations it serves (issue 19): the
 * million-line batch ran out of heap on the matches Drools keeps of deleted facts.
 */
class KeptSessionsBoundTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"),
      ZoneOffset.UTC);
  private static final Currency CNY = Currency.getInstance("CNY");
  private static final String FLAG = "Tier: flag a member near the next tier";

  /** The batch's five-line sale (benchmarks/cli/make-night.py), for the {@code i}-th member. */
  private static Transaction fiveLines(int i) {
    Money top = Money.of(new BigDecimal("129.00"), CNY);
    Money knit = Money.of(new BigDecimal("399.00"), CNY);
    Money scarf = Money.of(new BigDecimal("59.90"), CNY);
    Money coat = Money.of(new BigDecimal("899.00"), CNY);
    Money sock = Money.of(new BigDecimal("19.90"), CNY);
    return Transaction.sale("T" + i, Instant.parse("2026-05-04T02:00:00Z"), "S0" + (i % 10),
        List.of(Line.of("TOP-" + i, "TOPS", 1 + i % 2, top, top),
            Line.of("KNIT-" + i, "KNITWEAR", 2 - i % 2, knit, knit),
            Line.of("SCARF-" + i, "ACCESSORIES", 1 + i % 2, scarf, scarf),
            Line.of("COAT-" + i, "COATS", 2 - i % 2, coat, coat),
            Line.of("SOCK-" + i, "ACCESSORIES", 1 + i % 2, sock, sock)));
  }

  private static LoyaltyEngine engine(Programme programme,
      SessionStrategy.Sessions sessions) {
    return new DroolsLoyaltyEngine(programme, CLOCK, sessions,
        EngineVersion.of(programme.id(), RuleCompiler.defaultPack()));
  }

  /**
   * Why a kept session cannot serve for ever: in Drools 10.1 a rule of one pattern keeps a match
   * of every fact it matched, deleted or not, in a session that is never reset.
   */
  @Test
  void aRuleOfOnePatternKeepsTheMatchesOfDeletedFactsInASessionNeverReset() {
    KieBase base = RuleCompiler.compile(List.of(RuleSource.of("one.drl", """
        package com.example.one;
        import io.github.loyaltyrules.model.Transaction;
        import io.github.loyaltyrules.programme.Programme;

        rule "One pattern" ruleflow-group "cards" when Transaction() then end
        rule "Two patterns" ruleflow-group "cards" when Transaction() Programme() then end
        """)));
    KieSession session = base.newKieSession();
    session.insert(Programmes.seedsDefault());
    for (int i = 0; i < 100; i++) {
      FactHandle sale = session.insert(fiveLines(i));
      session.getAgenda().getAgendaGroup("cards").setFocus();
      session.fireAllRules();
      session.delete(sale);
      // and even when the group is given the focus again after the delete
      session.getAgenda().getAgendaGroup("cards").setFocus();
      session.fireAllRules();
      ((InternalWorkingMemory) session).flushPropagations();
    }
    Map<String, Integer> held = SessionProbe.tuples(session);
    session.dispose();

    assertThat(session.getFactCount()).isZero();
    assertThat(held).containsEntry("dormant matches: One pattern", 100)
        .doesNotContainKey("dormant matches: Two patterns");
  }

  /**
   * Sessions renewed every 100 evaluations: after 1,000 sales of distinct members the session
   * holds what it held after the same number since it was made, never more than in its first
   * hundred; without the renewal it holds a match of every member near the next tier.
   */
  @Test
  void whatAKeptSessionHoldsStaysBoundedOverManyEvaluations() {
    KieBase base = RuleCompiler.compile(RuleCompiler.defaultPack());
    Programme programme = Programmes.seedsDefault();
    KeptSessions renewed = new KeptSessions(base, programme, 1, 100);
    KeptSessions never = new KeptSessions(base, programme, 1, Integer.MAX_VALUE);
    LoyaltyEngine withRenewal = engine(programme, renewed);
    LoyaltyEngine withoutRenewal = engine(programme, never);
    List<Integer> held = new ArrayList<>();
    List<Integer> facts = new ArrayList<>();

    for (int i = 0; i < 1_000; i++) {
      MemberState member = MemberState.newMember(CustomerProfile.anonymous("M" + i));
      withRenewal.evaluate(member, fiveLines(i));
      withoutRenewal.evaluate(member, fiveLines(i));
      KieSession session = renewed.peekIdle();
      held.add(session == null ? -1 : SessionProbe.total(SessionProbe.tuples(session)));
      facts.add(session == null ? -1 : (int) session.getFactCount());
    }
    KieSession unrenewed = never.peekIdle();
    Map<String, Integer> leftWithout = unrenewed == null ? Map.of()
        : SessionProbe.tuples(unrenewed);

    // made at the start, and after the 100th, 200th ... 900th evaluation
    assertThat(renewed.made()).isEqualTo(10);
    assertThat(never.made()).isEqualTo(1);
    // the 100th, 200th ... evaluation disposes its session: none idle then
    for (int i = 99; i < 1_000; i += 100) {
      assertThat(held.get(i)).isEqualTo(-1);
    }
    int most = 0;
    for (int i = 0; i < 99; i++) {
      most = Math.max(most, held.get(i));
    }
    for (int i = 100; i < 1_000; i++) {
      if (i % 100 != 99) {
        // the i-th evaluation of a session made anew holds what the same one of the first did
        assertThat(held.get(i)).as("evaluation %d", i).isEqualTo(held.get(i % 100))
            .isLessThanOrEqualTo(most);
        assertThat(facts.get(i)).isEqualTo(facts.get(0));
      }
    }
    assertThat(leftWithout.getOrDefault("dormant matches: " + FLAG, 0)).isGreaterThan(400);
    assertThat(most).isLessThan(400);
  }

  /** Across renewals, the outcomes of fresh sessions, fired rules and their order included. */
  @Test
  void sessionsRenewedEveryFewEvaluationsGiveTheOutcomesOfFreshSessions() {
    KieBase base = RuleCompiler.compile(RuleCompiler.defaultPack());
    Programme programme = Programmes.seedsDefault();
    List<History> histories = Histories.generate(20261207L, 12, 25);
    LoyaltyEngine fresh = DroolsEngineFactory.create(new EngineSpec(programme, CLOCK, true,
        List.of()), SessionStrategy.FRESH_SESSION);
    KeptSessions renewed = new KeptSessions(base, programme, 1, 7);
    LoyaltyEngine kept = engine(programme, renewed);

    for (History h : histories) {
      List<Outcome> expected = h.run(fresh);
      assertThat(h.run(kept)).isEqualTo(expected);
    }
    assertThat(renewed.made()).isGreaterThan(12 * 25 / 7);
  }
}
