package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.DEFAULT;
import static io.github.loyaltyrules.rules.Shop.ENGINE;
import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleCompilationException;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.CardIssued;
import io.github.loyaltyrules.outcome.DecisionNotApplied;
import io.github.loyaltyrules.outcome.FollowUpScheduled;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The rule model's guarantees: rules only insert decisions, the engine stamps them, equal ones
 * count once, losers are explained, loops are stopped, and the follow-up windows come from the
 * programme within its contact hours.
 */
class DecisionModelTest {

  private static LoyaltyEngine engine(Programme programme, String drl) {
    return LoyaltyEngine.builder().programme(programme)
        .rules(RuleSource.of("store.drl", drl)).build();
  }

  /** The default programme with {@code json} (an object) merged into its top level. */
  static Programme defaultWith(String json) {
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(in);
      LoyaltyJson.mapper().readTree(json).properties()
          .forEach(f -> root.set(f.getKey(), f.getValue()));
      return Programmes.fromJson(root.toString(), "test-programme.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String LOOP = """
      package com.example.store;

      import io.github.loyaltyrules.rules.facts.SaleLine;

      declare Counter
          n : int
      end

      rule "Loop: a LOOP line starts a counter"
          ruleflow-group "pricing"
      when
          SaleLine( sku == "LOOP" )
          not Counter()
      then
          insert(new Counter(0));
      end

      rule "Loop: the counter counts for ever"
          ruleflow-group "pricing"
      when
          $c : Counter()
      then
          modify($c) { setN($c.getN() + 1) }
      end
      """;

  @Test
  void aRuleThatKeepsMatchingItsOwnChangeIsStoppedAtTheFiringLimitWithItsName() {
    LoyaltyEngine engine = engine(defaultWith("{\"limits\": {\"maxFirings\": 500}}"), LOOP);
    MemberState before = member("M1");
    Transaction loop = Transaction.sale("T1", at("2026-05-04T10:00"), "S01",
        List.of(Line.of("LOOP", "TOPS", 1, cny("10.00"), cny("10.00"))));

    assertThatThrownBy(() -> engine.evaluate(before, loop))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("firings, past the limit of 500 (programme.limits)")
        .hasMessageContaining("the rules that fired most: 'Loop: the counter counts for ever'")
        .hasMessageContaining("transaction T1 of member M1");
    assertThat(before).isEqualTo(member("M1"));
  }

  @Test
  void aLoopIsStoppedAtTheTimeLimitWhenTheFiringLimitIsHigh() {
    LoyaltyEngine engine = engine(defaultWith(
        "{\"limits\": {\"maxFirings\": 2000000000, \"maxMillis\": 5}}"), LOOP);
    Transaction loop = Transaction.sale("T1", at("2026-05-04T10:00"), "S01",
        List.of(Line.of("LOOP", "TOPS", 1, cny("10.00"), cny("10.00"))));
    for (int i = 0; i < 50; i++) { // the time limit applies once the engine has warmed up
      engine.evaluate(member("W" + i), sale("W" + i, "2026-05-04T10:00", "10.00"));
    }

    assertThatThrownBy(() -> engine.evaluate(member("M1"), loop))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("past the limit of 5 ms")
        .hasMessageContaining("'Loop: the counter counts for ever'");
  }

  @Test
  void aFewSlowFiringsAreStoppedAtTheTimeLimitNotAfterSixtyFour() {
    // each firing costs far more than the limit; the time is checked at every firing
    LoyaltyEngine engine = engine(defaultWith("{\"limits\": {\"maxMillis\": 5}}"), """
        package com.example.slow;

        import io.github.loyaltyrules.rules.facts.*;
        import io.github.loyaltyrules.rules.decisions.*;

        rule "Slow: a long sum per line"
            ruleflow-group "pricing"
        when
            $l : SaleLine( sku == "SLOW" )
        then
            long x = 0;
            for (long i = 0; i < 200_000_000L; i++) {
                x = x * 31 + i;
            }
            if (x == 42) {
                insert(NoMemberRate.of($l, "never"));
            }
        end
        """);
    for (int i = 0; i < 50; i++) { // the time limit applies once the engine has warmed up
      engine.evaluate(member("W" + i), sale("W" + i, "2026-05-04T10:00", "10.00"));
    }
    Line slow = Line.of("SLOW", "TOPS", 1, cny("10.00"), cny("10.00"));
    Transaction sale = Transaction.sale("T1", at("2026-05-04T10:00"), "S01",
        List.of(slow, slow, slow));

    assertThatThrownBy(() -> engine.evaluate(member("M1"), sale))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("past the limit of 5 ms")
        .hasMessageContaining("the rules that fired most: 'Slow: a long sum per line'");
  }

  @Test
  void whileOneCallLoopsOtherThreadsKeepEvaluatingOnTheSameEngine() throws Exception {
    LoyaltyEngine engine = engine(defaultWith("{\"limits\": {\"maxFirings\": 2000}}"), LOOP);
    Outcome expected = engine.evaluate(member("M2"), sale("T2", "2026-05-04T10:00", "100.00"));
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      results.add(pool.submit(() -> {
        int refused = 0;
        for (int i = 0; i < 20; i++) {
          try {
            engine.evaluate(member("M1"), Transaction.sale("L" + i, at("2026-05-04T10:00"),
                "S01", List.of(Line.of("LOOP", "TOPS", 1, cny("10.00"), cny("10.00")))));
          } catch (EvaluationException e) {
            refused++;
          }
        }
        return refused;
      }));
      for (int t = 0; t < 2; t++) {
        results.add(pool.submit(() -> {
          int same = 0;
          for (int i = 0; i < 100; i++) {
            same += engine.evaluate(member("M2"), sale("T2", "2026-05-04T10:00", "100.00"))
                .equals(expected) ? 1 : 0;
          }
          return same;
        }));
      }
      assertThat(results.get(0).get()).isEqualTo(20);
      assertThat(results.get(1).get()).isEqualTo(100);
      assertThat(results.get(2).get()).isEqualTo(100);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void equalDecisionsOfOneRuleCountOnce() {
    // one activation per line: three equal bonuses from one rule are one bonus
    LoyaltyEngine engine = engine(DEFAULT, """
        package com.example.store;
        import io.github.loyaltyrules.rules.facts.PaidLine;
        import io.github.loyaltyrules.rules.decisions.PointsBonus;

        rule "Store: 200 points for a visit"
            ruleflow-group "points"
        when
            PaidLine()
        then
            insert(PointsBonus.basket("visit", 200));
        end
        """);

    Outcome o = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10.00", "20.00",
        "30.00"));

    assertThat(o.firedRuleNames()).filteredOn("Store: 200 points for a visit"::equals).hasSize(3);
    assertThat(o.effects(PointsCalculated.class).get(0).points()).isEqualTo(60 + 200);
  }

  @Test
  void aDecisionCarriesTheNameOfTheRuleThatMadeItAndTheLoserIsExplained() {
    LoyaltyEngine engine = engine(DEFAULT, """
        package com.example.store;
        import io.github.loyaltyrules.model.CardOrigin;
        import io.github.loyaltyrules.rules.facts.Member;
        import io.github.loyaltyrules.rules.decisions.IssueCard;

        rule "Store: staff issue every card by hand"
            ruleflow-group "cards"
        when
            Member( cardHolder == false )
        then
            insert(new IssueCard(CardOrigin.MANUAL));
        end
        """);

    Outcome o = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10.00"));

    assertThat(o.effects(CardIssued.class)).singleElement()
        .satisfies(c -> assertThat(c.rule()).isEqualTo("Card: the first purchase earns a free card"));
    assertThat(o.effects(DecisionNotApplied.class)).singleElement().satisfies(n -> {
      assertThat(n.rule()).isEqualTo("Store: staff issue every card by hand");
      assertThat(n.decision()).isEqualTo("IssueCard[origin=MANUAL]");
      assertThat(n.reason()).isEqualTo("rule 'Card: the first purchase earns a free card' issued"
          + " the card");
    });
  }

  @Test
  void theCardFeeIsChargedOnlyWhenTheCardIssuedIsTheOneSold() {
    LoyaltyEngine engine = engine(Shop.PAID_CARD, """
        package com.example.store;
        import io.github.loyaltyrules.model.CardOrigin;
        import io.github.loyaltyrules.rules.facts.Member;
        import io.github.loyaltyrules.rules.decisions.IssueCard;

        rule "Store: opening week, every first purchase earns the card free"
            ruleflow-group "cards"
        when
            Member( cardHolder == false )
        then
            insert(new IssueCard(CardOrigin.FIRST_PURCHASE));
        end
        """);

    Outcome o = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "300.00")
        .withCardPurchase());

    assertThat(o.state().card().origin()).isEqualTo(CardOrigin.FIRST_PURCHASE);
    assertThat(o.effects(io.github.loyaltyrules.outcome.CardFeeCharged.class)).isEmpty();
    assertThat(o.effects(DecisionNotApplied.class)).extracting(DecisionNotApplied::rule,
        DecisionNotApplied::reason).contains(
        org.assertj.core.api.Assertions.tuple("Card: the customer buys the card for its fee",
            "no card was sold with this purchase"));
  }

  @Test
  void twoRulesCreditingTheSameEventCreditItOnce() {
    LoyaltyEngine engine = engine(Shop.defaultWithPoints("{\"events\": {\"JOIN\": 100}}"), """
        package com.example.store;
        import io.github.loyaltyrules.rules.facts.NewCard;
        import io.github.loyaltyrules.rules.decisions.EventPoints;

        rule "Store: welcome points"
            ruleflow-group "points"
        when
            NewCard()
        then
            insert(new EventPoints("JOIN"));
        end
        """);

    Outcome o = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10.00"));

    assertThat(o.state().points().available()).isEqualTo(100);
    assertThat(o.effects(DecisionNotApplied.class)).singleElement()
        .satisfies(n -> assertThat(n.reason()).contains("credits the event JOIN once"));
  }

  @Test
  void aLowerTierThanTheOneQualifiedForIsExplainedAsNotApplied() {
    LoyaltyEngine engine = engine(Shop.FLAT, """
        package com.example.store;
        import io.github.loyaltyrules.programme.Tier;
        import io.github.loyaltyrules.rules.facts.Member;
        import io.github.loyaltyrules.rules.decisions.QualifyFor;

        rule "Store: big spenders are at least silver"
            ruleflow-group "tiers"
        when
            $silver : Tier( code == "SILVER" )
            Member( activeCard, windowSpend.amount >= 1000 )
        then
            insert(QualifyFor.because($silver, "a big spender"));
        end
        """);

    Outcome o = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10000.00"));

    assertThat(o.effects(TierChanged.class)).singleElement().satisfies(t -> {
      assertThat(t.to()).isEqualTo("GOLD");
      assertThat(t.rule()).isEqualTo("Tier: qualifying spend moves the member up at once");
    });
    assertThat(o.effects(DecisionNotApplied.class)).singleElement().satisfies(n -> {
      assertThat(n.rule()).isEqualTo("Store: big spenders are at least silver");
      assertThat(n.reason()).isEqualTo("rule 'Tier: qualifying spend moves the member up at"
          + " once' qualifies the member for a higher tier");
    });
  }

  @Test
  void aRetailersReasonIsTheReasonTheOutcomeGives() {
    LoyaltyEngine engine = engine(Shop.FLAT, """
        package com.example.store;
        import io.github.loyaltyrules.programme.Tier;
        import io.github.loyaltyrules.rules.facts.Member;
        import io.github.loyaltyrules.rules.decisions.QualifyFor;

        rule "Store: founders are gold"
            ruleflow-group "tiers"
        when
            $gold : Tier( code == "GOLD" )
            Member( activeCard, attributes["founder"] == "yes", tierRank < $gold.rank )
        then
            insert(new QualifyFor($gold));
        end
        """);
    MemberState founder = MemberState.newMember(new CustomerProfile("F1", null, null, null, null,
        null, null, null, null, null, Map.of("founder", "yes")));

    Outcome o = engine.evaluate(founder, sale("T1", "2026-05-04T10:00", "10.00"));

    // no reason given: the engine does not pretend the spend reached the tier
    assertThat(o.effects(TierChanged.class)).singleElement().satisfies(t -> assertThat(t.reason())
        .isEqualTo("rule 'Store: founders are gold' qualifies the member for Gold card"));
  }

  @Test
  void aRuleCannotReachTheEnginesBookkeeping() {
    assertThatThrownBy(() -> engine(DEFAULT, """
        package com.example.store;
        import io.github.loyaltyrules.rules.internal.Evaluation;

        rule "Store: forge"
        when
            $e : Evaluation()
        then
            $e.stamp("Card: the first purchase earns a free card");
        end
        """)).isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("store.drl");
  }

  @Test
  void aLateDecisionTheBuildCannotSeeFailsTheEvaluationNamingTheRuleAndThePhase() {
    // the build refuses a late decision named as imported (RuleValidatorTest); one named in
    // full is caught when the rule fires
    LoyaltyEngine engine = engine(DEFAULT, """
        package com.example.store;
        import io.github.loyaltyrules.rules.facts.SaleLine;

        rule "Store: late"
            ruleflow-group "follow-ups"
        when
            $l : SaleLine()
        then
            insert(io.github.loyaltyrules.rules.decisions.NoMemberRate.of($l, "too late"));
        end
        """);

    assertThatThrownBy(() -> engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00",
        "10.00"))).isInstanceOf(EvaluationException.class)
        .hasMessageContaining("rule 'Store: late' decided NoMemberRate[line=0, reason=too late]"
            + " in phase follow-ups, but pricing decisions are settled before it; put the rule"
            + " in ruleflow-group \"pricing\"");
  }

  @Test
  void aRuleWithoutAPhaseStillFiresAndItsDecisionIsSettled() {
    LoyaltyEngine engine = engine(DEFAULT, """
        package com.example.store;
        import io.github.loyaltyrules.rules.facts.SaleLine;
        import io.github.loyaltyrules.rules.decisions.PromotionRate;

        rule "Store: ten percent off scarves"
        when
            $l : SaleLine( category == "SCARVES" )
        then
            insert(PromotionRate.of($l, "scarves", new java.math.BigDecimal("0.90"), true));
        end
        """);
    Transaction scarf = Transaction.sale("T1", at("2026-05-04T10:00"), "S01",
        List.of(Line.of("SC-1", "SCARVES", 1, cny("50.00"), cny("50.00"))));

    assertThat(engine.quote(member("M1"), scarf).total()).isEqualTo(cny("45.00"));
  }

  @Test
  void aPromotionThatStopsLaterOnesLeavesThemNotApplied() {
    LoyaltyEngine engine = engine(DEFAULT, """
        package com.example.store;
        import java.math.BigDecimal;
        import io.github.loyaltyrules.rules.facts.SaleLine;
        import io.github.loyaltyrules.rules.decisions.PromotionRate;

        rule "Store: coats 10 % off, and nothing else"
            ruleflow-group "pricing"
        when
            $l : SaleLine( category == "COATS" )
        then
            insert(PromotionRate.of($l, "coats", new BigDecimal("0.90"), true).withPriority(2)
                .stoppingLaterOnes());
            insert(PromotionRate.of($l, "clearance", new BigDecimal("0.80"), true));
        end
        """);
    Transaction coat = Transaction.sale("T1", at("2026-05-04T10:00"), "S01",
        List.of(Line.of("CO-1", "COATS", 1, cny("100.00"), cny("100.00"))));

    var priced = engine.quote(member("M1"), coat, io.github.loyaltyrules.Explanation.FULL);

    assertThat(priced.total()).isEqualTo(cny("90.00"));
    assertThat(priced.lines().get(0).notApplied()).contains(
        new io.github.loyaltyrules.outcome.NotApplied("promotion:clearance",
            "not applied after promotion:coats, which stops the promotions after it"));
  }

  @Test
  void anAmountOffEachUnitAndAFixedUnitPriceApplyAfterTheRates() {
    LoyaltyEngine engine = engine(DEFAULT, """
        package com.example.store;
        import io.github.loyaltyrules.model.Money;
        import io.github.loyaltyrules.rules.facts.SaleLine;
        import io.github.loyaltyrules.rules.decisions.LineAmountOff;

        rule "Store: 20.00 off each scarf"
            ruleflow-group "pricing"
        when
            $l : SaleLine( category == "SCARVES" )
        then
            insert(LineAmountOff.perUnit($l, "scarf-20", Money.of("20.00", "CNY")));
        end

        rule "Store: every umbrella 39.00"
            ruleflow-group "pricing"
        when
            $l : SaleLine( category == "UMBRELLAS" )
        then
            insert(LineAmountOff.fixedPrice($l, "umbrella-39", Money.of("39.00", "CNY")));
        end
        """);
    Transaction basket = Transaction.sale("T1", at("2026-05-04T10:00"), "S01", List.of(
        Line.of("SC-1", "SCARVES", 2, cny("50.00"), cny("50.00")),
        Line.of("UM-1", "UMBRELLAS", 1, cny("59.00"), cny("59.00")),
        Line.of("UM-2", "UMBRELLAS", 1, cny("35.00"), cny("35.00"))));

    var priced = engine.quote(member("M1"), basket, io.github.loyaltyrules.Explanation.FULL);

    assertThat(priced.lines()).extracting(l -> l.total())
        .containsExactly(cny("60.00"), cny("39.00"), cny("35.00"));
    assertThat(priced.lines().get(2).notApplied()).contains(
        new io.github.loyaltyrules.outcome.NotApplied("promotion:umbrella-39",
            "the line already costs 35.00 CNY, no more than 39.00 CNY a unit"));
  }

  @Test
  void followUpWindowsComeFromTheProgrammeWithinItsContactHours() {
    Programme until18 = defaultWith("{\"followUps\": {\"contactTo\": \"18:00\"}}");
    Programme ownWindow = defaultWith("{\"followUps\": {\"windows\": {\"TIER_CONGRATULATIONS\":"
        + " {\"from\": \"11:00\", \"to\": \"13:00\", \"validDays\": 2}}}}");
    MemberState consenting = MemberState.newMember(new CustomerProfile("M1", null, null, null,
        null, null, null, null, "A1", Map.of(Channel.MESSAGING, true), null));

    FollowUp clamped = congratulation(Shop.engine(until18).evaluate(consenting,
        sale("T1", "2026-05-04T10:00", "3000.00")));
    FollowUp own = congratulation(Shop.engine(ownWindow).evaluate(consenting,
        sale("T1", "2026-05-04T10:00", "3000.00")));

    assertThat(List.of(clamped.from(), clamped.to()))
        .containsExactly(LocalTime.of(10, 0), LocalTime.of(18, 0));
    assertThat(List.of(own.from(), own.to(), own.validUntil().toString()))
        .containsExactly(LocalTime.of(11, 0), LocalTime.of(13, 0), "2026-05-07");
  }

  private static FollowUp congratulation(Outcome o) {
    return o.effects(FollowUpScheduled.class).stream().map(FollowUpScheduled::followUp)
        .filter(f -> f.kind() == FollowUpKind.TIER_CONGRATULATIONS).findFirst().orElseThrow();
  }

  @Test
  void theDefaultEngineIsUnaffectedByTheseRules() {
    assertThat(ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10.00"))
        .effects(DecisionNotApplied.class)).isEmpty();
  }
}
