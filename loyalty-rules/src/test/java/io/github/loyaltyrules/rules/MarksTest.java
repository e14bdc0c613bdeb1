package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.FLAT;
import static io.github.loyaltyrules.rules.Shop.NOW;
import static io.github.loyaltyrules.rules.Shop.SHANGHAI;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.returnOf;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.EvaluationException;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Mark;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.DecisionNotApplied;
import io.github.loyaltyrules.outcome.MarkCleared;
import io.github.loyaltyrules.outcome.MarkSet;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import io.github.loyaltyrules.outcome.PointsEntry;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.rules.decisions.ClearMark;
import io.github.loyaltyrules.rules.decisions.CountMark;
import io.github.loyaltyrules.rules.decisions.SetMark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules that remember (docs/RULES.md, "Marks"): a rule sets, counts and clears marks kept in the
 * member's state and matches them as facts in later evaluations, within the programme's limits.
 * On the default programme without member rates, so a sale's points are its prices.
 */
class MarksTest {
  private static final String BIG_FIRST = """
      package com.example.store;

      import io.github.loyaltyrules.model.Mark;
      import io.github.loyaltyrules.model.Transaction;
      import io.github.loyaltyrules.model.TransactionKind;
      import io.github.loyaltyrules.rules.facts.*;
      import io.github.loyaltyrules.rules.decisions.*;

      rule "Store: 200 points on the first purchase over 1,000.00, once"
          ruleflow-group "points"
      when
          Transaction( kind == TransactionKind.SALE )
          Member( activeCard )
          Basket( paidTotal.amount > 1000 )
          not Mark( name == "big-first-purchase" )
          Today( $d : date )
      then
          insert(PointsBonus.basket("big-first-purchase", 200));
          insert(SetMark.on("big-first-purchase", $d));
      end
      """;

  private static final String VISITS = """
      package com.example.store;

      import io.github.loyaltyrules.model.Mark;
      import io.github.loyaltyrules.model.Transaction;
      import io.github.loyaltyrules.model.TransactionKind;
      import io.github.loyaltyrules.rules.facts.*;
      import io.github.loyaltyrules.rules.decisions.*;

      rule "Store: count the purchases"
          ruleflow-group "points"
      when
          Transaction( kind == TransactionKind.SALE )
          Today( $d : date )
      then
          insert(CountMark.on("purchases", $d));
      end

      rule "Store: the third purchase earns 50 and starts again"
          ruleflow-group "tiers"
      when
          Mark( name == "purchases", count >= 3 )
      then
          insert(ClearMark.of("purchases"));
          insert(SetMark.of("third-purchase-reward"));
      end

      rule "Store: a reward mark is seen in the follow-ups of the same sale"
          ruleflow-group "follow-ups"
      when
          Mark( name == "third-purchase-reward" )
      then
          insert(ClearMark.of("third-purchase-reward"));
      end
      """;

  private static LoyaltyEngine engine(Programme programme, String drl) {
    return LoyaltyEngine.builder().programme(programme).clock(Clock.fixed(NOW, SHANGHAI))
        .rules(RuleSource.of("store.drl", drl)).build();
  }

  private static final LoyaltyEngine BIG = engine(FLAT, BIG_FIRST);

  private static long earned(Outcome o) {
    return o.effects(PointsCalculated.class).stream().mapToLong(PointsCalculated::points).sum();
  }

  @Test
  void theBonusComesOnceOnTheFirstPurchaseOverOneThousandAndTheMarkStaysAfterItsReturn() {
    Transaction big = sale("T3", "2026-05-06T10:00", "1500.00");
    Outcome first = BIG.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "600.00"));
    Outcome second = BIG.evaluate(first.state(), sale("T2", "2026-05-05T10:00", "600.00"));
    Outcome bonus = BIG.evaluate(second.state(), big);
    Outcome later = BIG.evaluate(bonus.state(), sale("T4", "2026-05-07T10:00", "2000.00"));
    Outcome returned = BIG.evaluate(later.state(), returnOf("R1", "2026-05-08T10:00", big,
        "1500.00"));
    Outcome after = BIG.evaluate(returned.state(), sale("T5", "2026-05-09T10:00", "1200.00"));

    assertThat(List.of(earned(first), earned(second), earned(bonus), earned(later),
        earned(after))).containsExactly(600L, 600L, 1700L, 2000L, 1200L);
    assertThat(bonus.effects(MarkSet.class)).singleElement().satisfies(m -> {
      assertThat(m.rule()).isEqualTo("Store: 200 points on the first purchase over 1,000.00,"
          + " once");
      assertThat(m.name()).isEqualTo("big-first-purchase");
      assertThat(m.date()).isEqualTo(LocalDate.of(2026, 5, 6));
      assertThat(m.count()).isEqualTo(1);
      assertThat(m.previousCount()).isZero();
      assertThat(m.reason()).isEqualTo("mark 'big-first-purchase' set (count 1, 2026-05-06)");
    });
    // the return takes back the sale's points, the bonus with them (one lot of 1,700)
    assertThat(returned.effects(PointsEntry.class)).extracting(PointsEntry::kind,
        PointsEntry::points).containsExactly(org.assertj.core.groups.Tuple.tuple(
            io.github.loyaltyrules.outcome.EntryKind.REVOKE, 1700L));
    assertThat(returned.state().marks()).containsExactly(
        new Mark("big-first-purchase", LocalDate.of(2026, 5, 6), 1));
    assertThat(after.state().marks()).isEqualTo(returned.state().marks());
    assertThat(after.effects(MarkSet.class)).isEmpty();
    assertThat(first.state().marks()).isEmpty();
  }

  @Test
  void aCountGrowsFromSaleToSaleIsMatchedAndClearedAndLaterPhasesSeeTheChange() {
    LoyaltyEngine engine = engine(FLAT, VISITS);
    Outcome one = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10.00"));
    Outcome two = engine.evaluate(one.state(), sale("T2", "2026-05-05T10:00", "10.00"));
    Outcome three = engine.evaluate(two.state(), sale("T3", "2026-05-06T10:00", "10.00"));

    assertThat(one.state().marks()).containsExactly(
        new Mark("purchases", LocalDate.of(2026, 5, 4), 1));
    assertThat(two.state().marks()).containsExactly(
        new Mark("purchases", LocalDate.of(2026, 5, 5), 2));
    assertThat(two.effects(MarkSet.class)).singleElement().satisfies(m -> {
      assertThat(m.reason()).isEqualTo("mark 'purchases' counted (count 2, 2026-05-05; it had"
          + " count 1, 2026-05-04)");
      assertThat(m.previousCount()).isEqualTo(1);
    });
    // counted in points, matched and cleared in tiers, the reward set there, matched and
    // cleared in follow-ups: the state keeps nothing
    assertThat(three.state().marks()).isEmpty();
    assertThat(three.effects()).filteredOn(e -> e instanceof MarkSet || e instanceof MarkCleared)
        .extracting(e -> e.getClass().getSimpleName() + " " + e.rule()).containsExactly(
            "MarkSet Store: count the purchases",
            "MarkCleared Store: the third purchase earns 50 and starts again",
            "MarkSet Store: the third purchase earns 50 and starts again",
            "MarkCleared Store: a reward mark is seen in the follow-ups of the same sale");
    assertThat(three.effects(MarkCleared.class).get(0).count()).isEqualTo(3);
  }

  @Test
  void twoSetsOfOneNameInAPhaseKeepTheHighestCountAndExplainTheOther() {
    LoyaltyEngine engine = engine(FLAT, """
        package com.example.store;
        import io.github.loyaltyrules.rules.facts.*;
        import io.github.loyaltyrules.rules.decisions.*;

        rule "Store: A sets two"
            ruleflow-group "cards"
        when
            Today( $d : date )
        then
            insert(SetMark.of("level", $d, 2));
        end

        rule "Store: B sets five"
            ruleflow-group "cards"
        when
            Today()
        then
            insert(SetMark.of("level", null, 5));
        end

        rule "Store: C clears a mark nobody holds"
            ruleflow-group "cards"
        when
            Today()
        then
            insert(ClearMark.of("nothing"));
        end
        """);

    Outcome o = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10.00"));

    assertThat(o.state().marks()).containsExactly(new Mark("level", null, 5));
    assertThat(o.effects(DecisionNotApplied.class)).extracting(DecisionNotApplied::rule,
        DecisionNotApplied::reason).containsExactly(
            org.assertj.core.groups.Tuple.tuple("Store: A sets two",
                "rule 'Store: B sets five' set the mark to count 5"),
            org.assertj.core.groups.Tuple.tuple("Store: C clears a mark nobody holds",
                "member M1 holds no mark 'nothing'"));
  }

  @Test
  void aMarkPastTheProgrammesNumberOfMarksFailsTheEvaluationNamingTheRuleAndLeavesTheState() {
    LoyaltyEngine engine = engine(flatWithLimits("{\"maxMarks\": 2}"), """
        package com.example.store;
        import io.github.loyaltyrules.rules.facts.*;
        import io.github.loyaltyrules.rules.decisions.*;

        rule "Store: one mark per sale"
            ruleflow-group "points"
        when
            PaidLine( $sku : sku )
        then
            insert(SetMark.of("bought-" + $sku));
        end
        """);
    MemberState two = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "10.00",
        "20.00")).state();

    assertThat(two.marks()).extracting(Mark::name).containsExactly("bought-SKU-1",
        "bought-SKU-2");
    assertThatThrownBy(() -> engine.evaluate(two, sale("T2", "2026-05-05T10:00", "10.00",
        "20.00", "30.00")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("rule 'Store: one mark per sale' sets mark 'bought-SKU-3', but member M1"
            + " holds 2 marks already, the most limits.maxMarks (2) allows; clear marks the"
            + " rules no longer need (ClearMark), or raise the limit in the programme");
  }

  @Test
  void aNameLongerThanTheProgrammeAllowsFailsTheEvaluationNamingTheRule() {
    LoyaltyEngine engine = engine(flatWithLimits("{\"maxMarkNameLength\": 8}"), """
        package com.example.store;
        import io.github.loyaltyrules.rules.facts.*;
        import io.github.loyaltyrules.rules.decisions.*;

        rule "Store: a long name"
            ruleflow-group "points"
        when
            Basket()
        then
            insert(SetMark.of("a-rather-long-name"));
        end
        """);

    assertThatThrownBy(() -> engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00",
        "10.00")))
        .isInstanceOf(EvaluationException.class)
        .hasMessage("rule 'Store: a long name' sets mark 'a-rather-long-name', whose name has 18"
            + " characters, more than limits.maxMarkNameLength (8); give the mark a shorter name,"
            + " or raise the limit in the programme");
  }

  @Test
  void theDecisionsRefuseANameThatIsNotOneAndACountUnderOne() {
    assertThatThrownBy(() -> SetMark.of("two words"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("SetMark.name")
        .hasMessageContaining("no blanks");
    assertThatThrownBy(() -> SetMark.of("x", null, 0))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("SetMark.count");
    assertThatThrownBy(() -> new CountMark("x", null, 0))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("CountMark.by");
    assertThatThrownBy(() -> ClearMark.of(" "))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("ClearMark.name");
    assertThatThrownBy(() -> SetMark.of("x".repeat(101)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("at most 100 characters");
  }

  @Test
  void theStateWithMarksIsWrittenAndReadBackAndTheNextEvaluationMatchesThem() {
    MemberState marked = BIG.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "1500.00"))
        .state();

    String json = LoyaltyJson.write(marked);
    MemberState read = LoyaltyJson.readState(json);

    assertThat(json).contains("\"marks\": [\n    {\"count\": 1, \"date\": \"2026-05-04\","
        + " \"name\": \"big-first-purchase\"}\n  ],");
    assertThat(read).isEqualTo(marked);
    assertThat(earned(BIG.evaluate(read, sale("T2", "2026-05-05T10:00", "1500.00"))))
        .isEqualTo(1500);
  }

  private static Programme flatWithLimits(String limits) {
    try {
      ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(
          LoyaltyJson.write(FLAT));
      root.set("limits", LoyaltyJson.mapper().readTree(limits));
      return Programmes.fromJson(root.toString(), "limits-programme.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
