package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.member;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.Explanation;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.AdjustmentKind;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.NotApplied;
import io.github.loyaltyrules.outcome.PriceAdjustment;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.programme.Programme;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multi-buys (docs/RULES.md, MultiBuy): "the third T-shirt, the cheapest, at half price" and
 * "socks, 3 for 50.00", exact to the fen. The units are ranked dearest first (ties by the line's
 * content, then its index), cut into groups, and a line never goes under its floor.
 */
class MultiBuyTest {
  private static final RuleSource THIRD_HALF = RuleSource.of("third-half.drl", """
      package com.example;
      import java.math.BigDecimal;
      import java.util.List;
      import io.github.loyaltyrules.rules.facts.*;
      import io.github.loyaltyrules.rules.decisions.*;
      rule "Store: the third T-shirt, the cheapest, at half price"
          ruleflow-group "pricing"
      when
          $shirts : List( size > 0 ) from collect( SaleLine( category == "T_SHIRT" ) )
      then
          insert(MultiBuy.cheapestAt("third-half", $shirts, 3, new BigDecimal("0.50")));
      end
      """);
  private static final RuleSource SOCKS = RuleSource.of("socks.drl", """
      package com.example;
      import java.math.BigDecimal;
      import java.util.List;
      import io.github.loyaltyrules.model.Money;
      import io.github.loyaltyrules.programme.Programme;
      import io.github.loyaltyrules.rules.facts.*;
      import io.github.loyaltyrules.rules.decisions.*;
      rule "Store: socks, 3 for 50.00"
          ruleflow-group "pricing"
      when
          Programme( $currency : currency )
          $socks : List( size > 0 ) from collect( SaleLine( category == "SOCKS" ) )
      then
          insert(MultiBuy.groupFor("socks-3-for-50", $socks, 3,
              Money.of(new BigDecimal("50.00"), $currency)));
      end
      """);
  private static final LoyaltyEngine ENGINE = engine(Shop.DEFAULT);

  private static LoyaltyEngine engine(Programme programme) {
    return LoyaltyEngine.builder().programme(programme)
        .clock(Clock.fixed(Shop.NOW, Shop.SHANGHAI)).rules(THIRD_HALF, SOCKS).build();
  }

  private static Line line(String sku, String category, int quantity, String price) {
    return Line.of(sku, category, quantity, cny(price), cny(price));
  }

  private static BasketPriced quote(LoyaltyEngine engine, Line... lines) {
    Transaction sale = Transaction.sale("T1", Shop.at("2026-05-05T10:00"), "S01",
        List.of(lines));
    return engine.quote(member("M1"), sale, Explanation.FULL);
  }

  private static List<String> totals(BasketPriced p) {
    return p.lines().stream().map(l -> l.total().amount().toPlainString()).toList();
  }

  @Test
  void theDearestThreeSocksShareFiftyToTheFenAndTheFourthPairPaysItsPrice() {
    BasketPriced p = quote(ENGINE, line("SOCK-A", "SOCKS", 1, "30.00"),
        line("SOCK-B", "SOCKS", 1, "25.00"), line("SOCK-C", "SOCKS", 1, "20.00"),
        line("SOCK-D", "SOCKS", 1, "15.00"));

    // 75.00 -> 50.00: 25.00 off by price, 10.00, 8.33 and 6.66, the fen left to the largest
    // remainder (6.666...)
    assertThat(totals(p)).containsExactly("20.00", "16.67", "13.33", "15.00");
    assertThat(p.total()).isEqualTo(cny("65.00"));
    assertThat(p.lines().get(0).adjustments()).containsExactly(new PriceAdjustment(
        "multi-buy:socks-3-for-50", AdjustmentKind.PROMOTION, null, null, cny("30.00"),
        cny("-10.00"), "every 3 units for 50.00 CNY"));
    assertThat(p.lines().get(3).adjustments()).isEmpty();
  }

  @Test
  void everyThreePairsCostFifty() {
    BasketPriced p = quote(ENGINE, line("SOCK-A", "SOCKS", 3, "30.00"),
        line("SOCK-B", "SOCKS", 3, "20.00"), line("TOP-1", "TOPS", 1, "100.00"));

    assertThat(totals(p)).containsExactly("50.00", "50.00", "100.00");
    PricedLine pairs = p.lines().get(1);
    assertThat(List.of(pairs.unit(0), pairs.unit(1), pairs.unit(2)))
        .containsExactly(cny("16.66"), cny("16.67"), cny("16.67"));
  }

  @Test
  void threePairsUnderFiftyKeepTheirPriceAndTwoPairsAreNotAnOffer() {
    assertThat(totals(quote(ENGINE, line("SOCK-A", "SOCKS", 3, "15.00"))))
        .containsExactly("45.00");

    PricedLine two = quote(ENGINE, line("SOCK-A", "SOCKS", 2, "20.00")).lines().get(0);
    assertThat(two.total()).isEqualTo(cny("40.00"));
    assertThat(two.notApplied()).contains(new NotApplied("multi-buy:socks-3-for-50",
        "2 units of the offer, under the 3 it needs"));
    assertThat(quote(ENGINE, line("SOCK-A", "SOCKS", 1, "20.00")).lines().get(0).notApplied())
        .contains(new NotApplied("multi-buy:socks-3-for-50",
            "1 unit of the offer, under the 3 it needs"));
  }

  @Test
  void theCheapestOfEachThreeShirtsIsHalfPriceRoundedHalfUp() {
    BasketPriced p = quote(ENGINE, line("TS-1", "T_SHIRT", 1, "100.00"),
        line("TS-2", "T_SHIRT", 1, "129.99"), line("TS-3", "T_SHIRT", 1, "99.99"),
        line("TS-4", "T_SHIRT", 2, "40.00"));

    // dearest first: 129.99, 100.00, 99.99 | 40.00, 40.00: the cheapest of the first three,
    // 99.99, at half price is 49.995, rounded half up to 50.00; the last two are no group
    assertThat(totals(p)).containsExactly("100.00", "129.99", "50.00", "80.00");
    assertThat(p.lines().get(2).adjustments()).containsExactly(new PriceAdjustment(
        "multi-buy:third-half", AdjustmentKind.PROMOTION, new BigDecimal("0.50"), null,
        cny("99.99"), cny("-49.99"), "1 of every 3 units at 50 %"));
  }

  @Test
  void shirtsOfOnePriceAreRankedByTheirLinesContentThenIndex() {
    BasketPriced p = quote(ENGINE, line("TS-B", "T_SHIRT", 1, "50.00"),
        line("TS-A", "T_SHIRT", 1, "50.00"), line("TS-C", "T_SHIRT", 1, "70.00"),
        line("TS-A", "T_SHIRT", 1, "50.00"), line("TS-D", "T_SHIRT", 1, "10.00"),
        line("TS-E", "T_SHIRT", 1, "10.00"));

    // 70.00, TS-A 50.00 (line 1), TS-A 50.00 (line 3) | TS-B 50.00, TS-D 10.00, TS-E 10.00:
    // the cheapest of each three is the last in that order
    assertThat(totals(p)).containsExactly("50.00", "50.00", "70.00", "25.00", "10.00", "5.00");
  }

  @Test
  void aMultiBuyStopsAtTheLinesFloor() {
    LoyaltyEngine floored = engine(PricingTest.withPricing("{\"lineFloor\": \"0.90\"}"));

    BasketPriced p = quote(floored, line("TS-1", "T_SHIRT", 3, "100.00"));

    PricedLine l = p.lines().get(0);
    // 50.00 off one unit would take the line under 90 % of its 300.00: 30.00 is taken
    assertThat(l.total()).isEqualTo(cny("270.00"));
    assertThat(l.adjustments()).containsExactly(new PriceAdjustment("multi-buy:third-half",
        AdjustmentKind.PROMOTION, new BigDecimal("0.50"), null, cny("300.00"), cny("-30.00"),
        "1 of every 3 units at 50 %, held at the line's floor"));

    LoyaltyEngine atList = engine(PricingTest.withPricing("{\"lineFloor\": \"1.00\"}"));
    PricedLine atFloor = quote(atList, line("TS-1", "T_SHIRT", 3, "100.00")).lines().get(0);
    assertThat(atFloor.total()).isEqualTo(cny("300.00"));
    assertThat(atFloor.notApplied()).contains(new NotApplied("multi-buy:third-half",
        "the line is at its floor"));
  }
}
