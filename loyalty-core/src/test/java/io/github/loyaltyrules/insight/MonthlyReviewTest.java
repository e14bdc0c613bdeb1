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
 * returns a knit from October (475.00 refunded, 1 unit) and buys a tee (95.00): 4 purchases by 3
 * buying members, 6 units net, 2,620.00 net. October: A paid 450.00 (1 unit), C 950.00 (2
 * units).
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
    assertThat(r.units()).isEqualTo(figure("6", "3", "3"));
    assertThat(r.itemsPerPurchase()).isEqualTo(figure("1.50", "1.50", "0.00"));
    assertThat(r.spend()).isEqualTo(figure("2620.00", "1400.00", "1220.00"));
    assertThat(r.averageTicket()).isEqualTo(figure("655.00", "700.00", "-45.00"));
  }

  @Test
  void newAndExistingMembersSpendSideBySide() {
    MonthlyReview r = novemberReview();

    assertThat(r.newAndOld()).containsExactly(
        new Group("NEW", 2, 1, 1, 3, new BigDecimal("300.00"), new BigDecimal("0.1145"),
            new Group("NEW", 0, 0, 0, 0, new BigDecimal("0.00"), new BigDecimal("0.0000"),
                null)),
        new Group("EXISTING", 3, 2, 3, 3, new BigDecimal("2320.00"), new BigDecimal("0.8855"),
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
  void daysBetweenPurchasesAreTheMembersUsualGapsOnAverage() {
    // A 620 days over 9 gaps: 68; C 259 over 3: 86; D 31 over 1: 31; (68 + 86 + 31) / 3
    assertThat(novemberReview().averageDaysBetweenPurchases().value())
        .isEqualByComparingTo("61.7");
  }

  @Test
  void eachTierAndLayerContributesItsNetSpend() {
    MonthlyReview r = novemberReview();

    assertThat(group(r.tiers(), "POINTS")).extracting(Group::members, Group::buyers,
        Group::spend, Group::spendShare).containsExactly(3L, 1L, new BigDecimal("300.00"),
        new BigDecimal("0.1145"));
    assertThat(group(r.tiers(), "ORDINARY").spend()).isEqualByComparingTo("-380.00");
    assertThat(group(r.tiers(), "ORDINARY").spendShare()).isEqualByComparingTo("-0.1450");
    assertThat(group(r.tiers(), "GOLD").spendShare()).isEqualByComparingTo("1.0305");
    assertThat(group(r.tiers(), "GOLD").previous().spend()).isEqualByComparingTo("450.00");
    assertThat(r.layers()).extracting(Group::key, Group::members, Group::spend)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CASUAL", 1L, new BigDecimal("0.00")),
            org.assertj.core.groups.Tuple.tuple("MID", 1L, new BigDecimal("-380.00")),
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
            org.assertj.core.groups.Tuple.tuple("unknown", 1L, new BigDecimal("-380.00")));
  }

  @Test
  void categoriesShowTheirTrendAndPriceLevel() {
    List<Category> c = novemberReview().categories();

    assertThat(c).extracting(Category::category).containsExactly("COAT", "KNIT", "TEE");
    assertThat(c.get(0)).isEqualTo(new Category("COAT", 1, 1, new BigDecimal("2000.00"),
        new BigDecimal("0.6897"), new BigDecimal("2000.00"), null));
    assertThat(c.get(1)).isEqualTo(new Category("KNIT", 1, 1, new BigDecimal("500.00"),
        new BigDecimal("0.1724"), new BigDecimal("500.00"), new Category("KNIT", 2, 3,
        new BigDecimal("1500.00"), new BigDecimal("1.0000"), new BigDecimal("500.00"), null)));
    assertThat(c.get(2).units()).isEqualTo(4);
    assertThat(c.get(2).purchases()).isEqualTo(2);
    assertThat(c.get(2).valueShare()).isEqualByComparingTo("0.1379");
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

    // buyers with spend above zero: A 2,700.00 and B 300.00; the top 10 % is one member
    assertThat(r.topShare().value()).isEqualByComparingTo("0.9000");
    assertThat(r.pyramid().levels()).extracting(Level::members).containsExactly(0L, 0L, 1L, 1L);
    assertThat(r.pyramid().levels()).extracting(Level::spend)
        .containsExactly(cny("0.00"), cny("0.00"), cny("2700.00"), cny("300.00"));
  }

  @Test
  void theTrendKeepsTheMonthsInOrder() {
    MonthlyReview r = novemberReview();

    assertThat(r.trend()).extracting(MonthlyReview.TrendPoint::month)
        .containsExactly(OCTOBER, NOVEMBER);
    assertThat(r.trend().get(1).spend()).isEqualByComparingTo("2620.00");
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
    assertThat(csv).contains("summary,,spend,2620.00,1400.00,1220.00\n",
        "summary,,deadCardRate,0.2000,0.3333,-0.1333\n",
        "tiers,GOLD,spend,2700.00,450.00,2250.00\n",
        "categories,KNIT,unitPrice,500.00,500.00,0.00\n",
        "attributes,size=M,members,1,1,0\n",
        "pyramid,IRON,spend,2700.00,,\n",
        "trend,2026-10,spend,1400.00,,\n");
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
