package io.github.loyaltyrules.insight;

import static io.github.loyaltyrules.insight.Members.cny;
import static io.github.loyaltyrules.insight.Members.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.insight.ContributionPyramid.Level;
import io.github.loyaltyrules.insight.MonthlyReview.Category;
import io.github.loyaltyrules.insight.MonthlyReview.Count;
import io.github.loyaltyrules.insight.MonthlyReview.Figure;
import io.github.loyaltyrules.insight.MonthlyReview.Group;
import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.BuyerLayer;
import io.github.loyaltyrules.model.BuyerProfile;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.CardOrigin;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The review of a small store (S01) for November 2026, worked by hand, against its October
 * review. Five card holders at the month's end: A (gold since 2025, heavy, a promotion buyer),
 * B (new on 5 November), C (ordinary, mid, promotion and frequent), D (a dead card: last purchase
 * 1 February 2025), E (new on 28 November, no purchase yet). F belongs to store S02, G's card is
 * issued in December, H's is cancelled: not reviewed.
 *
 * <p>November: A buys twice (paid 900.00 and 1,800.00, 3 units), B once (300.00, 3 units), C
 * buys a tee (95.00): 4 purchases by 3 buying members, 7 units, 3,095.00. C also returns a knit
 * bought in October (475.00 refunded, 1 unit): a line of its own, outside the month's purchases.
 * October: A paid 450.00 (1 unit), C 950.00 (2 units).
 */
class MonthlyReviewTest {
  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  static final YearMonth OCTOBER = YearMonth.of(2026, 10);

  static final Programme PROGRAMME = Programmes.fromJson("""
      { "id": "store-test", "currency": "CNY", "timeZone": "Asia/Shanghai",
        "tiers": [
          { "code": "POINTS", "rank": 0, "qualifyingSpend": "0.00" },
          { "code": "ORDINARY", "rank": 1, "qualifyingSpend": "2000.00" },
          { "code": "SILVER", "rank": 2, "qualifyingSpend": "5000.00" },
          { "code": "GOLD", "rank": 3, "qualifyingSpend": "10000.00" },
          { "code": "DIAMOND", "rank": 4, "qualifyingSpend": "20000.00" } ],
        "insight": { "review": { "attributes": ["size"] } } }""", "store-test.json");

  private static MemberState member(String id, String store, String tier, LocalDate issued,
      LocalDate birth, Map<String, String> attributes, BuyerLayer layer, Set<String> types,
      Activity activity) {
    return MemberState.newMember(Members.profile(id, store, birth, attributes))
        .withCard(new Card("VIP-" + id, tier, CardStatus.ACTIVE, issued,
            CardOrigin.FIRST_PURCHASE))
        .withActivity(activity)
        .withBuyer(new BuyerProfile(0, 0, null, 0, 0, null, types, layer, null));
  }

  static List<MemberState> store() {
    return List.of(
        member("A", "S01", "GOLD", LocalDate.of(2025, 3, 10), LocalDate.of(1990, 5, 1),
            Map.of("size", "M"), BuyerLayer.HEAVY, Set.of("PROMOTION"),
            new Activity(10, LocalDate.of(2025, 3, 10), LocalDate.of(2026, 11, 20), null)),
        member("B", "S01", "POINTS", LocalDate.of(2026, 11, 5), LocalDate.of(2000, 1, 1),
            Map.of(), null, Set.of(),
            new Activity(1, LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 5), null)),
        member("C", "S01", "ORDINARY", LocalDate.of(2026, 1, 15), null, Map.of("size", "L"),
            BuyerLayer.MID, Set.of("PROMOTION", "FREQUENT"),
            new Activity(4, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 10, 1), null)),
        member("D", "S01", "POINTS", LocalDate.of(2025, 1, 1), LocalDate.of(1960, 6, 30),
            Map.of(), BuyerLayer.CASUAL, Set.of(),
            new Activity(2, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 2, 1), null)),
        member("E", "S01", "POINTS", LocalDate.of(2026, 11, 28), LocalDate.of(2008, 12, 1),
            Map.of(), null, Set.of(), Activity.NONE),
        member("F", "S02", "GOLD", LocalDate.of(2025, 1, 1), null, Map.of(), null, Set.of(),
            Activity.NONE),
        member("G", "S01", "POINTS", LocalDate.of(2026, 12, 2), null, Map.of(), null, Set.of(),
            Activity.NONE),
        member("H", "S01", "POINTS", LocalDate.of(2025, 1, 1), null, Map.of(), null, Set.of(),
            Activity.NONE).withCard(new Card("VIP-H", "POINTS", CardStatus.CANCELLED,
            LocalDate.of(2025, 1, 1), CardOrigin.FIRST_PURCHASE)));
  }

  private static MemberTransaction sale(String member, String id, LocalDate date, String paid,
      Line... lines) {
    return new MemberTransaction(member, Members.sale(id, date, lines), cny(paid));
  }

  static List<MemberTransaction> october() {
    return List.of(
        sale("C", "T-1", LocalDate.of(2026, 10, 1), "950.00", line("KNIT", 2, "500.00")),
        sale("A", "T0", LocalDate.of(2026, 10, 31), "450.00", line("KNIT", 1, "500.00")));
  }

  static List<MemberTransaction> november() {
    Transaction back = Transaction.returnOf("R1", LocalDate.of(2026, 11, 10)
            .atTime(LocalTime.NOON).atZone(Members.SHANGHAI).toInstant(), "S01", "T-1",
        LocalDate.of(2026, 10, 1).atTime(LocalTime.NOON).atZone(Members.SHANGHAI).toInstant(),
        List.of(line("KNIT", 1, "500.00")));
    return List.of(
        october().get(1),
        sale("A", "T1", LocalDate.of(2026, 11, 3), "900.00", line("KNIT", 2, "500.00")),
        sale("A", "T2", LocalDate.of(2026, 11, 20), "1800.00", line("COAT", 1, "2000.00")),
        sale("B", "T3", LocalDate.of(2026, 11, 5), "300.00", line("TEE", 3, "100.00")),
        new MemberTransaction("C", back, cny("475.00")),
        sale("C", "T4", LocalDate.of(2026, 11, 12), "95.00", line("TEE", 1, "100.00")),
        sale("F", "T5", LocalDate.of(2026, 11, 12), "95.00", line("TEE", 1, "100.00")),
        sale("X", "T6", LocalDate.of(2026, 11, 12), "95.00", line("TEE", 1, "100.00")));
  }

  static MonthlyReview octoberReview() {
    return MonthlyReview.builder(PROGRAMME, OCTOBER).store("S01")
        .build(store().stream(), october().stream());
  }

  static MonthlyReview novemberReview() {
    return MonthlyReview.builder(PROGRAMME, NOVEMBER).store("S01").previous(octoberReview())
        .build(store().stream(), november().stream());
  }

  private static Figure figure(String value, String previous, String change) {
    return new Figure(new BigDecimal(value), new BigDecimal(previous), new BigDecimal(change));
  }

  private static Group group(List<Group> groups, String key) {
    return groups.stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void theMemberBaseAndNewMembersAgainstTheMonthBefore() {
    MonthlyReview r = novemberReview();

    assertThat(r.memberBase()).isEqualTo(figure("5", "3", "2"));
    assertThat(r.newMembers()).isEqualTo(figure("2", "0", "2"));
    assertThat(r.transactionsSkipped()).as("October's T0, store S02's F and unknown X")
        .isEqualTo(3);
  }

  @Test
  void purchasesFrequencyItemsAndSpendAreNetOfReturns() {
    MonthlyReview r = novemberReview();

    assertThat(r.buyingMembers()).isEqualTo(figure("3", "2", "1"));
    assertThat(r.purchases()).isEqualTo(figure("4", "2", "2"));
    assertThat(r.purchaseFrequency()).isEqualTo(figure("1.33", "1.00", "0.33"));
    assertThat(r.units()).isEqualTo(figure("7", "3", "4"));
    assertThat(r.itemsPerPurchase()).isEqualTo(figure("1.75", "1.50", "0.25"));
    assertThat(r.spend()).isEqualTo(figure("3095.00", "1400.00", "1695.00"));
    assertThat(r.averageTicket()).isEqualTo(figure("773.75", "700.00", "73.75"));
  }

  @Test
  void newAndExistingMembersSpendSideBySide() {
    MonthlyReview r = novemberReview();

    assertThat(r.newAndOld()).containsExactly(
        new Group("NEW", 2, 1, 1, 3, new BigDecimal("300.00"), new BigDecimal("0.0969"),
            new Group("NEW", 0, 0, 0, 0, new BigDecimal("0.00"), new BigDecimal("0.0000"),
                null)),
        new Group("EXISTING", 3, 2, 3, 4, new BigDecimal("2795.00"), new BigDecimal("0.9031"),
            new Group("EXISTING", 3, 2, 2, 3, new BigDecimal("1400.00"),
                new BigDecimal("1.0000"), null)));
  }

  @Test
  void theDeadCardRateCountsCardsWithoutAPurchaseForHalfAYear() {
    MonthlyReview r = novemberReview();

    assertThat(r.deadCards()).isEqualTo(figure("1", "1", "0"));
    assertThat(r.deadCardRate()).isEqualTo(figure("0.2000", "0.3333", "-0.1333"));
  }

  @Test
  void exactlyHalfAYearWithoutAPurchaseIsADeadCardOnTheMonthsLastDay() {
    // 30 November 2026: 3 June is 180 days before it, 4 June 179
    MemberState dead = member("P", "S01", "POINTS", LocalDate.of(2026, 1, 1), null, Map.of(),
        null, Set.of(), new Activity(2, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 3), null));
    MemberState alive = member("Q", "S01", "POINTS", LocalDate.of(2026, 1, 1), null, Map.of(),
        null, Set.of(), new Activity(2, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 4), null));
    MemberState neverBought = member("R", "S01", "POINTS", LocalDate.of(2026, 6, 3), null,
        Map.of(), null, Set.of(), Activity.NONE);

    MonthlyReview r = MonthlyReview.builder(PROGRAMME, NOVEMBER).store("S01")
        .build(java.util.stream.Stream.of(dead, alive, neverBought),
            java.util.stream.Stream.empty());

    assertThat(r.deadCards().value()).isEqualByComparingTo("2");
    assertThat(r.deadCardRate().value()).isEqualByComparingTo("0.6667");
    assertThat(r.deadCardDays()).isEqualTo(180);
  }

  @Test
  void daysBetweenPurchasesAverageTheMembersGapsEachRoundedOnceToTwoDecimals() {
    // A 620 days over 9 gaps: 68.89; C 259 over 3: 86.33; D 31 over 1: 31.00;
    // (68.89 + 86.33 + 31.00) / 3 = 62.0733: 62.07 (whole days gave 61.7)
    assertThat(novemberReview().averageDaysBetweenPurchases().value()).isEqualTo("62.07");
  }

  @Test
  void daysBetweenPurchasesKeepTheFractionsOfADay() {
    // P 164 days over 3 gaps: 54.67; Q 55 over 1: 55.00; R 109 over 2: 54.50;
    // 164.17 / 3 = 54.7233: 54.72 (whole days, 54 + 55 + 54, gave 54.3)
    LocalDate first = LocalDate.of(2026, 1, 1);
    MonthlyReview r = MonthlyReview.builder(PROGRAMME, NOVEMBER).store("S01").build(
        java.util.stream.Stream.of(
            member("P", "S01", "POINTS", first, null, Map.of(), null, Set.of(),
                new Activity(4, first, first.plusDays(164), null)),
            member("Q", "S01", "POINTS", first, null, Map.of(), null, Set.of(),
                new Activity(2, first, first.plusDays(55), null)),
            member("R", "S01", "POINTS", first, null, Map.of(), null, Set.of(),
                new Activity(3, first, first.plusDays(109), null))),
        java.util.stream.Stream.empty());

    assertThat(r.averageDaysBetweenPurchases().value()).isEqualTo("54.72");
  }

  @Test
  void eachTierAndLayerContributesItsNetSpend() {
    MonthlyReview r = novemberReview();

    assertThat(group(r.tiers(), "POINTS")).extracting(Group::members, Group::buyers,
        Group::spend, Group::spendShare).containsExactly(3L, 1L, new BigDecimal("300.00"),
        new BigDecimal("0.0969"));
    assertThat(group(r.tiers(), "ORDINARY").spend()).isEqualTo("95.00");
    assertThat(group(r.tiers(), "ORDINARY").spendShare()).isEqualTo("0.0307");
    assertThat(group(r.tiers(), "GOLD").spendShare()).isEqualTo("0.8724");
    assertThat(group(r.tiers(), "GOLD").previous().spend()).isEqualByComparingTo("450.00");
    assertThat(r.layers()).extracting(Group::key, Group::members, Group::spend)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CASUAL", 1L, new BigDecimal("0.00")),
            org.assertj.core.groups.Tuple.tuple("MID", 1L, new BigDecimal("95.00")),
            org.assertj.core.groups.Tuple.tuple("HEAVY", 1L, new BigDecimal("2700.00")),
            org.assertj.core.groups.Tuple.tuple("UNCLASSIFIED", 2L, new BigDecimal("300.00")));
  }

  @Test
  void spendByAgeBandOnTheMonthsLastDay() {
    MonthlyReview r = novemberReview();

    assertThat(r.ageBands()).extracting(Group::key, Group::members, Group::spend)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("under 25", 1L, new BigDecimal("0.00")),
            org.assertj.core.groups.Tuple.tuple("25-34", 1L, new BigDecimal("300.00")),
            org.assertj.core.groups.Tuple.tuple("35-44", 1L, new BigDecimal("2700.00")),
            org.assertj.core.groups.Tuple.tuple("45-54", 0L, new BigDecimal("0.00")),
            org.assertj.core.groups.Tuple.tuple("55 and over", 1L, new BigDecimal("0.00")),
            org.assertj.core.groups.Tuple.tuple("unknown", 1L, new BigDecimal("95.00")));
  }

  @Test
  void categoriesShowTheirTrendAndPriceLevel() {
    List<Category> c = novemberReview().categories();

    assertThat(c).extracting(Category::category).containsExactly("COAT", "KNIT", "TEE");
    assertThat(c.get(0)).isEqualTo(new Category("COAT", 1, 1, new BigDecimal("2000.00"),
        new BigDecimal("0.5882"), new BigDecimal("2000.00"), null));
    assertThat(c.get(1)).isEqualTo(new Category("KNIT", 1, 2, new BigDecimal("1000.00"),
        new BigDecimal("0.2941"), new BigDecimal("500.00"), new Category("KNIT", 2, 3,
        new BigDecimal("1500.00"), new BigDecimal("1.0000"), new BigDecimal("500.00"), null)));
    assertThat(c.get(2).units()).isEqualTo(4);
    assertThat(c.get(2).purchases()).isEqualTo(2);
    assertThat(c.get(2).valueShare()).isEqualTo("0.1176");
  }

  @Test
  void attributesAndPurchaseTypesAreCountedAgainstTheMonthBefore() {
    MonthlyReview r = novemberReview();

    assertThat(r.attributes()).containsExactly(new Count("size=L", 1, 1L),
        new Count("size=M", 1, 1L));
    assertThat(r.buyerTypes()).containsExactly(new Count("FREQUENT", 1, 1L),
        new Count("PROMOTION", 2, 2L));
  }

  @Test
  void theTopTenPercentAndThePyramidRankTheBuyersBySpend() {
    MonthlyReview r = novemberReview();

    // A 2,700.00, B 300.00, C 95.00: 10 % of 3 buyers rounds to none, so the top one is taken,
    // and each level holds one buyer while there are buyers left
    assertThat(r.topShare()).isEqualTo(figure("0.8724", "0.6786", "0.1938"));
    assertThat(r.topBuyers()).isEqualTo("0.10");
    assertThat(r.pyramid().levels()).extracting(Level::members).containsExactly(1L, 1L, 1L, 0L);
    assertThat(r.pyramid().levels()).extracting(Level::spend)
        .containsExactly(cny("2700.00"), cny("300.00"), cny("95.00"), cny("0.00"));
    assertThat(r.pyramid().levels().get(0).spendShare()).isEqualTo(r.topShare().value());
  }

  private static MemberTransaction returned(String member, String id, LocalDate date,
      String saleId, LocalDate sold, String refund, Line... lines) {
    Transaction back = Transaction.returnOf(id, date.atTime(LocalTime.NOON)
            .atZone(Members.SHANGHAI).toInstant(), "S01", saleId,
        sold.atTime(LocalTime.NOON).atZone(Members.SHANGHAI).toInstant(), List.of(lines));
    return new MemberTransaction(member, back, cny(refund));
  }

  @Test
  void aSaleFullyReturnedInTheMonthIsNoPurchaseAndNoBuyerInAnySection() {
    // A buys for 900.00; B buys for 300.00 and returns all of it a week later
    MonthlyReview r = MonthlyReview.builder(PROGRAMME, NOVEMBER).store("S01").build(
        store().stream(), java.util.stream.Stream.of(
            sale("A", "T1", LocalDate.of(2026, 11, 3), "900.00", line("KNIT", 2, "500.00")),
            sale("B", "T3", LocalDate.of(2026, 11, 5), "300.00", line("TEE", 3, "100.00")),
            returned("B", "R3", LocalDate.of(2026, 11, 12), "T3", LocalDate.of(2026, 11, 5),
                "300.00", line("TEE", 3, "100.00"))));

    assertThat(r.buyingMembers().value()).isEqualTo("1");
    assertThat(r.purchases().value()).isEqualTo("1");
    assertThat(r.units().value()).isEqualTo("2");
    assertThat(r.spend().value()).isEqualTo("900.00");
    assertThat(r.pyramid().members()).isEqualTo(1);
    assertThat(r.pyramid().spend()).isEqualTo(cny("900.00"));
    assertThat(group(r.newAndOld(), "NEW")).extracting(Group::buyers, Group::purchases,
        Group::units, Group::spend).containsExactly(0L, 0L, 0L, new BigDecimal("0.00"));
    assertThat(group(r.tiers(), "GOLD").spendShare()).isEqualTo("1.0000");
    assertThat(r.earlierSalesReturns().value()).isEqualTo("0");
    assertThat(r.categories()).extracting(Category::category, Category::units, Category::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("KNIT", 2L,
                new BigDecimal("1000.00")),
            org.assertj.core.groups.Tuple.tuple("TEE", 0L, new BigDecimal("0.00")));
  }

  @Test
  void returnsOfAnEarlierMonthsGoodsAreALineOfTheirOwnAndNoShareIsNegative() {
    // C's only transaction in November returns October's knit: no purchase, no spend
    MonthlyReview r = MonthlyReview.builder(PROGRAMME, NOVEMBER).store("S01").build(
        store().stream(), java.util.stream.Stream.of(
            sale("A", "T1", LocalDate.of(2026, 11, 3), "900.00", line("KNIT", 2, "500.00")),
            returned("C", "R1", LocalDate.of(2026, 11, 10), "T-1", LocalDate.of(2026, 10, 1),
                "475.00", line("KNIT", 1, "500.00"))));

    assertThat(r.earlierSalesReturns().value()).isEqualTo("1");
    assertThat(r.earlierSalesReturnedUnits().value()).isEqualTo("1");
    assertThat(r.earlierSalesRefunds().value()).isEqualTo("475.00");
    assertThat(r.spend().value()).isEqualTo("900.00");
    assertThat(r.units().value()).isEqualTo("2");
    assertThat(r.buyingMembers().value()).isEqualTo("1");
    assertThat(r.tiers()).extracting(Group::key, Group::spend, Group::spendShare)
        .contains(org.assertj.core.groups.Tuple.tuple("ORDINARY", new BigDecimal("0.00"),
                new BigDecimal("0.0000")),
            org.assertj.core.groups.Tuple.tuple("GOLD", new BigDecimal("900.00"),
                new BigDecimal("1.0000")));
    assertThat(r.categories()).extracting(Category::category, Category::units, Category::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("KNIT", 2L,
            new BigDecimal("1000.00")));
    assertThat(r.toCsv()).contains("summary,,earlierSalesReturns,1,,\n",
        "summary,,earlierSalesReturnedUnits,1,,\n", "summary,,earlierSalesRefunds,475.00,,\n");
  }

  @Test
  void everySectionAgreesWithTheHeadline() {
    MonthlyReview r = novemberReview();

    for (List<Group> section : List.of(r.newAndOld(), r.tiers(), r.layers(), r.ageBands())) {
      assertThat(section.stream().mapToLong(Group::buyers).sum())
          .isEqualTo(r.buyingMembers().value().longValueExact());
      assertThat(section.stream().mapToLong(Group::purchases).sum())
          .isEqualTo(r.purchases().value().longValueExact());
      assertThat(section.stream().mapToLong(Group::units).sum())
          .isEqualTo(r.units().value().longValueExact());
      assertThat(section.stream().map(Group::spend).reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualTo(r.spend().value());
      assertThat(section).allSatisfy(g -> assertThat(g.spendShare()).isNotNegative());
    }
    assertThat(r.pyramid().members()).isEqualTo(r.buyingMembers().value().longValueExact());
    assertThat(r.pyramid().spend().amount()).isEqualTo(r.spend().value());
  }

  @Test
  void withFourBuyersTheTopShareIsThePlatinumLevelsShare() {
    LocalDate day = LocalDate.of(2026, 11, 3);
    MonthlyReview r = MonthlyReview.builder(PROGRAMME, NOVEMBER).store("S01").build(
        store().stream(), java.util.stream.Stream.of(
            sale("A", "T1", day, "1000.00", line("KNIT", 2, "500.00")),
            sale("B", "T2", day, "400.00", line("TEE", 4, "100.00")),
            sale("C", "T3", day, "300.00", line("TEE", 3, "100.00")),
            sale("D", "T4", day, "100.00", line("TEE", 1, "100.00"))));

    assertThat(r.pyramid().levels()).extracting(Level::members)
        .containsExactly(1L, 1L, 1L, 1L);
    assertThat(r.pyramid().levels().get(0).spend()).isEqualTo(cny("1000.00"));
    // 1,000.00 of 1,800.00
    assertThat(r.topShare().value()).isEqualTo("0.5556");
    assertThat(r.pyramid().levels().get(0).spendShare()).isEqualTo("0.5556");
  }

  @Test
  void theTrendKeepsTheMonthsInOrder() {
    MonthlyReview r = novemberReview();

    assertThat(r.trend()).extracting(MonthlyReview.TrendPoint::month)
        .containsExactly(OCTOBER, NOVEMBER);
    assertThat(r.trend().get(1).spend()).isEqualByComparingTo("3095.00");
  }

  @Test
  void theJsonReadsBackAsTheSameReview() {
    MonthlyReview r = novemberReview();

    assertThat(MonthlyReview.fromJson(r.toJson())).isEqualTo(r);
  }

  @Test
  void theCsvHasOneLinePerFigureWithThePreviousMonth() {
    String csv = novemberReview().toCsv();

    assertThat(csv).startsWith("section,key,figure,value,previous,change\n"
        + "review,,month,2026-11,,\nreview,,store,S01,,\nreview,,currency,CNY,,\n"
        + "summary,,memberBase,5,3,2\n");
    assertThat(csv).contains("summary,,spend,3095.00,1400.00,1695.00\n",
        "summary,,earlierSalesRefunds,475.00,0.00,475.00\n",
        "summary,,deadCardRate,0.2000,0.3333,-0.1333\n",
        "tiers,GOLD,spend,2700.00,450.00,2250.00\n",
        "categories,KNIT,unitPrice,500.00,500.00,0.00\n",
        "attributes,size=M,members,1,1,0\n",
        "pyramid,PLATINUM,spend,2700.00,,\n",
        "trend,2026-10,spend,1400.00,,\n");
  }

  @Test
  void aReviewWrittenBeforeTheEarlierMonthsReturnsReadsAsNoneAndTheDefaults() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode json =
        (com.fasterxml.jackson.databind.node.ObjectNode) io.github.loyaltyrules.json.LoyaltyJson
            .mapper().readTree(octoberReview().toJson());
    json.remove(List.of("earlierSalesReturns", "earlierSalesReturnedUnits",
        "earlierSalesRefunds", "topBuyers", "deadCardDays"));

    MonthlyReview old = MonthlyReview.fromJson(json.toString());
    MonthlyReview november = MonthlyReview.builder(PROGRAMME, NOVEMBER).store("S01")
        .previous(old).build(store().stream(), november().stream());

    assertThat(old.earlierSalesRefunds().value()).isEqualTo("0");
    assertThat(old.topBuyers()).isEqualTo("0.10");
    assertThat(old.deadCardDays()).isEqualTo(180);
    assertThat(november.earlierSalesRefunds()).isEqualTo(figure("475.00", "0", "475.00"));
  }

  @Test
  void aPreviousReviewOfAnotherMonthIsRefused() {
    assertThatThrownBy(() -> MonthlyReview.builder(PROGRAMME, YearMonth.of(2026, 12))
        .store("S01").previous(octoberReview()))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("review.previous.month = 2026-10: must be 2026-11, the month before"
            + " 2026-12");
  }

  @Test
  void manySalesOfOneMemberAddUpToTheCent() {
    java.util.stream.Stream<MemberTransaction> many = java.util.stream.IntStream
        .range(0, 20_000).mapToObj(i -> sale("B", "M" + i, LocalDate.of(2026, 11, 1 + i % 30),
            "1.00", line("TEE", 1, "1.00")));
    MonthlyReview r = MonthlyReview.builder(PROGRAMME, NOVEMBER).store("S01")
        .build(store().stream(), many);

    assertThat(r.purchases().value()).isEqualByComparingTo("20000");
    assertThat(r.spend().value()).isEqualByComparingTo("20000.00");
    assertThat(Money.of(r.spend().value(), java.util.Currency.getInstance("CNY")))
        .isEqualTo(cny("20000.00"));
  }
}
