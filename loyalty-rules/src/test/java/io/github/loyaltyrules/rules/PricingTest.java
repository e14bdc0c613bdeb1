package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.memberBornOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.loyaltyrules.Explanation;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.VoucherStatus;
import io.github.loyaltyrules.outcome.AdjustmentKind;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.NotApplied;
import io.github.loyaltyrules.outcome.PriceAdjustment;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Programmes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pricing a basket (DOMAIN.md §3): the seeds' figures and every phase, exact to the fen. */
class PricingTest {
  private static final LoyaltyEngine ENGINE = Shop.ENGINE;

  /** The default programme with {@code pricing} (a JSON object) as its pricing section. */
  static Programme withPricing(String pricing) {
    try (var in = Programmes.class.getResourceAsStream("default-programme.json")) {
      ObjectNode root = (ObjectNode) LoyaltyJson.mapper().readTree(in);
      root.set("pricing", LoyaltyJson.mapper().readTree(pricing));
      return Programmes.fromJson(root.toString(), "pricing-test.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A card holder whose tier staff raised to {@code tier}. */
  static MemberState memberAt(LoyaltyEngine engine, String id, String tier) {
    MemberState s = engine.evaluate(member(id), Shop.sale(id + "-T0", "2026-05-01T10:00", "1.00"))
        .state();
    return s.withManualFloor(tier);
  }

  static Line line(String sku, int quantity, String list, String sale) {
    return Line.of(sku, "TOPS", quantity, cny(list), cny(sale));
  }

  static Transaction sale(String id, Line... lines) {
    return Transaction.sale(id, at("2026-05-20T10:00"), "S01", List.of(lines));
  }

  static BasketPriced priced(LoyaltyEngine engine, MemberState state, Transaction sale) {
    return engine.quote(state, sale, Explanation.FULL);
  }

  /** The line totals add up to the total, and each line's adjustments to its discount. */
  static void assertReconciles(BasketPriced p) {
    Money sum = Money.zero(p.total().currency());
    for (PricedLine l : p.lines()) {
      sum = sum.plus(l.total());
      Money adjustments = Money.zero(p.total().currency());
      for (PriceAdjustment a : l.adjustments()) {
        adjustments = adjustments.plus(a.amount());
      }
      assertThat(l.saleTotal().plus(adjustments)).as("line %d", l.index()).isEqualTo(l.total());
      Money units = Money.zero(p.total().currency());
      for (int u = 0; u < l.quantity(); u++) {
        units = units.plus(l.unit(u));
      }
      assertThat(units).as("units of line %d", l.index()).isEqualTo(l.total());
    }
    assertThat(sum).isEqualTo(p.total());
  }

  // ---------------------------------------------------------------- the seeds' figures

  @Test
  void aDiamondMemberPaysEightyFivePercentOfASalePriceAtEightyPercentOfList() {
    BasketPriced p = priced(ENGINE, memberAt(ENGINE, "M1", "DIAMOND"),
        sale("T1", line("SKU-1", 1, "100.00", "80.00")));

    PricedLine l = p.lines().get(0);
    assertThat(l.total()).isEqualTo(cny("68.00"));
    assertThat(l.adjustments()).singleElement().satisfies(a -> {
      assertThat(a.rule()).isEqualTo("tier:DIAMOND");
      assertThat(a.kind()).isEqualTo(AdjustmentKind.MEMBER_RATE);
      assertThat(a.rate()).isEqualByComparingTo("0.85");
      assertThat(a.base()).isEqualTo(cny("80.00"));
      assertThat(a.amount()).isEqualTo(cny("-12.00"));
    });
    assertThat(p.total()).isEqualTo(cny("68.00"));
    assertThat(p.listTotal()).isEqualTo(cny("100.00"));
    assertThat(p.saleTotal()).isEqualTo(cny("80.00"));
  }

  @Test
  void aMarkdownDeeperThanEightyPercentGetsNoMemberRate() {
    BasketPriced p = priced(ENGINE, memberAt(ENGINE, "M1", "DIAMOND"),
        sale("T1", line("SKU-1", 1, "100.00", "79.99")));

    PricedLine l = p.lines().get(0);
    assertThat(l.total()).isEqualTo(cny("79.99"));
    assertThat(l.adjustments()).isEmpty();
    assertThat(l.notApplied()).contains(new NotApplied("tier:DIAMOND",
        "markdown deeper than 80 %: sale price 79.99 CNY is under 80 % of the list price"
            + " 100.00 CNY"));
  }

  @Test
  void aGoldMemberWhoRechargedFiveThousandPaysTheBetterStoredValueRate() {
    MemberState gold = memberAt(ENGINE, "M1", "GOLD");
    gold = ENGINE.evaluate(gold, Transaction.recharge("R1", at("2026-05-02T10:00"), "S01",
        cny("5000.00"))).state();

    BasketPriced p = priced(ENGINE, gold, sale("T1", line("SKU-1", 1, "100.00", "100.00")));

    PricedLine l = p.lines().get(0);
    assertThat(l.total()).isEqualTo(cny("88.00"));
    assertThat(l.adjustments()).extracting(PriceAdjustment::rule, PriceAdjustment::amount)
        .containsExactly(tuple("stored-value", cny("-12.00")));
    assertThat(l.notApplied()).contains(new NotApplied("tier:GOLD",
        "Gold card rate 90 % gives a higher price than stored-value rate 88 %; one member rate"
            + " per line"));
  }

  @Test
  void aPointsMemberPaysTheSalePrice() {
    BasketPriced p = ENGINE.quote(member("M1"), sale("T1", line("SKU-1", 2, "100.00", "90.00")));

    assertThat(p.total()).isEqualTo(cny("180.00"));
    assertThat(p.lines().get(0).adjustments()).isEmpty();
    assertThat(p.lines().get(0).notApplied()).as("brief explanation").isEmpty();
  }

  // ---------------------------------------------------------------- rounding

  @Test
  void aLineIsRoundedOnceAndItsExtraFenGoToTheLastUnits() {
    // 3 × 33.35 = 100.05; × 0.85 = 85.0425 → 85.04; 8504 fen over 3 units: 2834, 2835, 2835
    BasketPriced p = priced(ENGINE, memberAt(ENGINE, "M1", "DIAMOND"),
        sale("T1", line("SKU-1", 3, "33.35", "33.35")));

    PricedLine l = p.lines().get(0);
    assertThat(l.total()).isEqualTo(cny("85.04"));
    assertThat(List.of(l.unit(0), l.unit(1), l.unit(2)))
        .containsExactly(cny("28.34"), cny("28.35"), cny("28.35"));
    assertThat(l.unitAmount()).isEqualTo(cny("28.34"));
    assertThat(l.unitsWithExtraMinorUnit()).isEqualTo(2);
    assertThat(l.units(1, 3)).isEqualTo(cny("56.70"));
  }

  @Test
  void halfAFenRoundsUpByDefaultAndDownWhenTheProgrammeSaysSo() {
    // 1 × 0.10 × 0.85 = 0.085
    Line tenFen = line("SKU-1", 1, "0.10", "0.10");
    BasketPriced up = priced(ENGINE, memberAt(ENGINE, "M1", "DIAMOND"), sale("T1", tenFen));
    LoyaltyEngine down = Shop.engine(withPricing("{\"roundingMode\": \"HALF_DOWN\"}"));
    BasketPriced halfDown = priced(down, memberAt(down, "M1", "DIAMOND"), sale("T1", tenFen));

    assertThat(up.total()).isEqualTo(cny("0.09"));
    assertThat(halfDown.total()).isEqualTo(cny("0.08"));
  }

  // ---------------------------------------------------------------- promotions

  @Test
  void aVipSaleDayRateStacksOnTopOfTheMemberRate() {
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"promotions": [{"id": "VIP-DAY", "rate": "0.90", "stacksWithMemberRate": true,
                         "from": "2026-05-20", "to": "2026-05-21"}]}"""));

    BasketPriced p = priced(engine, memberAt(engine, "M1", "DIAMOND"),
        sale("T1", line("SKU-1", 1, "100.00", "100.00")));

    assertThat(p.lines().get(0).adjustments())
        .extracting(PriceAdjustment::rule, PriceAdjustment::base, PriceAdjustment::amount)
        .containsExactly(tuple("tier:DIAMOND", cny("100.00"), cny("-15.00")),
            tuple("promotion:VIP-DAY", cny("85.00"), cny("-8.50")));
    assertThat(p.total()).isEqualTo(cny("76.50"));
  }

  @Test
  void twoStackedPromotionsAreListedEachWithItsOwnAmountAddingUpToOneRounding() {
    // 45.00 × 90 % × 95 % = 38.475 → 38.48, rounded once: the first takes 4.50 (to 40.50), the
    // second 2.02 (to 38.48)
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"promotions": [{"id": "A", "rate": "0.90", "stacksWithMemberRate": true},
                        {"id": "B", "rate": "0.95", "stacksWithMemberRate": true}]}"""));

    BasketPriced p = priced(engine, member("M1"), sale("T1", line("SKU-1", 1, "45.00",
        "45.00")));

    assertThat(p.lines().get(0).adjustments())
        .extracting(PriceAdjustment::rule, PriceAdjustment::rate, PriceAdjustment::base,
            PriceAdjustment::amount)
        .containsExactly(tuple("promotion:A", new java.math.BigDecimal("0.90"), cny("45.00"),
            cny("-4.50")), tuple("promotion:B", new java.math.BigDecimal("0.95"), cny("40.50"),
            cny("-2.02")));
    assertThat(p.total()).isEqualTo(cny("38.48"));
  }

  @Test
  void aPromotionOutsideItsDatesIsListedAsNotApplied() {
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"promotions": [{"id": "VIP-DAY", "rate": "0.90", "stacksWithMemberRate": true,
                         "from": "2026-06-01", "to": "2026-06-02"}]}"""));

    BasketPriced p = priced(engine, member("M1"), sale("T1", line("SKU-1", 1, "100.00",
        "100.00")));

    assertThat(p.total()).isEqualTo(cny("100.00"));
    assertThat(p.lines().get(0).notApplied()).contains(new NotApplied("promotion:VIP-DAY",
        "not on 2026-05-20 (runs from 2026-06-01 to 2026-06-02)"));
  }

  @Test
  void aPromotionThatDoesNotStackReplacesTheMemberRateWhenItIsCheaper() {
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"promotions": [{"id": "KNITS-20", "rate": "0.80"}]}"""));

    BasketPriced p = priced(engine, memberAt(engine, "M1", "GOLD"),
        sale("T1", line("SKU-1", 1, "100.00", "100.00")));

    PricedLine l = p.lines().get(0);
    assertThat(l.total()).isEqualTo(cny("80.00"));
    assertThat(l.adjustments()).extracting(PriceAdjustment::rule, PriceAdjustment::amount)
        .containsExactly(tuple("promotion:KNITS-20", cny("-20.00")));
    assertThat(l.notApplied()).contains(new NotApplied("tier:GOLD",
        "promotion:KNITS-20 does not stack with member rates and gives a lower price"));
  }

  @Test
  void aPromotionThatDoesNotStackLosesToABetterMemberRate() {
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"promotions": [{"id": "KNITS-5", "rate": "0.95"}]}"""));

    BasketPriced p = priced(engine, memberAt(engine, "M1", "GOLD"),
        sale("T1", line("SKU-1", 1, "100.00", "100.00")));

    assertThat(p.total()).isEqualTo(cny("90.00"));
    assertThat(p.lines().get(0).notApplied()).contains(new NotApplied("promotion:KNITS-5",
        "does not stack with the member rate, which gives a lower price"));
  }

  @Test
  void promotionsOfOneGroupExcludeEachOtherAndTheLowerPriceWins() {
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"promotions": [
          {"id": "A", "rate": "0.90", "group": "SEASON", "stacksWithMemberRate": true},
          {"id": "B", "rate": "0.85", "group": "SEASON", "stacksWithMemberRate": true},
          {"id": "C", "rate": "0.50", "group": "SEASON", "stacksWithMemberRate": true,
           "match": {"categories": ["SHOES"]}}]}"""));

    BasketPriced p = priced(engine, member("M1"), sale("T1", line("SKU-1", 1, "100.00",
        "100.00")));

    assertThat(p.total()).isEqualTo(cny("85.00"));
    assertThat(p.lines().get(0).notApplied()).contains(new NotApplied("promotion:A",
        "excluded by promotion:B of the same group SEASON, which comes first (lower rate, then"
            + " higher priority, then id)"));
  }

  // ---------------------------------------------------------------- basket amounts

  @Test
  void anAmountOffSplitsByLargestRemainderAndATieGoesToTheFirstSku() {
    // 满300减10 on three equal lines: 1000 fen / 3 = 333 r 1 each; the tie goes by SKU, SKU-1
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"basketPromotions": [{"id": "300-10", "threshold": "300.00", "amountOff": "10.00"}]}"""));

    BasketPriced p = priced(engine, member("M1"), sale("T1",
        line("SKU-1", 1, "100.00", "100.00"), line("SKU-2", 1, "100.00", "100.00"),
        line("SKU-3", 1, "100.00", "100.00")));

    assertThat(p.lines()).extracting(PricedLine::total)
        .containsExactly(cny("96.66"), cny("96.67"), cny("96.67"));
    assertThat(p.lines().get(0).adjustments()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AdjustmentKind.BASKET_PROMOTION);
      assertThat(a.basketAmount()).isEqualTo(cny("10.00"));
      assertThat(a.amount()).isEqualTo(cny("-3.34"));
    });
    assertThat(p.total()).isEqualTo(cny("290.00"));
    assertReconciles(p);
  }

  @Test
  void theLeftoverFenGoesToTheLargerRemainderFirst() {
    // 10.00 over 100.00 and 200.00: exact 3.333… and 6.666…; the fen left goes to 6.66 → 6.67
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"basketPromotions": [{"id": "300-10", "threshold": "300.00", "amountOff": "10.00"}]}"""));

    BasketPriced p = priced(engine, member("M1"), sale("T1",
        line("SKU-1", 1, "100.00", "100.00"), line("SKU-2", 1, "200.00", "200.00")));

    assertThat(p.lines()).extracting(PricedLine::total)
        .containsExactly(cny("96.67"), cny("193.33"));
  }

  @Test
  void aRepeatingAmountOffIsTakenOncePerFullThreshold() {
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"basketPromotions": [{"id": "EVERY-300", "threshold": "300.00", "amountOff": "30.00",
                               "repeat": true}]}"""));

    BasketPriced p = priced(engine, member("M1"), sale("T1", line("SKU-1", 1, "650.00",
        "650.00")));

    assertThat(p.total()).isEqualTo(cny("590.00"));
  }

  @Test
  void aThresholdNotReachedIsExplained() {
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"basketPromotions": [{"id": "300-10", "threshold": "300.00", "amountOff": "10.00"}]}"""));

    BasketPriced p = priced(engine, member("M1"), sale("T1", line("SKU-1", 1, "299.99",
        "299.99")));

    assertThat(p.total()).isEqualTo(cny("299.99"));
    assertThat(p.lines().get(0).notApplied()).contains(new NotApplied("basket-promotion:300-10",
        "the lines it counts come to 299.99 CNY at sale prices, under its threshold 300.00 CNY"));
  }

  @Test
  void theThresholdIsJudgedAtSalePricesSoAMemberRateNeverCostsThePromotion() {
    // 310.00 is 263.50 for a diamond member, under 300, yet the 满减 still applies
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"basketPromotions": [{"id": "300-10", "threshold": "300.00", "amountOff": "10.00"}]}"""));

    BasketPriced p = priced(engine, memberAt(engine, "M1", "DIAMOND"),
        sale("T1", line("SKU-1", 1, "310.00", "310.00")));

    assertThat(p.lines().get(0).adjustments())
        .extracting(PriceAdjustment::kind, PriceAdjustment::amount)
        .containsExactly(tuple(AdjustmentKind.MEMBER_RATE, cny("-46.50")),
            tuple(AdjustmentKind.BASKET_PROMOTION, cny("-10.00")));
    assertThat(p.total()).isEqualTo(cny("253.50"));
  }

  // ---------------------------------------------------------------- floors and caps

  @Test
  void aLineFloorStopsTheMemberRateAndShowsInTheExplanation() {
    LoyaltyEngine engine = Shop.engine(withPricing("{\"lineFloor\": \"0.70\"}"));

    BasketPriced p = priced(engine, memberAt(engine, "M1", "DIAMOND"),
        sale("T1", line("SKU-1", 1, "100.00", "80.00")));

    assertThat(p.lines().get(0).adjustments())
        .extracting(PriceAdjustment::kind, PriceAdjustment::amount)
        .containsExactly(tuple(AdjustmentKind.MEMBER_RATE, cny("-12.00")),
            tuple(AdjustmentKind.FLOOR, cny("2.00")));
    assertThat(p.total()).isEqualTo(cny("70.00"));
  }

  @Test
  void anAmountOffIsCappedAtWhatIsLeftAboveTheFloors() {
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"lineFloor": "0.95",
         "basketPromotions": [{"id": "100-10", "threshold": "100.00", "amountOff": "10.00"}]}"""));

    BasketPriced p = priced(engine, member("M1"), sale("T1", line("SKU-1", 1, "100.00",
        "100.00")));

    assertThat(p.total()).isEqualTo(cny("95.00"));
    assertThat(p.lines().get(0).adjustments()).singleElement()
        .extracting(PriceAdjustment::note)
        .isEqualTo("10.00 CNY off, capped at 5.00 CNY left to pay above the lines' floors");
  }

  @Test
  void theMaximumBasketDiscountGivesTheExcessBack() {
    LoyaltyEngine engine = Shop.engine(withPricing("{\"maxBasketDiscount\": \"0.10\"}"));

    BasketPriced p = priced(engine, memberAt(engine, "M1", "DIAMOND"), sale("T1",
        line("SKU-1", 1, "100.00", "100.00"), line("SKU-2", 1, "200.00", "200.00")));

    // 15 % off 300.00 is 45.00; the cap is 30.00, so 15.00 goes back, 5.00 and 10.00
    assertThat(p.lines()).extracting(PricedLine::total)
        .containsExactly(cny("90.00"), cny("180.00"));
    assertThat(p.lines().get(1).adjustments())
        .extracting(PriceAdjustment::kind, PriceAdjustment::amount)
        .containsExactly(tuple(AdjustmentKind.MEMBER_RATE, cny("-30.00")),
            tuple(AdjustmentKind.CAP, cny("10.00")));
    assertThat(p.discount()).isEqualTo(cny("30.00"));
  }

  // ---------------------------------------------------------------- birthday

  @Test
  void theBirthdayRateCompetesInTheBirthdayMonthOnly() {
    LoyaltyEngine engine = Shop.engine(withPricing("{\"birthdayRate\": \"0.80\"}"));
    MemberState may = engine.evaluate(memberBornOn("M1", "1990-05-09"),
        Shop.sale("M1-T0", "2026-05-01T10:00", "1.00")).state();
    MemberState june = engine.evaluate(memberBornOn("M2", "1990-06-09"),
        Shop.sale("M2-T0", "2026-05-01T10:00", "1.00")).state();
    Transaction t = sale("T1", line("SKU-1", 1, "100.00", "100.00"));

    assertThat(priced(engine, may, t).total()).isEqualTo(cny("80.00"));
    BasketPriced notBirthday = priced(engine, june, t);
    assertThat(notBirthday.total()).isEqualTo(cny("100.00"));
    assertThat(notBirthday.lines().get(0).notApplied())
        .contains(new NotApplied("birthday", "not the member's birthday month"));
  }

  // ---------------------------------------------------------------- vouchers

  /** A member holding one 300.00 voucher from converting 3,000 points. */
  static MemberState withVoucher() {
    MemberState s = ENGINE.evaluate(member("M1"), Shop.sale("M1-T0", "2026-05-01T10:00",
        "3000.00")).state();
    s = ENGINE.evaluate(s, Transaction.visit("M1-V1", at("2026-05-09T10:00"), "S01")).state();
    assertThat(s.vouchers()).singleElement().extracting(v -> v.value()).isEqualTo(cny("300.00"));
    return s;
  }

  @Test
  void aVoucherPaysPartOfTheBasketAndIsUsedUp() {
    MemberState s = withVoucher();
    String code = s.vouchers().get(0).code();
    Transaction t = sale("T1", line("SKU-1", 1, "600.00", "600.00"),
        line("SKU-2", 1, "400.00", "400.00"))
        .withTenders(List.of(new Tender(TenderKind.VOUCHER, cny("300.00"), code),
            Tender.of(TenderKind.CASH, cny("650.00"))));

    var outcome = ENGINE.evaluate(s, t);

    BasketPriced p = outcome.effects(BasketPriced.class).get(0);
    // ORDINARY 95 %: 570.00 and 380.00; the voucher splits 180.00 / 120.00
    assertThat(p.lines()).extracting(PricedLine::total)
        .containsExactly(cny("390.00"), cny("260.00"));
    assertThat(p.vouchers()).isEqualTo(cny("300.00"));
    assertThat(p.total()).isEqualTo(cny("650.00"));
    assertThat(p.discount()).isEqualTo(cny("50.00"));
    assertThat(outcome.state().vouchers()).singleElement().extracting(v -> v.status())
        .isEqualTo(VoucherStatus.USED);
    assertThat(ENGINE.quote(s, t)).isEqualTo(p);
  }

  @Test
  void aVoucherIsCappedAtWhatIsLeftToPay() {
    MemberState s = withVoucher();
    String code = s.vouchers().get(0).code();
    Transaction t = sale("T1", line("SKU-1", 1, "200.00", "200.00"))
        .withTenders(List.of(new Tender(TenderKind.VOUCHER, cny("300.00"), code)));

    BasketPriced p = ENGINE.quote(s, t);

    assertThat(p.total()).isEqualTo(cny("0.00"));
    assertThat(p.vouchers()).isEqualTo(cny("190.00"));
  }

  @Test
  void aVoucherUsedOnceCannotPayAgainAndAnotherMembersVoucherIsRefused() {
    MemberState s = withVoucher();
    String code = s.vouchers().get(0).code();
    Tender voucher = new Tender(TenderKind.VOUCHER, cny("300.00"), code);
    MemberState after = ENGINE.evaluate(s, sale("T1", line("SKU-1", 1, "500.00", "500.00"))
        .withTenders(List.of(voucher, Tender.of(TenderKind.CASH, cny("175.00"))))).state();

    assertThatThrownBy(() -> ENGINE.evaluate(after, sale("T2", line("SKU-1", 1, "500.00",
        "500.00")).withTenders(List.of(voucher))))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("voucher " + code + " is USED and cannot pay again");
    assertThatThrownBy(() -> ENGINE.evaluate(memberAt(ENGINE, "M9", "GOLD"),
        sale("T3", line("SKU-1", 1, "500.00", "500.00")).withTenders(List.of(voucher))))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("voucher " + code + " is not one of member M9's vouchers");
  }

  @Test
  void aVoucherTenderedTwiceOnOneSaleIsRefused() {
    MemberState s = withVoucher();
    Tender voucher = new Tender(TenderKind.VOUCHER, cny("300.00"), s.vouchers().get(0).code());

    assertThatThrownBy(() -> ENGINE.evaluate(s, sale("T1", line("SKU-1", 1, "1000.00",
        "1000.00")).withTenders(List.of(voucher, voucher,
            Tender.of(TenderKind.CASH, cny("350.00"))))))
        .isInstanceOf(RefusedException.class)
        .hasMessageContaining("voucher " + voucher.reference() + " is tendered twice on sale T1");
  }

  // ---------------------------------------------------------------- quote

  @Test
  void aQuoteAgreesWithTheEvaluationAndChangesNothing() {
    MemberState diamond = memberAt(ENGINE, "M1", "DIAMOND");
    Transaction t = sale("T1", line("SKU-1", 2, "100.00", "80.00"),
        line("SKU-2", 1, "59.90", "59.90"));

    BasketPriced quoted = ENGINE.quote(diamond, t);
    var evaluated = ENGINE.evaluate(diamond, t);

    assertThat(evaluated.effects(BasketPriced.class)).containsExactly(quoted);
    assertThat(ENGINE.quote(diamond, t)).isEqualTo(quoted);
    assertThat(quoted.total()).isEqualTo(cny("186.92"));
    assertReconciles(quoted);
  }

  @Test
  void onlyASaleCanBeQuoted() {
    assertThatThrownBy(() -> ENGINE.quote(member("M1"),
        Transaction.visit("V1", at("2026-05-20T10:00"), "S01")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("sale.kind")
        .hasMessageContaining("a quote prices a SALE");
  }

  @Test
  void aPricingMistakeInTheProgrammeFileNamesItsPath() {
    assertThatThrownBy(() -> withPricing("{\"promotions\": [{\"id\": \"X\", \"rate\": \"1.20\"}]}"))
        .hasMessageContaining("$.pricing.promotions[0].rate")
        .hasMessageContaining("1.20")
        .hasMessageContaining("must be above 0 and at most 1");
  }
}
