package io.github.loyaltyrules.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.Explanation;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleTableException;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.NotApplied;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PriceAdjustment;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.programme.Programmes;
import io.github.loyaltyrules.tables.RuleTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The weekly promotions table ({@code examples/tables/weekly-promotions.csv}) with the default
 * pack and the default programme (points member 100 %, silver 92 %, gold 90 %, diamond 85 %;
 * the member rate and the table's promotions only on lines sold at 80 % of list or more). The
 * table runs from Monday 11 to Sunday 17 May 2026:
 *
 * <ul>
 *   <li>row 8, knit-week: KNITWEAR at 80 %, competing with the member rate, group weekly;
 *   <li>row 9, clearance: tag CLEARANCE at 70 %, competing, group weekly (so on a knitwear
 *       line in clearance only the lower of the two applies);
 *   <li>row 10, coat-weekend: COATS on Saturday and Sunday at 85 % on top of the member rate;
 *   <li>row 11, new-in: tag NEW_ARRIVAL for silver and above at 95 % on top of the member rate,
 *       never under 70 % of list.
 * </ul>
 */
class WeeklyPromotionsTableTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String TABLE =
      "io/github/loyaltyrules/examples/tables/weekly-promotions.csv";

  static final LoyaltyEngine engine = LoyaltyEngine.builder().programme(Programmes.seedsDefault())
      .tables(RuleTable.ofClasspath(TABLE)).build();

  static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  static Line line(String sku, String category, String list, String sale, String... tags) {
    return new Line(sku, category, 1, cny(list), cny(sale), Set.of(tags));
  }

  /** The basket: six lines, each showing one row of the table or the markdown gate. */
  static Transaction basket(String id, String day) {
    return Transaction.sale(id, LocalDateTime.parse(day + "T15:00").atZone(SHANGHAI).toInstant(),
        "S01", List.of(
            line("KN-1", "KNITWEAR", "200.00", "200.00"),
            line("KN-2", "KNITWEAR", "100.00", "100.00", "CLEARANCE"),
            line("CO-1", "COATS", "1000.00", "1000.00"),
            line("CO-2", "COATS", "500.00", "500.00", "NEW_ARRIVAL"),
            line("TO-1", "TOPS", "100.00", "80.00", "NEW_ARRIVAL"),
            line("KN-3", "KNITWEAR", "100.00", "70.00")));
  }

  /** A member who reached {@code tier} with one purchase of {@code spend} on Monday 4 May. */
  static MemberState member(String id, String spend, String tier) {
    MemberState m = MemberState.newMember(CustomerProfile.anonymous(id));
    Outcome o = engine.evaluate(m, Transaction.sale("Q-" + id,
        LocalDateTime.parse("2026-05-04T10:00").atZone(SHANGHAI).toInstant(), "S01",
        List.of(Line.of("SKU-Q", "TOPS", 1, cny(spend), cny(spend)))));
    assertThat(o.state().tier()).isEqualTo(tier);
    return o.state();
  }

  static List<Money> totals(BasketPriced priced) {
    List<Money> out = new ArrayList<>();
    for (PricedLine l : priced.lines()) {
      out.add(l.total());
    }
    return out;
  }

  static List<String> adjustments(PricedLine line) {
    List<String> out = new ArrayList<>();
    for (PriceAdjustment a : line.adjustments()) {
      out.add(a.rule() + " " + a.amount().amount().toPlainString());
    }
    return out;
  }

  @Test
  void goldOnSaturdayGetsEveryRowOfTheTable() {
    MemberState gold = member("M1", "10000.00", "GOLD");

    BasketPriced priced = engine.quote(gold, basket("T1", "2026-05-16"), Explanation.FULL);

    assertThat(totals(priced)).containsExactly(
        cny("160.00"),   // 200.00: gold 180.00 against knit-week 160.00, the lower wins
        cny("70.00"),    // 100.00: clearance 70 % beats knit-week 80 % in group weekly, and gold
        cny("765.00"),   // 1000.00 x 90 % = 900.00, x 85 % on Saturday
        cny("363.38"),   // 500.00 x 90 % = 450.00, x 85 % x 95 % = 363.375, rounded half up
        cny("70.00"),    // 80.00 (80 % of list) x 90 % = 72.00, x 95 % = 68.40; 70 % of list
        cny("70.00"));   // 70.00 is under 80 % of list: no member rate and no promotion
    assertThat(priced.total()).isEqualTo(cny("1498.38"));
    assertThat(adjustments(priced.lines().get(3))).containsExactly("tier:GOLD -50.00",
        "promotion:coat-weekend -67.50", "promotion:new-in -19.12");
    assertThat(priced.lines().get(1).notApplied()).extracting(NotApplied::rule)
        .contains("promotion:knit-week");
  }

  @Test
  void theRowsThatMadeTheDecisionsAreNamedByTheirRow() {
    MemberState gold = member("M1", "10000.00", "GOLD");

    Outcome o = engine.evaluate(gold, basket("T1", "2026-05-16"));

    assertThat(o.firedRuleNames()).contains(
        "weekly-promotions.csv row 8: Knitwear week: 20 % off or the member rate",
        "weekly-promotions.csv row 9: Clearance: 30 % off or the member rate",
        "weekly-promotions.csv row 10: Coats at the weekend: 15 % off on top of the member rate",
        "weekly-promotions.csv row 11: New arrivals: silver and above 5 % more, never under"
            + " 70 % of list");
  }

  @Test
  void onWednesdayTheCoatsPayTheGoldRateOnly() {
    MemberState gold = member("M1", "10000.00", "GOLD");

    assertThat(totals(engine.quote(gold, basket("T1", "2026-05-13")))).containsExactly(
        cny("160.00"), cny("70.00"),
        cny("900.00"),   // no weekend
        cny("427.50"),   // 450.00 x 95 %
        cny("70.00"), cny("70.00"));
  }

  @Test
  void theMondayAfterOnlyTheGoldRateApplies() {
    MemberState gold = member("M1", "10000.00", "GOLD");

    assertThat(totals(engine.quote(gold, basket("T1", "2026-05-18")))).containsExactly(
        cny("180.00"), cny("90.00"), cny("900.00"), cny("450.00"), cny("72.00"),
        cny("70.00"));
  }

  @Test
  void aPointsMemberGetsTheRowsWithoutATierOnly() {
    MemberState points = member("M2", "100.00", "POINTS");

    assertThat(totals(engine.quote(points, basket("T1", "2026-05-16")))).containsExactly(
        cny("160.00"), cny("70.00"),
        cny("850.00"),   // 1000.00 x 85 %
        cny("425.00"),   // 500.00 x 85 %; new-in is for silver and above
        cny("80.00"), cny("70.00"));
  }

  @Test
  void aMistypedCopyIsRefusedWithEveryMistakeNamedAsDocsTablesShowsIt() throws IOException {
    String csv;
    try (InputStream in = WeeklyPromotionsTableTest.class.getClassLoader()
        .getResourceAsStream(TABLE)) {
      csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String mistyped = csv.replace("knit-week,80%", "knit-week,0.8")
        .replace("SATURDAY|SUNDAY", "SATURDAY|Sun").replace(",SILVER,", ",Silver,");

    assertThatThrownBy(() -> RuleTable.parse("weekly-promotions.csv", mistyped))
        .isInstanceOf(RuleTableException.class)
        .hasMessage("""
            the rule table weekly-promotions.csv has 3 problems; fix them and load the table again:
              weekly-promotions.csv:row 8, column "then rate": "0.8" is not a percentage with a \
            % sign; write the share of the price the customer pays with a % sign, from 0% to \
            under 100%, e.g. 80% for 20 % off (8折)
              weekly-promotions.csv:row 10, column "when weekday": "SATURDAY|Sun": "Sun" is not \
            a day of the week; write MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or \
            SUNDAY in capitals; several separated by |, e.g. SATURDAY|SUNDAY
              weekly-promotions.csv:row 11, column "when tier at least": "Silver" is not a tier \
            code (capital letters, digits and _); write one tier's code as the programme names \
            it, in capitals, e.g. SILVER (silver and every tier above it)""");
  }

  @Test
  void row10BecomesTheRuleDocsTablesShows() {
    assertThat(RuleTable.ofClasspath(TABLE).toDrl()).contains("""
        rule "weekly-promotions.csv row 10: Coats at the weekend: 15 % off on top of the member \
        rate"
            ruleflow-group "pricing"
        when
            Today( date >= LocalDate.parse("2026-05-11"), date <= LocalDate.parse("2026-05-17"),
                   dayOfWeek in (DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) )
            PricingPolicy( $markdownMinimum : markdownStackingMinimum )
            $line : SaleLine( category == "COATS", saleAtLeast($markdownMinimum) )
        then
            insert(PromotionRate.of($line, "coat-weekend", new BigDecimal("0.85"), true));
        end
        """);
  }
}
