package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.ENGINE;
import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleCompilationException;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.FiredRule;
import io.github.loyaltyrules.outcome.Outcome;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine as a host sees it: a pure function of its inputs, with errors that say where. */
class EngineContractTest {

  @Test
  void theOutcomeListsTheRulesThatFiredInOrderWithTheirPackage() {
    Outcome outcome = ENGINE.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "2000.00"));

    String pack = "io.github.loyaltyrules.rules.defaults";
    assertThat(outcome.firedRules()).containsExactly(
        new FiredRule("Card: the first purchase earns a free card", pack),
        new FiredRule("Member rate: an active card gets the tier's rate", pack),
        new FiredRule("Spend: a sale or a return changes the qualifying spend", pack),
        new FiredRule("Points: a sale earns points on what was paid", pack),
        new FiredRule("Points: the tier's multiplier applies to every line", pack),
        new FiredRule("Tier: qualifying spend moves the member up at once", pack),
        new FiredRule("Follow-up: a sale is followed up on days 3, 7, 15 and 30", pack),
        new FiredRule("Follow-up: an upgrade is congratulated", pack));
    assertThat(outcome.transactionId()).isEqualTo("T1");
    assertThat(outcome.businessDate()).isEqualTo(LocalDate.of(2026, 5, 4));
  }

  @Test
  void theSameInputGivesAnEqualOutcomeAndLeavesTheInputStateAsItWas() {
    MemberState before = member("M1");
    Transaction sale = sale("T1", "2026-05-04T10:00", "2000.00");

    Outcome first = ENGINE.evaluate(before, sale);
    Outcome second = ENGINE.evaluate(before, sale);

    assertThat(second).isEqualTo(first);
    assertThat(before).isEqualTo(member("M1"));
    assertThat(before.card()).isNull();
  }

  @Test
  void aTransactionInAnotherCurrencyIsRefused() {
    Money dollars = Money.of("20.00", "USD");
    Transaction sale = Transaction.sale("T9", at("2026-05-04T10:00"), "S01",
        List.of(Line.of("SKU-1", "TOPS", 1, dollars, dollars)));

    assertThatThrownBy(() -> ENGINE.evaluate(member("M1"), sale))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("transaction T9 is in USD")
        .hasMessageContaining("CNY");
  }

  @Test
  void aCardInATierTheProgrammeDoesNotKnowIsRefusedWithTheTierAndTheFix() {
    MemberState state = member("M1").withCard(new Card("VIP-M1", "PLATINUM", CardStatus.ACTIVE,
        LocalDate.of(2026, 1, 5), CardOrigin.MANUAL));

    assertThatThrownBy(() -> ENGINE.evaluate(state, sale("T1", "2026-05-04T10:00", "1.00")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("member M1: the card's tier 'PLATINUM' is not a tier of programme"
            + " seeds-default; map it to a current tier before evaluating");
  }

  @Test
  void aRuleFileThatDoesNotCompileFailsTheBuildWithFileAndLine() {
    String broken = """
        package com.example.store;

        import io.github.loyaltyrules.rules.facts.Member;

        rule "Broken"
        when
            $m : Member( noSuchProperty == 1 )
        then
        end
        """;

    assertThatThrownBy(() -> LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .rules(RuleSource.of("store-42.drl", broken)).build())
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.problems()).isNotEmpty();
          assertThat(e.problems().get(0)).startsWith("store-42.drl:7:18: rule 'Broken':"
              + " `noSuchProperty` is not a field of Member; the fields of Member are");
          assertThat(e.getMessage()).contains("store-42.drl:7").contains("noSuchProperty");
        });
  }

  @Test
  void aTextComparedWithATierFailsTheBuildWithFileLineAndRule() {
    String mismatched = """
        package com.example.store;

        import io.github.loyaltyrules.rules.facts.*;

        rule "Store: gold members"
            ruleflow-group "tiers"
        when
            Member( activeCard,
                    tier == "GOLD" )
        then
        end
        """;

    assertThatThrownBy(() -> LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .rules(RuleSource.of("store.drl", mismatched)).build())
        .isInstanceOfSatisfying(RuleCompilationException.class, e ->
            assertThat(e.problems()).containsExactly("store.drl:9:13: rule 'Store: gold members':"
                + " compares tier, a Tier, with the text \"GOLD\", so the condition can never"
                + " hold; compare tier.code == \"GOLD\""));
  }

  @Test
  void aRuleThatThrowsIsReportedWithItsNameAndTheMember() {
    String throwing = """
        package com.example.store;

        import io.github.loyaltyrules.model.Transaction;

        rule "Store: divide by the item count"
        when
            Transaction( $n : itemCount == 0, kind == io.github.loyaltyrules.model.TransactionKind.VISIT )
        then
            int x = 1 / $n;
        end
        """;
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .rules(RuleSource.of("store.drl", throwing)).build();

    assertThatThrownBy(() -> engine.evaluate(member("M7"),
        Transaction.visit("V1", at("2026-05-04T10:00"), "S01")))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("rule 'Store: divide by the item count' failed")
        .hasMessageContaining("member M7")
        .hasMessageContaining("/ by zero");
  }

  @Test
  void anEngineNeedsAProgramme() {
    assertThatThrownBy(() -> LoyaltyEngine.builder().build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("engine.programme");
  }

  @Test
  void anEngineWithoutTheDefaultPackNeedsRules() {
    assertThatThrownBy(() -> LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .withoutDefaultRules().build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("engine.rules");
  }

  @Test
  void withoutTheDefaultPackOnlyTheRetailersRulesRun() {
    String onlyFlag = """
        package com.example.store;

        import io.github.loyaltyrules.rules.facts.Member;
        import io.github.loyaltyrules.rules.decisions.IssueCard;
        import io.github.loyaltyrules.model.CardOrigin;

        rule "Store: every visitor gets a card"
            ruleflow-group "cards"
        when
            Member( cardHolder == false )
        then
            insert(new IssueCard(CardOrigin.MANUAL));
        end
        """;
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .withoutDefaultRules().rules(RuleSource.of("store.drl", onlyFlag)).build();

    Outcome outcome = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "5000.00"));

    assertThat(outcome.firedRuleNames()).containsExactly("Store: every visitor gets a card");
    assertThat(outcome.state().card().origin()).isEqualTo(CardOrigin.MANUAL);
    assertThat(outcome.state().monthlySpend()).isEmpty();
  }

  @Test
  void aRuleSetThatNeverMatchesTheMemberStillEvaluatesASale() {
    // no rule matches Member: Drools keeps no object behind its handle, and replacing the
    // member after each phase must not trip over that
    String onlyPoints = """
        package com.example.store;

        import io.github.loyaltyrules.rules.facts.PaidLine;
        import io.github.loyaltyrules.rules.decisions.PointsBonus;

        rule "Store: ten points a line"
            ruleflow-group "points"
        when
            $l : PaidLine()
        then
            insert(PointsBonus.of($l, "store", 10));
        end
        """;
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(Shop.DEFAULT)
        .withoutDefaultRules().rules(RuleSource.of("store.drl", onlyPoints)).build();

    Outcome outcome = engine.evaluate(member("M1"),
        sale("T1", "2026-05-04T10:00", "10.00", "20.00"));

    assertThat(outcome.firedRuleNames()).containsExactly("Store: ten points a line",
        "Store: ten points a line");
  }
}
