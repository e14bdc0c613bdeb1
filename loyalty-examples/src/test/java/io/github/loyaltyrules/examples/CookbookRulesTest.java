package io.github.loyaltyrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.Explanation;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RuleSource;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.FollowUpDropped;
import io.github.loyaltyrules.outcome.FollowUpScheduled;
import io.github.loyaltyrules.outcome.LinePoints;
import io.github.loyaltyrules.outcome.NotApplied;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsCalculated;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.outcome.SpendRecorded;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.outcome.TierKept;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The thirteen cookbook rules of the README's "Writing rules", each loaded from its file in
 * {@code examples/rules/} next to the default pack, with no change to the library's Java.
 * Figures: the default programme (points member 100 %, silver 92 %, gold 90 %, diamond 85 %;
 * 1 point per yuan paid, rounded down).
 */
class CookbookRulesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  static LoyaltyEngine engine(Programme programme, String file) {
    return LoyaltyEngine.builder().programme(programme)
        .rules(RuleSource.ofClasspath("io/github/loyaltyrules/examples/rules/" + file)).build();
  }

  static Instant at(String shanghai) {
    return LocalDateTime.parse(shanghai).atZone(SHANGHAI).toInstant();
  }

  static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  static Line line(String sku, String category, String list, String sale) {
    return Line.of(sku, category, 1, cny(list), cny(sale));
  }

  static Transaction sale(String id, String when, Line... lines) {
    return Transaction.sale(id, at(when), "S01", List.of(lines));
  }

  static Transaction sale(String id, String when, String amount) {
    return sale(id, when, line("SKU-" + id, "TOPS", amount, amount));
  }

  static MemberState member(String id) {
    return MemberState.newMember(CustomerProfile.anonymous(id));
  }

  /** A member who reached {@code tier} with one purchase of {@code spend} on Monday 4 May. */
  static MemberState memberWithSpend(LoyaltyEngine engine, MemberState member, String spend,
      String tier) {
    Outcome o = engine.evaluate(member, sale("Q-" + member.memberId(), "2026-05-04T10:00",
        spend));
    assertThat(o.state().tier()).isEqualTo(tier);
    return o.state();
  }

  static long points(Outcome o) {
    return o.effects(PointsCalculated.class).get(0).points();
  }

  static List<Money> lineTotals(BasketPriced priced) {
    List<Money> out = new ArrayList<>();
    for (PricedLine l : priced.lines()) {
      out.add(l.total());
    }
    return out;
  }

  @Nested
  class TuesdayDoublePoints {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(), "tuesday-double-points.drl");

    @Test
    void aSilverMemberEarnsDoubleOnATuesdayOnly() {
      MemberState silver = memberWithSpend(engine, member("M1"), "5000.00", "SILVER");

      // Tuesday 5 May: 100.00 at the silver rate of 92 % is 92.00, doubled
      assertThat(points(engine.evaluate(silver, sale("T1", "2026-05-05T10:00", "100.00"))))
          .isEqualTo(184);
      // Wednesday 6 May: no double
      assertThat(points(engine.evaluate(silver, sale("T2", "2026-05-06T10:00", "100.00"))))
          .isEqualTo(92);
    }

    @Test
    void aMemberBelowSilverEarnsSinglePointsOnATuesday() {
      assertThat(points(engine.evaluate(member("M2"), sale("T1", "2026-05-05T10:00",
          "100.00")))).isEqualTo(100);
    }
  }

  @Nested
  class NoMemberRateOnCosmetics {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(),
        "no-member-rate-on-cosmetics.drl");

    @Test
    void cosmeticsKeepTheirPriceWhileOtherLinesGetTheSilverRate() {
      MemberState silver = memberWithSpend(engine, member("M1"), "5000.00", "SILVER");
      Transaction basket = sale("T1", "2026-05-05T10:00",
          line("LIP-1", "COSMETICS", "100.00", "100.00"), line("TOP-1", "TOPS", "100.00",
              "100.00"));

      BasketPriced priced = engine.quote(silver, basket, Explanation.FULL);

      assertThat(lineTotals(priced)).containsExactly(cny("100.00"), cny("92.00"));
      assertThat(priced.lines().get(0).notApplied()).contains(new NotApplied("tier:SILVER",
          "cosmetics carry no member rate"));
    }
  }

  @Nested
  class VipSaleDayExtra {
    final Programme programme = withVipDay("2026-05-12");
    final LoyaltyEngine engine = engine(programme, "vip-sale-day-extra.drl");

    @Test
    void goldGetsFivePercentMoreOnTheVipDayButNeverUnderSeventyPercentOfList() {
      MemberState gold = memberWithSpend(engine, member("M1"), "10000.00", "GOLD");
      Transaction basket = sale("T1", "2026-05-12T10:00",
          line("A", "TOPS", "100.00", "100.00"),  // 90.00 × 95 % = 85.50
          line("B", "TOPS", "100.00", "84.00"),   // 75.60 × 95 % = 71.82
          line("C", "TOPS", "100.00", "80.00"));  // 72.00 × 95 % = 68.40, held at 70.00

      assertThat(lineTotals(engine.quote(gold, basket))).containsExactly(cny("85.50"),
          cny("71.82"), cny("70.00"));
    }

    @Test
    void theDayAfterOnlyTheGoldRateApplies() {
      MemberState gold = memberWithSpend(engine, member("M1"), "10000.00", "GOLD");
      Transaction basket = sale("T1", "2026-05-13T10:00",
          line("A", "TOPS", "100.00", "100.00"), line("C", "TOPS", "100.00", "80.00"));

      assertThat(lineTotals(engine.quote(gold, basket))).containsExactly(cny("90.00"),
          cny("72.00"));
    }

    @Test
    void aSilverMemberGetsNoExtraOnTheVipDay() {
      MemberState silver = memberWithSpend(engine, member("M2"), "5000.00", "SILVER");

      assertThat(lineTotals(engine.quote(silver, sale("T1", "2026-05-12T10:00", "100.00"))))
          .containsExactly(cny("92.00"));
    }

    static Programme withVipDay(String date) {
      try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
        ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(in);
        root.set("followUps", LoyaltyJson.mapper().readTree("{\"promotions\": [{\"id\":"
            + " \"VIP-0512\", \"name\": \"VIP sale day\", \"date\": \"" + date + "\"}]}"));
        return Programmes.fromJson(root.toString(), "vip-programme.json");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Nested
  class ThirdTshirtHalfPrice {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(),
        "third-tshirt-half-price.drl");

    @Test
    void theCheapestOfThreeTshirtsIsHalfPrice() {
      Transaction basket = sale("T1", "2026-05-05T10:00",
          line("TS-1", "T_SHIRT", "100.00", "100.00"), line("TS-2", "T_SHIRT", "80.00", "80.00"),
          line("TS-3", "T_SHIRT", "60.00", "60.00"), line("TOP-1", "TOPS", "50.00", "50.00"));

      BasketPriced priced = engine.quote(member("M1"), basket);

      assertThat(lineTotals(priced)).containsExactly(cny("100.00"), cny("80.00"), cny("30.00"),
          cny("50.00"));
      assertThat(priced.total()).isEqualTo(cny("260.00"));
    }

    @Test
    void aFourthTshirtStartsTheNextThreeAndPaysInFull() {
      Transaction basket = sale("T1", "2026-05-05T10:00",
          line("TS-1", "T_SHIRT", "100.00", "100.00"), line("TS-2", "T_SHIRT", "80.00", "80.00"),
          line("TS-3", "T_SHIRT", "60.00", "60.00"), line("TS-4", "T_SHIRT", "40.00", "40.00"));

      assertThat(lineTotals(engine.quote(member("M1"), basket))).containsExactly(cny("100.00"),
          cny("80.00"), cny("30.00"), cny("40.00"));
    }

    @Test
    void twoTshirtsPayInFull() {
      Transaction basket = sale("T1", "2026-05-05T10:00",
          line("TS-1", "T_SHIRT", "100.00", "100.00"), line("TS-2", "T_SHIRT", "80.00", "80.00"));

      assertThat(engine.quote(member("M1"), basket).total()).isEqualTo(cny("180.00"));
    }
  }

  @Nested
  class PartnerBirthdayGift {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(), "partner-birthday-gift.drl");

    @Test
    void threeDaysBeforeTheBirthdayTheAssociateIsAskedToArrangeTheGift() {
      CustomerProfile profile = new CustomerProfile("M1", null, null, LocalDate.of(1990, 5, 15),
          null, null, null, "S01", "A7", Map.of(Channel.MESSAGING, true), null);
      MemberState card = engine.evaluate(MemberState.newMember(profile),
          sale("T1", "2026-03-02T10:00", "100.00")).state();

      Outcome o = engine.assess(card, LocalDate.of(2026, 5, 12));

      FollowUp task = o.effects(FollowUpScheduled.class).stream().map(FollowUpScheduled::followUp)
          .filter(f -> f.kind() == FollowUpKind.ASSOCIATE_TASK).findFirst().orElseThrow();
      assertThat(task.id()).isEqualTo("M1:ASSOCIATE_TASK:ktv-2026");
      assertThat(task.associateId()).isEqualTo("A7");
      assertThat(task.due()).isEqualTo(LocalDate.of(2026, 5, 12));
      assertThat(task.from()).isEqualTo(LocalTime.of(10, 0));
      assertThat(task.to()).isEqualTo(LocalTime.of(20, 0));
      assertThat(task.rule())
          .isEqualTo("Acme: three days before a birthday, arrange the partner's KTV gift");
      assertThat(task.params()).containsEntry("task", "arrange the partner's birthday gift (KTV)");
    }

    @Test
    void fourDaysBeforeNothingIsAsked() {
      CustomerProfile profile = new CustomerProfile("M1", null, null, LocalDate.of(1990, 5, 15),
          null, null, null, "S01", "A7", Map.of(Channel.MESSAGING, true), null);
      MemberState card = engine.evaluate(MemberState.newMember(profile),
          sale("T1", "2026-03-02T10:00", "100.00")).state();

      assertThat(engine.assess(card, LocalDate.of(2026, 5, 11)).effects(FollowUpScheduled.class))
          .noneMatch(s -> s.followUp().kind() == FollowUpKind.ASSOCIATE_TASK);
    }
  }

  @Nested
  class WelcomeBackBonus {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(), "welcome-back-bonus.drl");

    @Test
    void theFirstPurchaseAfterNinetyDaysAwayEarnsFiveHundredMore() {
      MemberState first = engine.evaluate(member("M1"), sale("T1", "2026-01-05T10:00",
          "100.00")).state();

      Outcome back = engine.evaluate(first, sale("T2", "2026-05-04T10:00", "100.00"));
      Outcome again = engine.evaluate(back.state(), sale("T3", "2026-05-06T10:00", "100.00"));

      assertThat(points(back)).isEqualTo(600);
      assertThat(points(again)).isEqualTo(100);
    }

    @Test
    void eightyNineDaysAwayEarnNoBonus() {
      MemberState first = engine.evaluate(member("M1"), sale("T1", "2026-02-04T10:00",
          "100.00")).state();

      assertThat(points(engine.evaluate(first, sale("T2", "2026-05-04T10:00", "100.00"))))
          .isEqualTo(100);
    }
  }

  @Nested
  class GiftCardsEarnNothing {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(), "gift-cards-earn-nothing.drl");

    @Test
    void aGiftCardCountsForNeitherTierSpendNorPoints() {
      Outcome o = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00",
          line("GC-2000", "GIFT_CARD", "2000.00", "2000.00"), line("TOP-1", "TOPS", "100.00",
              "100.00")));

      assertThat(points(o)).isEqualTo(100);
      assertThat(o.effects(SpendRecorded.class).get(0).change()).isEqualTo(cny("100.00"));
      // 2,100.00 would have reached the ordinary card (2,000.00)
      assertThat(o.state().tier()).isEqualTo("POINTS");
    }
  }

  @Nested
  class Employees {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(), "employees.drl");

    @Test
    void anEmployeePaysTheDiamondRateAndEarnsNoPoints() {
      MemberState employee = MemberState.newMember(new CustomerProfile("E1", null, null, null,
          null, null, null, null, null, null, Map.of("employee", "yes")));

      Outcome o = engine.evaluate(employee, sale("T1", "2026-05-04T10:00", "100.00"));

      assertThat(o.effects(BasketPriced.class).get(0).total()).isEqualTo(cny("85.00"));
      assertThat(points(o)).isZero();
      assertThat(o.state().points().available() + o.state().points().pending()).isZero();
    }

    @Test
    void aCustomerWhoIsNotAnEmployeePaysThePointsMemberPrice() {
      Outcome o = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "100.00"));

      assertThat(o.effects(BasketPriced.class).get(0).total()).isEqualTo(cny("100.00"));
      assertThat(points(o)).isEqualTo(100);
    }
  }

  @Nested
  class FoundersAreGold {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(), "founders-are-gold.drl");

    MemberState founder(String value) {
      return MemberState.newMember(new CustomerProfile("F1", null, null, null, null, null, null,
          null, null, null, Map.of("founder", value)));
    }

    @Test
    void aFoundersFirstPurchaseMakesThemGoldWhateverTheSpend() {
      Outcome first = engine.evaluate(founder("yes"), sale("T1", "2026-05-04T10:00", "100.00"));

      // priced before the move: the new card is a points member's, 100 %
      assertThat(first.effects(BasketPriced.class).get(0).total()).isEqualTo(cny("100.00"));
      assertThat(first.state().tier()).isEqualTo("GOLD");
      assertThat(first.effects(TierChanged.class)).singleElement().satisfies(t -> {
        assertThat(t.rule()).isEqualTo("Acme: founders qualify for gold whatever their spend");
        assertThat(t.reason()).isEqualTo("founder member: gold whatever the spend");
        assertThat(t.from()).isEqualTo("POINTS");
        // 100.00 in Q2 2026 is far under gold's 10,000.00; reached in Q2, held to the end of Q3
        assertThat(t.windowSpend()).isEqualTo(cny("100.00"));
        assertThat(t.heldUntil()).isEqualTo(LocalDate.of(2026, 9, 30));
      });

      // the next day: 100.00 at the gold rate of 90 % is 90.00; no second move
      Outcome next = engine.evaluate(first.state(), sale("T2", "2026-05-05T10:00", "100.00"));
      assertThat(next.effects(BasketPriced.class).get(0).total()).isEqualTo(cny("90.00"));
      assertThat(points(next)).isEqualTo(90);
      assertThat(next.firedRuleNames())
          .doesNotContain("Acme: founders qualify for gold whatever their spend");
    }

    @Test
    void aFounderKeepsGoldAtTheReviewWithoutSpend() {
      MemberState gold = engine.evaluate(founder("yes"), sale("T1", "2026-05-04T10:00",
          "100.00")).state();

      // Q3 2026 spend 0.00 is under gold's retention of 10,000.00: the default pack would drop
      // the founder to the points tier; kept, gold is held to the end of the following quarter
      Outcome review = engine.assess(gold, LocalDate.of(2026, 10, 1));

      assertThat(review.state().tier()).isEqualTo("GOLD");
      assertThat(review.effects(TierChanged.class)).isEmpty();
      assertThat(review.effects(TierKept.class)).singleElement().satisfies(k -> {
        assertThat(k.rule()).isEqualTo("Acme: founders are not reviewed below gold");
        assertThat(k.windowSpend()).isEqualTo(cny("0.00"));
        assertThat(k.heldUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
      });
    }

    @Test
    void aMemberWhoIsNotAFounderStaysAPointsMember() {
      Outcome o = engine.evaluate(founder("no"), sale("T1", "2026-05-04T10:00", "100.00"));

      assertThat(o.state().tier()).isEqualTo("POINTS");
      assertThat(o.effects(TierChanged.class)).isEmpty();
    }
  }

  @Nested
  class SocksThreeForFifty {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(), "socks-three-for-fifty.drl");

    static Line pairs(String sku, int quantity, String price) {
      return Line.of(sku, "SOCKS", quantity, cny(price), cny(price));
    }

    @Test
    void everyThreePairsCostFifty() {
      Transaction basket = sale("T1", "2026-05-05T10:00",
          pairs("SOCK-A", 3, "30.00"),              // 3 × 30.00 = 90.00 → 50.00
          pairs("SOCK-B", 3, "20.00"),              // 3 × 20.00 = 60.00 → 50.00
          line("TOP-1", "TOPS", "100.00", "100.00")); // not socks: 100.00

      Outcome o = engine.evaluate(member("M1"), basket);
      BasketPriced priced = o.effects(BasketPriced.class).get(0);

      assertThat(lineTotals(priced)).containsExactly(cny("50.00"), cny("50.00"), cny("100.00"));
      assertThat(priced.total()).isEqualTo(cny("200.00"));
      // 1 point per yuan paid: 200
      assertThat(points(o)).isEqualTo(200);
    }

    @Test
    void theDearestThreeShareFiftyToTheFenAndTheFourthPairPaysItsPrice() {
      // dearest first: 30.00, 25.00, 20.00 are a three (75.00 → 50.00, 25.00 off); 15.00 is left
      // 25.00 off by price: 30/75 = 10.00; 25/75 = 8.333 → 8.33; 20/75 = 6.666 → 6.66, and the
      // fen left over goes to the largest remainder (0.67 of a fen): 6.67
      Transaction basket = sale("T1", "2026-05-05T10:00",
          pairs("SOCK-A", 1, "30.00"),   // 30.00 − 10.00 = 20.00
          pairs("SOCK-B", 1, "25.00"),   // 25.00 −  8.33 = 16.67
          pairs("SOCK-C", 1, "20.00"),   // 20.00 −  6.67 = 13.33
          pairs("SOCK-D", 1, "15.00"));  // the fourth pair: 15.00

      BasketPriced priced = engine.quote(member("M1"), basket);

      assertThat(lineTotals(priced)).containsExactly(cny("20.00"), cny("16.67"), cny("13.33"),
          cny("15.00"));
      // 50.00 + 15.00
      assertThat(priced.total()).isEqualTo(cny("65.00"));
    }

    @Test
    void twoPairsAreNotAMultiBuy() {
      Transaction basket = sale("T1", "2026-05-05T10:00", pairs("SOCK-A", 2, "20.00"));

      BasketPriced priced = engine.quote(member("M1"), basket, Explanation.FULL);

      // 2 × 20.00
      assertThat(priced.total()).isEqualTo(cny("40.00"));
      assertThat(priced.lines().get(0).notApplied()).contains(new NotApplied(
          "multi-buy:socks-3-for-50", "2 units of the offer, under the 3 it needs"));
    }

    @Test
    void threePairsUnderFiftyKeepTheirPrice() {
      Transaction basket = sale("T1", "2026-05-05T10:00", pairs("SOCK-A", 3, "15.00"));

      // 3 × 15.00 = 45.00, under 50.00: a group price never raises one
      assertThat(engine.quote(member("M1"), basket).total()).isEqualTo(cny("45.00"));
    }
  }

  @Nested
  class GoldBirthdayTriplePoints {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(),
        "gold-birthday-triple-points.drl");

    /** A member born on 20 May: May is the birthday month. */
    static MemberState bornInMay(String id) {
      return MemberState.newMember(new CustomerProfile(id, null, null,
          LocalDate.of(1990, 5, 20), null, null, null, null, null, null, null));
    }

    static LinePoints firstLine(Outcome o) {
      return o.effects(PointsCalculated.class).get(0).lines().get(0);
    }

    @Test
    void aGoldMemberEarnsTripleInTheBirthdayMonth() {
      MemberState gold = memberWithSpend(engine, bornInMay("M1"), "10000.00", "GOLD");

      Outcome o = engine.evaluate(gold, sale("T1", "2026-05-05T10:00", "100.00"));

      // 100.00 at the gold rate of 90 % is 90.00; × 3 (the triple beats the programme's × 2)
      assertThat(points(o)).isEqualTo(270);
      assertThat(firstLine(o).applied()).containsExactly("tier:GOLD", "gold-birthday-triple×3");
      // the 10,000.00 that made the member gold earned the programme's double, 20,000: its
      // points were settled before the tier moved; 20,000 + 270 pending
      assertThat(o.state().points().pending()).isEqualTo(20270);
      assertThat(o.firedRuleNames())
          .contains("Acme: gold and above earn triple points in their birthday month");
    }

    @Test
    void outsideTheBirthdayMonthGoldEarnsSinglePoints() {
      MemberState gold = memberWithSpend(engine, bornInMay("M1"), "10000.00", "GOLD");

      // Monday 1 June, still gold (held to 30 September): 90.00, × 1
      assertThat(points(engine.evaluate(gold, sale("T1", "2026-06-01T10:00", "100.00"))))
          .isEqualTo(90);
    }

    @Test
    void aSilverMemberGetsTheProgrammesDoublingNotTheTriple() {
      MemberState silver = memberWithSpend(engine, bornInMay("M2"), "5000.00", "SILVER");

      Outcome o = engine.evaluate(silver, sale("T1", "2026-05-05T10:00", "100.00"));

      // 100.00 at the silver rate of 92 % is 92.00; × 2, the programme's birthday multiplier
      assertThat(points(o)).isEqualTo(184);
      assertThat(firstLine(o).applied()).containsExactly("tier:SILVER", "birthday-month×2");
    }
  }

  @Nested
  class BigSaleManagerCall {
    static final String MANAGER_CALL =
        "Acme: a sale of 2,000.00 or more gets the store manager's call the next day";
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(), "big-sale-manager-call.drl");

    /** A member served by A07 who agreed to phone calls only. */
    static MemberState consentsToPhone() {
      return MemberState.newMember(new CustomerProfile("M1", null, null, null, null, null, null,
          "S01", "A07", Map.of(Channel.PHONE, true), null));
    }

    static List<FollowUp> managerCalls(Outcome o) {
      return o.effects(FollowUpScheduled.class).stream().map(FollowUpScheduled::followUp)
          .filter(f -> f.kind() == FollowUpKind.ASSOCIATE_TASK).toList();
    }

    @Test
    void aSaleOfTwoThousandGetsTheManagersCallTheNextDay() {
      // Monday 4 May, 2,000.00 at the points member's 100 % is 2,000.00 paid
      Outcome o = engine.evaluate(consentsToPhone(), sale("T1", "2026-05-04T10:00", "2000.00"));

      assertThat(o.effects(BasketPriced.class).get(0).total()).isEqualTo(cny("2000.00"));
      assertThat(managerCalls(o)).singleElement().satisfies(call -> {
        assertThat(call.id()).isEqualTo("M1:ASSOCIATE_TASK:manager-call-T1");
        assertThat(call.associateId()).isEqualTo("MANAGER");
        assertThat(call.channel()).isEqualTo(Channel.PHONE);
        // the next day, Tuesday 5 May, 14:00–17:00
        assertThat(call.due()).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(call.from()).isEqualTo(LocalTime.of(14, 0));
        assertThat(call.to()).isEqualTo(LocalTime.of(17, 0));
        assertThat(call.priority()).isEqualTo(8);
        assertThat(call.rule()).isEqualTo(MANAGER_CALL);
      });
    }

    @Test
    void theCallIsAPhoneCallEvenForAMemberWhoAlsoAgreedToMessages() {
      MemberState both = MemberState.newMember(new CustomerProfile("M3", null, null, null, null,
          null, null, "S01", "A07", Map.of(Channel.MESSAGING, true, Channel.PHONE, true), null));

      Outcome o = engine.evaluate(both, sale("T1", "2026-05-04T10:00", "2000.00"));

      assertThat(managerCalls(o)).singleElement()
          .satisfies(call -> assertThat(call.channel()).isEqualTo(Channel.PHONE));
    }

    @Test
    void aMemberWhoAgreedToMessagesOnlyIsNotPhoned() {
      MemberState messagesOnly = MemberState.newMember(new CustomerProfile("M4", null, null,
          null, null, null, null, "S01", "A07", Map.of(Channel.MESSAGING, true), null));

      Outcome o = engine.evaluate(messagesOnly, sale("T1", "2026-05-04T10:00", "2000.00"));

      assertThat(managerCalls(o)).isEmpty();
      assertThat(o.effects(FollowUpDropped.class)).anySatisfy(d -> {
        assertThat(d.followUpId()).isEqualTo("M4:ASSOCIATE_TASK:manager-call-T1");
        assertThat(d.reason()).endsWith("; not made: the member has not agreed to be contacted"
            + " on [PHONE]");
      });
    }

    @Test
    void aSaleOfOneThousandNineHundredNinetyNineNinetyNineGetsNoCall() {
      Outcome o = engine.evaluate(consentsToPhone(), sale("T1", "2026-05-04T10:00", "1999.99"));

      assertThat(managerCalls(o)).isEmpty();
    }

    @Test
    void whatCountsIsWhatWasPaidAfterPricingNotTheListPrice() {
      MemberState silver = memberWithSpend(engine, consentsToPhone(), "5000.00", "SILVER");

      // listed 2,100.00; at the silver rate of 92 % the member pays 1,932.00: no call
      Outcome o = engine.evaluate(silver, sale("T2", "2026-05-05T10:00", "2100.00"));

      assertThat(o.effects(BasketPriced.class).get(0).total()).isEqualTo(cny("1932.00"));
      assertThat(managerCalls(o)).isEmpty();
    }

    @Test
    void withoutConsentNoCallIsMade() {
      Outcome o = engine.evaluate(member("M2"), sale("T1", "2026-05-04T10:00", "2000.00"));

      assertThat(o.firedRuleNames()).contains(MANAGER_CALL);
      assertThat(managerCalls(o)).isEmpty();
      assertThat(o.effects(FollowUpDropped.class)).anySatisfy(d -> {
        assertThat(d.followUpId()).isEqualTo("M2:ASSOCIATE_TASK:manager-call-T1");
        assertThat(d.reason()).contains("the member has not agreed to be contacted");
      });
    }

    @Test
    void whenTheCapsAreFullTheCareTipsMakeRoomForTheCall() {
      // an ordinary member since January (2,000.00 on 5 January, held to 30 June)
      MemberState ordinary = engine.evaluate(consentsToPhone(), sale("Q1", "2026-01-05T10:00",
          "2000.00")).state();

      // Monday 4 May: 2,400.00 at the ordinary rate of 95 % is 2,280.00 paid, no tier move.
      // The sale's thank-you (day 3, 7 May) and care tips (day 7, 11 May) come first; a call on
      // 5 or 6 May would be a third contact in 5–11 May, over the 2 in 7 days, so the care tips
      // (priority 4, under the call's 8) make room: the call keeps 5 May, the care tips move to
      // 12 May (valid to 14 May), and 7 and 12 May are two contacts in 6–12 May
      Outcome o = engine.evaluate(ordinary, sale("T1", "2026-05-04T10:00", "2400.00"));

      assertThat(o.effects(BasketPriced.class).get(0).total()).isEqualTo(cny("2280.00"));
      assertThat(o.state().tier()).isEqualTo("ORDINARY");
      assertThat(managerCalls(o)).singleElement().satisfies(call -> {
        assertThat(call.due()).isEqualTo(LocalDate.of(2026, 5, 5));
        assertThat(call.from()).isEqualTo(LocalTime.of(14, 0));
        assertThat(call.to()).isEqualTo(LocalTime.of(17, 0));
        assertThat(call.associateId()).isEqualTo("MANAGER");
      });
      assertThat(o.state().followUps()).filteredOn(f -> f.id().equals("M1:CARE:T1"))
          .singleElement().satisfies(care -> {
            assertThat(care.due()).isEqualTo(LocalDate.of(2026, 5, 12));
            assertThat(care.associateId()).isEqualTo("A07");
          });
    }
  }

  @Nested
  class BigFirstPurchaseOnce {
    final LoyaltyEngine engine = engine(Programmes.seedsDefault(),
        "big-first-purchase-once.drl");

    @Test
    void theFirstPurchaseOverOneThousandEarnsTwoHundredOnceAndItsReturnDoesNotBringItBack() {
      Transaction big = sale("T3", "2026-05-06T10:00", "1500.00");
      Outcome first = engine.evaluate(member("M1"), sale("T1", "2026-05-04T10:00", "600.00"));
      Outcome second = engine.evaluate(first.state(), sale("T2", "2026-05-05T10:00",
          "600.00"));
      Outcome bonus = engine.evaluate(second.state(), big);
      // 2,700.00 this quarter made the member ordinary: 2,000.00 at 95 % is 1,900.00
      Outcome later = engine.evaluate(bonus.state(), sale("T4", "2026-05-07T10:00",
          "2000.00"));
      Outcome returned = engine.evaluate(later.state(), Transaction.returnOf("R1",
          at("2026-05-08T10:00"), "S01", "T3", big.time(), big.lines()));
      Outcome after = engine.evaluate(returned.state(), sale("T5", "2026-05-09T10:00",
          "1200.00"));

      assertThat(List.of(points(first), points(second), points(bonus), points(later),
          points(after))).containsExactly(600L, 600L, 1700L, 1900L, 1140L);
      assertThat(bonus.state().tier()).isEqualTo("ORDINARY");
      assertThat(bonus.effects(io.github.loyaltyrules.outcome.MarkSet.class)).singleElement()
          .satisfies(m -> {
            assertThat(m.rule()).isEqualTo(
                "Acme: 200 points on the first purchase over 1,000.00, once");
            assertThat(m.date()).isEqualTo(LocalDate.of(2026, 5, 6));
          });
      // the return revokes the sale's 1,700 points, bonus included: 4,800 pending become 3,100
      assertThat(later.state().points().pending()).isEqualTo(4800);
      assertThat(returned.state().points().pending()).isEqualTo(3100);
      assertThat(after.state().marks()).containsExactly(new io.github.loyaltyrules.model.Mark(
          "big-first-purchase", LocalDate.of(2026, 5, 6), 1));
      assertThat(after.firedRuleNames())
          .doesNotContain("Acme: 200 points on the first purchase over 1,000.00, once");
    }
  }
}
