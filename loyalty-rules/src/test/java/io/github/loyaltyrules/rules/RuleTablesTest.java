package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.DEFAULT;
import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.RuleTableException;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.LinePoints;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.outcome.SpendRecorded;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.tables.RuleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every decision a rule table can make, compiled with the default pack and evaluated on the
 * default programme (silver 92 %; 1 point per yuan paid, rounded down once per sale; silver at
 * 5,000.00 in a quarter). The tables are in this file, so the figures sit next to their rows.
 */
class RuleTablesTest {
  static final RuleTable AMOUNTS = RuleTable.parse("amounts.csv", """
      table,amounts
      phase,pricing
      decision,LineAmountOff
      when sku,then id,then amount off,then unit price
      SCARF-1,scarf-20,20.00,
      UMB-1,umbrella-39,,39.00
      """);
  static final RuleTable NO_RATE = RuleTable.parse("no-rate.csv", """
      table,no-rate
      phase,pricing
      decision,NoMemberRate
      when category,then reason
      COSMETICS,cosmetics carry no member rate
      """);
  static final RuleTable PROMOTIONS = RuleTable.parse("promotions.csv", """
      table,promotions
      phase,pricing
      decision,PromotionRate
      when category,then id,then rate,then stacks,then priority,then stops later ones,\
      then markdown minimum
      SHOES,shoes-any-markdown,90%,no,,,0%
      BAGS,bags-to-75,80%,no,,,75%
      DRESSES,dress-first,80%,no,10,yes,
      DRESSES,dress-second,90%,yes,,,
      """);
  static final RuleTable FACTORS = RuleTable.parse("factors.csv", """
      table,factors
      phase,points
      decision,PointsFactor
      when category,when weekday,when tier,then id,then factor,then priority
      KNITWEAR,TUESDAY,SILVER|GOLD,knit-tuesday,3,5
      """);
  static final RuleTable BONUS = RuleTable.parse("bonus.csv", """
      table,bonus
      phase,points
      decision,PointsBonus
      when sku,then id,then points per unit
      SCARF-1,scarf-bonus,50
      """);
  static final RuleTable NO_POINTS = RuleTable.parse("no-points.csv", """
      table,no-points
      phase,points
      decision,NoPoints
      when category,then reason
      GIFT_CARD,gift cards earn no points
      """);
  static final RuleTable NO_SPEND = RuleTable.parse("no-spend.csv", """
      table,no-spend
      phase,points
      decision,NoTierSpend
      when category,then reason
      GIFT_CARD,gift cards are not qualifying spend
      """);
  static final RuleTable LADDER = RuleTable.parse("summer-ladder.csv", """
      # summer 2026: silver at 3,000.00 instead of 5,000.00
      table,summer-ladder
      phase,tiers
      decision,QualifyFor
      when window spend at least,when from,when to,then tier
      3000.00,2026-07-01,2026-09-30,SILVER
      """);

  static final LoyaltyEngine ENGINE = LoyaltyEngine.builder().programme(DEFAULT)
      .tables(AMOUNTS, NO_RATE, PROMOTIONS, FACTORS, BONUS, NO_POINTS, NO_SPEND, LADDER)
      .build();

  static Line line(String sku, String category, int quantity, String list, String sale) {
    return new Line(sku, category, quantity, cny(list), cny(sale), Set.of());
  }

  static Transaction sale(String id, String when, Line... lines) {
    return Transaction.sale(id, at(when), "S01", List.of(lines));
  }

  /** A member who reached silver with 5,000.00 of tops on Monday 4 May 2026. */
  static MemberState silver() {
    Outcome o = ENGINE.evaluate(member("M1"), sale("Q1", "2026-05-04T10:00",
        line("TOP-Q", "TOPS", 1, "5000.00", "5000.00")));
    assertThat(o.state().tier()).isEqualTo("SILVER");
    return o.state();
  }

  static List<Money> totals(List<PricedLine> lines) {
    List<Money> out = new ArrayList<>();
    for (PricedLine l : lines) {
      out.add(l.total());
    }
    return out;
  }

  @Test
  void pricingTablesTakeAmountsOffFixPricesDropTheMemberRateAndOrderPromotions() {
    List<PricedLine> priced = ENGINE.quote(silver(), sale("T1", "2026-05-05T10:00",
        line("SCARF-1", "ACCESSORIES", 1, "120.00", "120.00"),
        line("UMB-1", "UMBRELLAS", 1, "59.00", "59.00"),
        line("LIP-1", "COSMETICS", 1, "100.00", "100.00"),
        line("TOP-1", "TOPS", 1, "100.00", "100.00"),
        line("SHOE-1", "SHOES", 1, "100.00", "60.00"),
        line("DRESS-1", "DRESSES", 1, "100.00", "100.00"),
        line("BAG-1", "BAGS", 1, "100.00", "76.00"),
        line("BAG-2", "BAGS", 1, "100.00", "74.00"))).lines();

    assertThat(totals(priced)).containsExactly(
        cny("90.40"),   // 120.00 x 92 % = 110.40, 20.00 off
        cny("39.00"),   // 59.00 x 92 % = 54.28, then at the fixed 39.00
        cny("100.00"),  // no member rate on cosmetics
        cny("92.00"),   // the silver rate only
        cny("54.00"),   // marked down to 60 %: no member rate, but 90 % at any markdown
        cny("80.00"),   // dress-first 80 % beats silver 92 % and stops dress-second
        cny("60.80"),   // 76 % of list: no member rate (under 80 %), bags-to-75 at 80 %
        cny("74.00"));  // 74 % of list: neither
  }

  @Test
  void pointsTablesMultiplyAddAndExcludeAndTakeSpendOut() {
    Outcome o = ENGINE.evaluate(silver(), sale("T1", "2026-05-05T10:00",
        line("KNIT-1", "KNITWEAR", 1, "100.00", "100.00"),
        line("SCARF-1", "ACCESSORIES", 2, "120.00", "120.00"),
        line("GC-1", "GIFT_CARD", 1, "500.00", "500.00")));

    PointsCalculated points = o.effects(PointsCalculated.class).get(0);
    LinePoints knit = points.lines().get(0);
    assertThat(knit.multiplier()).isEqualByComparingTo("3");
    assertThat(knit.applied()).containsExactly("tier:SILVER", "knit-tuesday×3");
    assertThat(points.lines().get(1).bonus()).isEqualTo(100);      // 50 per unit, 2 units
    assertThat(points.lines().get(2).excludedBy()).isEqualTo("gift cards earn no points");
    // 92.00 x 3 = 276, plus (110.40 - 20.00) x 2 = 180.80, plus 100 bonus: 556.80, rounded down
    assertThat(points.points()).isEqualTo(556);
    // 92.00 + 180.80; the gift card's 460.00 is not qualifying spend
    assertThat(o.effects(SpendRecorded.class).get(0).change()).isEqualTo(cny("272.80"));
  }

  @Test
  void aPointsFactorOnlyOnItsWeekdayAndForItsTiers() {
    Transaction wednesday = sale("T1", "2026-05-06T10:00",
        line("KNIT-1", "KNITWEAR", 1, "100.00", "100.00"));
    assertThat(ENGINE.evaluate(silver(), wednesday).effects(PointsCalculated.class).get(0)
        .points()).isEqualTo(92);

    Transaction tuesday = sale("T2", "2026-05-05T10:00",
        line("KNIT-1", "KNITWEAR", 1, "100.00", "100.00"));
    assertThat(ENGINE.evaluate(member("M2"), tuesday).effects(PointsCalculated.class).get(0)
        .points()).isEqualTo(100); // a points member: no factor
  }

  @Test
  void aLadderRowQualifiesOnItsOwnThresholdInItsDates() {
    Outcome summer = ENGINE.evaluate(member("M3"), sale("T1", "2026-07-07T10:00",
        line("TOP-1", "TOPS", 1, "3000.00", "3000.00")));
    TierChanged changed = summer.effects(TierChanged.class).get(0);
    assertThat(changed.to()).isEqualTo("SILVER");
    assertThat(changed.reason()).isEqualTo("the window's spend reached 3000.00"
        + " (summer-ladder.csv row 6)");
    assertThat(changed.rule()).isEqualTo("summer-ladder.csv row 6: window spend at least"
        + " 3000.00, from 2026-07-01, to 2026-09-30: tier SILVER");

    Outcome spring = ENGINE.evaluate(member("M4"), sale("T1", "2026-06-10T10:00",
        line("TOP-1", "TOPS", 1, "3000.00", "3000.00")));
    assertThat(spring.state().tier()).isEqualTo("ORDINARY"); // the programme's 2,000.00 only
  }

  @Test
  void theBuilderRefusesTablesNamingTiersTheProgrammeLacksWithEveryProblemOfEveryTable() {
    RuleTable platinum = RuleTable.parse("platinum.csv", """
        table,platinum
        phase,pricing
        decision,PromotionRate
        when tier,then rate
        PLATINUM,80%
        """);
    RuleTable ladder = RuleTable.parse("ladder.csv", """
        table,ladder
        phase,tiers
        decision,QualifyFor
        when window spend at least,then tier
        50000.00,BLACK
        """);

    assertThatThrownBy(() -> LoyaltyEngine.builder().programme(DEFAULT).tables(platinum, ladder)
        .build()).isInstanceOf(RuleTableException.class)
        .hasMessageStartingWith("the rule tables platinum.csv, ladder.csv have 2 problems")
        .satisfies(e -> assertThat(((RuleTableException) e).problems()).containsExactly(
            "platinum.csv:row 5, column \"when tier\": \"PLATINUM\" is not a tier of programme"
                + " seeds-default; its tiers are POINTS, ORDINARY, SILVER, GOLD, DIAMOND",
            "ladder.csv:row 5, column \"then tier\": \"BLACK\" is not a tier of programme"
                + " seeds-default; its tiers are POINTS, ORDINARY, SILVER, GOLD, DIAMOND"));
  }

  @Test
  void aTableAsAPlainRuleFileCompilesToo() {
    LoyaltyEngine engine = LoyaltyEngine.builder().programme(DEFAULT)
        .rules(RuleSource.ofTable("no-rate.csv", """
            table,no-rate
            phase,pricing
            decision,NoMemberRate
            when category,then reason
            COSMETICS,cosmetics carry no member rate
            """)).build();

    assertThat(totals(engine.quote(silver(), sale("T1", "2026-05-05T10:00",
        line("LIP-1", "COSMETICS", 1, "100.00", "100.00"))).lines()))
        .containsExactly(cny("100.00"));
  }
}
