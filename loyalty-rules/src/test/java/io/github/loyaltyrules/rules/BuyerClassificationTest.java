package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.BuyerLayer;
import io.github.loyaltyrules.model.BuyerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BuyerClassified;
import io.github.loyaltyrules.outcome.DecisionNotApplied;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Purchase types and layers as rules (DOMAIN.md §5): each type on a hand-built history of three
 * sales (four for the single-item share) at its threshold and one step below, in a programme
 * without member rates so a member pays the prices sent. Thresholds (insight.buyers defaults):
 * new arrivals and casual style at least half the units, promotion at least half the units
 * marked down, bulk at least 4 units per purchase, frequent at most 30 days between purchases,
 * single-item at least half the purchases, high price at least 1,000.00 per unit.
 */
class BuyerClassificationTest {
  private static final LoyaltyEngine ENGINE = Shop.FLAT_ENGINE;
  private static int ids;

  /** A line of {@code quantity} units at {@code price}, sold at list price, with tags. */
  private static Line line(int quantity, String price, String... tags) {
    return new Line("SKU-" + price, "TOPS", quantity, cny(price), cny(price), Set.of(tags));
  }

  /** A line of {@code quantity} units listed at {@code list}, marked down to {@code price}. */
  private static Line markedDown(int quantity, String list, String price) {
    return new Line("SKU-MD-" + price, "TOPS", quantity, cny(list), cny(price), Set.of());
  }

  private static Transaction sale(String date, Line... lines) {
    return Transaction.sale("T" + ++ids, at(date + "T11:00"), "S01", List.of(lines));
  }

  /** Each transaction evaluated in order; the last outcome. */
  private static Outcome history(LoyaltyEngine engine, Transaction... sales) {
    return Shop.run(engine, Shop.member("M" + ++ids), sales);
  }

  private static Outcome history(Transaction... sales) {
    return history(ENGINE, sales);
  }

  private static Set<String> types(Outcome o) {
    return o.state().buyer().types();
  }

  @Test
  void noMemberIsTypedBeforeTheirThirdPurchase() {
    Transaction first = sale("2026-03-02", line(4, "1000.00", "NEW_ARRIVAL"));
    Transaction second = sale("2026-03-03", line(4, "1000.00", "NEW_ARRIVAL"));
    Outcome two = history(first, second);

    assertThat(two.state().buyer().purchases()).isEqualTo(2);
    assertThat(types(two)).isEmpty();
    assertThat(two.state().buyer().layer()).isNull();
    assertThat(two.effects(BuyerClassified.class)).isEmpty();

    Outcome third = ENGINE.evaluate(two.state(),
        sale("2026-03-04", line(4, "1000.00", "NEW_ARRIVAL")));

    assertThat(types(third)).containsExactly("BULK", "FREQUENT", "HIGH_PRICE", "NEW_ARRIVAL");
    assertThat(third.state().buyer().layer()).isEqualTo(BuyerLayer.HEAVY);
    BuyerClassified c = third.effect(BuyerClassified.class).orElseThrow();
    assertThat(c.rule()).isEqualTo("(classification)");
    assertThat(c.added()).containsExactly("BULK", "FREQUENT", "HIGH_PRICE", "NEW_ARRIVAL");
    assertThat(c.layer()).isEqualTo(BuyerLayer.HEAVY);
    assertThat(c.advice()).isEqualTo(BuyerLayer.Advice.RAISE_BOTH);
    assertThat(c.decidedBy()).containsEntry("NEW_ARRIVAL",
        "Buyer: most units bought are new arrivals").containsEntry("layer",
        "Layer: a heavy buyer reaches the heavy items per visit and basket value");
    assertThat(c.reason()).startsWith("BULK: 4.00 units per purchase, at least 4 (rule 'Buyer:"
        + " many units per purchase')");
    assertThat(c.reason()).contains("NEW_ARRIVAL: 1.0000 of the units were new arrivals"
        + " (NEW_ARRIVAL), at least 0.50 (rule 'Buyer: most units bought are new arrivals')");
    assertThat(c.reason()).endsWith("layer HEAVY (A: raise both the items per visit and the"
        + " basket value): 4.00 units and 4000.00 CNY per visit, reaching 3 units and 1500.00"
        + " (rule 'Layer: a heavy buyer reaches the heavy items per visit and basket value')");
    assertThat(third.state().buyer().classifiedOn()).isEqualTo(LocalDate.of(2026, 3, 4));
  }

  @Test
  void newArrivalBuyerAtHalfTheUnitsNotBelow() {
    Outcome at = history(sale("2026-03-02", line(2, "100.00", "NEW_ARRIVAL")),
        sale("2026-03-10", line(1, "100.00")), sale("2026-03-20", line(1, "100.00")));
    Outcome below = history(sale("2026-03-02", line(1, "100.00", "NEW_ARRIVAL"),
        line(1, "100.00")), sale("2026-03-10", line(1, "100.00")),
        sale("2026-03-20", line(1, "100.00")));

    assertThat(types(at)).contains("NEW_ARRIVAL");
    assertThat(types(below)).doesNotContain("NEW_ARRIVAL");
  }

  @Test
  void promotionBuyerAtHalfTheUnitsMarkedDownNotBelow() {
    Outcome at = history(sale("2026-03-02", markedDown(2, "100.00", "79.00")),
        sale("2026-03-10", line(1, "100.00")), sale("2026-03-20", line(1, "100.00")));
    Outcome below = history(sale("2026-03-02", markedDown(1, "100.00", "79.00"),
        line(1, "100.00")), sale("2026-03-10", line(1, "100.00")),
        sale("2026-03-20", line(1, "100.00")));

    assertThat(types(at)).contains("PROMOTION");
    assertThat(at.state().buyer().promotionUnits()).isEqualTo(2);
    assertThat(types(below)).doesNotContain("PROMOTION");
  }

  @Test
  void bulkBuyerAtFourUnitsPerPurchaseNotBelow() {
    Outcome at = history(sale("2026-03-02", line(4, "10.00")),
        sale("2026-03-10", line(4, "10.00")), sale("2026-03-20", line(4, "10.00")));
    Outcome below = history(sale("2026-03-02", line(4, "10.00")),
        sale("2026-03-10", line(4, "10.00")), sale("2026-03-20", line(3, "10.00")));

    assertThat(types(at)).contains("BULK");
    assertThat(types(below)).as("11 units in 3 purchases: 3.66").doesNotContain("BULK");
  }

  @Test
  void frequentBuyerAtThirtyDaysBetweenPurchasesNotOneDayMore() {
    Outcome at = history(sale("2026-01-05", line(1, "10.00")),
        sale("2026-02-04", line(1, "10.00")), sale("2026-03-06", line(1, "10.00")));
    Outcome below = history(sale("2026-01-05", line(1, "10.00")),
        sale("2026-02-04", line(1, "10.00")), sale("2026-03-08", line(1, "10.00")));

    assertThat(types(at)).as("60 days over 2 gaps").contains("FREQUENT");
    assertThat(types(below)).as("62 days over 2 gaps").doesNotContain("FREQUENT");
  }

  @Test
  void singleItemBuyerAtHalfThePurchasesNotBelow() {
    Outcome at = history(sale("2026-03-02", line(1, "10.00")),
        sale("2026-03-10", line(1, "10.00")), sale("2026-03-20", line(2, "10.00")),
        sale("2026-03-25", line(2, "10.00")));
    Outcome below = history(sale("2026-03-02", line(1, "10.00")),
        sale("2026-03-10", line(2, "10.00")), sale("2026-03-20", line(2, "10.00")),
        sale("2026-03-25", line(2, "10.00")));

    assertThat(types(at)).contains("SINGLE_ITEM");
    assertThat(types(below)).doesNotContain("SINGLE_ITEM");
  }

  @Test
  void highPriceBuyerAtAThousandPerUnitNotAFenBelow() {
    Outcome at = history(sale("2026-03-02", line(1, "1000.00")),
        sale("2026-03-10", line(1, "1000.00")), sale("2026-03-20", line(1, "1000.00")));
    Outcome below = history(sale("2026-03-02", line(1, "1000.00")),
        sale("2026-03-10", line(1, "1000.00")), sale("2026-03-20", line(1, "999.99")));

    assertThat(types(at)).contains("HIGH_PRICE");
    assertThat(types(below)).as("2999.99 over 3 units: 999.99, truncated")
        .doesNotContain("HIGH_PRICE");
  }

  @Test
  void casualStyleBuyerAtHalfTheUnitsNotBelow() {
    Outcome at = history(sale("2026-03-02", line(2, "100.00", "CASUAL")),
        sale("2026-03-10", line(1, "100.00")), sale("2026-03-20", line(1, "100.00")));
    Outcome below = history(sale("2026-03-02", line(1, "100.00", "CASUAL"),
        line(1, "100.00")), sale("2026-03-10", line(1, "100.00")),
        sale("2026-03-20", line(1, "100.00")));

    assertThat(types(at)).contains("CASUAL_STYLE");
    assertThat(types(below)).doesNotContain("CASUAL_STYLE");
  }

  @Test
  void aReturnTakesUnitsBackAndATypeNoLongerMetIsDropped() {
    Transaction big = sale("2026-03-20", line(5, "10.00", "CASUAL"));
    Outcome typed = history(sale("2026-03-02", line(1, "10.00")),
        sale("2026-03-10", line(1, "10.00")), big);
    assertThat(types(typed)).contains("CASUAL_STYLE");

    Outcome back = ENGINE.evaluate(typed.state(), Shop.returnUnits("R1", "2026-03-21T10:00",
        big, "SKU-10.00", 4));

    assertThat(back.state().buyer().units()).isEqualTo(3);
    assertThat(back.state().buyer().unitsTagged("CASUAL")).isEqualTo(1);
    assertThat(types(back)).doesNotContain("CASUAL_STYLE");
    assertThat(back.effect(BuyerClassified.class).orElseThrow().removed())
        .contains("CASUAL_STYLE");
  }

  @Test
  void theLayersCutAKnownPopulationByItemsPerVisitAndBasketValue() {
    record Case(String name, int units, String price, BuyerLayer layer) {}
    List<Case> population = List.of(
        new Case("one item of 100.00", 1, "100.00", BuyerLayer.CASUAL),
        new Case("two items of 100.00", 2, "100.00", BuyerLayer.MID),
        new Case("one item of 500.00", 1, "500.00", BuyerLayer.MID),
        new Case("one item of 499.99", 1, "499.99", BuyerLayer.CASUAL),
        new Case("three items of 500.00", 3, "500.00", BuyerLayer.HEAVY),
        new Case("three items of 499.99", 3, "499.99", BuyerLayer.MID),
        new Case("two items of 900.00", 2, "900.00", BuyerLayer.MID));
    List<BuyerLayer> layers = new ArrayList<>();
    for (Case c : population) {
      layers.add(history(sale("2026-03-02", line(c.units(), c.price())),
          sale("2026-03-10", line(c.units(), c.price())),
          sale("2026-03-20", line(c.units(), c.price()))).state().buyer().layer());
    }

    assertThat(layers).containsExactlyElementsOf(population.stream().map(Case::layer).toList());
  }

  @Test
  void eachLayerCarriesItsAdviceAndTheLowerLayersAreNotApplied() {
    Outcome heavy = history(sale("2026-03-02", line(3, "500.00")),
        sale("2026-03-10", line(3, "500.00")), sale("2026-03-20", line(3, "500.00")));

    assertThat(BuyerLayer.CASUAL.advice()).isEqualTo(BuyerLayer.Advice.RAISE_ITEMS_PER_VISIT);
    assertThat(BuyerLayer.MID.advice()).isEqualTo(BuyerLayer.Advice.RAISE_BASKET_VALUE);
    assertThat(BuyerLayer.HEAVY.letter()).isEqualTo("A");
    assertThat(heavy.effects(DecisionNotApplied.class)).extracting(DecisionNotApplied::reason)
        .contains("rule 'Layer: a heavy buyer reaches the heavy items per visit and basket"
            + " value' placed the member in HEAVY");
  }

  @Test
  void anUnchangedClassificationIsNotReportedAgain() {
    Outcome typed = history(sale("2026-03-02", line(1, "10.00")),
        sale("2026-03-10", line(1, "10.00")), sale("2026-03-20", line(1, "10.00")));
    assertThat(typed.effect(BuyerClassified.class)).isPresent();

    Outcome again = ENGINE.evaluate(typed.state(), sale("2026-03-25", line(1, "10.00")));
    Outcome assessed = ENGINE.assess(again.state(), LocalDate.of(2026, 3, 26));

    assertThat(again.effects(BuyerClassified.class)).isEmpty();
    assertThat(assessed.effects(BuyerClassified.class)).isEmpty();
    assertThat(assessed.state().buyer()).isEqualTo(again.state().buyer());
  }

  @Test
  void theTypesAreKeptInTheStateAndItsJson() {
    Outcome typed = history(sale("2026-03-02", line(1, "10.00")),
        sale("2026-03-10", line(1, "10.00")), sale("2026-03-20", line(1, "10.00")));
    MemberState read = LoyaltyJson.readState(LoyaltyJson.write(typed.state()));

    assertThat(read.buyer()).isEqualTo(typed.state().buyer());
    assertThat(read.buyer().types()).containsExactly("FREQUENT", "SINGLE_ITEM");
    assertThat(LoyaltyJson.readOutcome(LoyaltyJson.write(typed)).effect(BuyerClassified.class))
        .isEqualTo(typed.effect(BuyerClassified.class));
  }

  @Test
  void aRetailerAddsATypeOfTheirOwnOnATagTheProgrammeCounts() {
    Programme p = withInsight("{ \"buyers\": { \"trackedTags\": [\"BUSINESS\"] } }");
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(p).rules(RuleSource.of(
        "business.drl", """
            package com.example.store;
            import io.github.loyaltyrules.rules.facts.*;
            import io.github.loyaltyrules.rules.decisions.*;

            rule "Store: a business-style buyer"
                ruleflow-group "classification"
            when
                $b : Buyer( classifiable, tagShare("BUSINESS") >= 0.5 )
            then
                insert(ClassifyAs.type("BUSINESS_STYLE", $b.tagShare("BUSINESS")
                    + " of the units were BUSINESS"));
            end
            """)).build();

    Outcome o = history(engine, sale("2026-03-02", line(1, "10.00", "BUSINESS")),
        sale("2026-03-10", line(1, "10.00", "BUSINESS")), sale("2026-03-20", line(1, "10.00")));

    assertThat(o.state().buyer().unitsTagged("BUSINESS")).isEqualTo(2);
    assertThat(types(o)).contains("BUSINESS_STYLE");
    assertThat(o.effect(BuyerClassified.class).orElseThrow().decidedBy())
        .containsEntry("BUSINESS_STYLE", "Store: a business-style buyer");
  }

  @Test
  void aStateWithoutBuyerFiguresCountsFromItsNextPurchase() {
    MemberState old = Shop.member("OLD").withBuyer(BuyerProfile.NONE);

    Outcome o = ENGINE.evaluate(old, sale("2026-03-02", line(2, "10.00")));

    assertThat(o.state().buyer().purchases()).isEqualTo(1);
    assertThat(o.state().buyer().spend()).isEqualTo(cny("20.00"));
  }

  static Programme withInsight(String insight) {
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(in);
      root.get("tiers").forEach(t -> ((ObjectNode) t).put("memberRate", "1.00"));
      root.set("insight", LoyaltyJson.mapper().readTree(insight));
      return Programmes.fromJson(root.toString(), "insight-test.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
