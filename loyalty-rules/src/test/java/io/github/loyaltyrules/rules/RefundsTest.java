package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.PricingTest.line;
import static io.github.loyaltyrules.rules.PricingTest.memberAt;
import static io.github.loyaltyrules.rules.PricingTest.withPricing;
import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.returnUnits;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Tender;
import io.github.loyaltyrules.model.TenderKind;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsEntry;
import io.github.loyaltyrules.outcome.RefundCalculated;
import io.github.loyaltyrules.outcome.SpendRecorded;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A return refunds what was actually paid for its units, from the sale's allocation. */
class RefundsTest {
  private static final LoyaltyEngine ENGINE = Shop.ENGINE;
  private static final String THRESHOLD = """
      {"basketPromotions": [{"id": "300-30", "threshold": "300.00", "amountOff": "30.00"}]}""";

  private static Transaction sale(String id, Line... lines) {
    return Transaction.sale(id, at("2026-05-20T10:00"), "S01", List.of(lines));
  }

  private static RefundCalculated refundOf(Outcome o) {
    return o.effects(RefundCalculated.class).get(0);
  }

  @Test
  void returningADiscountedLineUnitByUnitRefundsExactlyWhatWasPaid() {
    // diamond: 3 × 33.35 = 100.05 × 0.85 = 85.04, paid 28.34 + 28.35 + 28.35
    Transaction t = sale("T1", line("SKU-1", 3, "33.35", "33.35"));
    MemberState s = ENGINE.evaluate(memberAt(ENGINE, "M1", "DIAMOND"), t).state();
    Money spendBefore = s.monthlySpend().get(YearMonth.of(2026, 5));

    Outcome r1 = ENGINE.evaluate(s, returnUnits("R1", "2026-05-21T10:00", t, "SKU-1", 1));
    Outcome r2 = ENGINE.evaluate(r1.state(), returnUnits("R2", "2026-05-22T10:00", t, "SKU-1", 1));
    Outcome r3 = ENGINE.evaluate(r2.state(), returnUnits("R3", "2026-05-23T10:00", t, "SKU-1", 1));

    assertThat(List.of(refundOf(r1), refundOf(r2), refundOf(r3)))
        .extracting(RefundCalculated::refund)
        .containsExactly(cny("28.34"), cny("28.35"), cny("28.35"));
    assertThat(refundOf(r1).fromAllocation()).isTrue();
    assertThat(refundOf(r1).reason()).isEqualTo("refund of 28.34 CNY for what was paid for the"
        + " units of sale T1");
    assertThat(r3.state().monthlySpend().get(YearMonth.of(2026, 5)))
        .isEqualTo(spendBefore.minus(cny("85.04")));
    assertThat(r3.state().points().lots()).filteredOn(l -> l.id().startsWith("T1/"))
        .allSatisfy(l -> assertThat(l.remaining()).isZero());
  }

  @Test
  void spendAndPointsCountWhatWasPaidAfterTheMemberRate() {
    Outcome o = ENGINE.evaluate(memberAt(ENGINE, "M1", "DIAMOND"),
        sale("T1", line("SKU-1", 1, "100.00", "80.00")));

    assertThat(o.effects(SpendRecorded.class)).singleElement()
        .extracting(SpendRecorded::change).isEqualTo(cny("68.00"));
    assertThat(o.effect(io.github.loyaltyrules.outcome.PointsCalculated.class).orElseThrow()
        .points()).isEqualTo(68);
  }

  @Test
  void aReturnThatTakesTheBasketUnderTheThresholdTakesThePromotionBack() {
    // 满300减30 on 200 + 100: shares 20 and 10, paid 180 and 90
    LoyaltyEngine engine = Shop.engine(withPricing(THRESHOLD));
    Transaction t = sale("T1", line("A", 1, "200.00", "200.00"), line("B", 1, "100.00",
        "100.00"));
    MemberState s = engine.evaluate(member("M1"), t).state();

    Outcome first = engine.evaluate(s, returnUnits("R1", "2026-05-21T10:00", t, "B", 1));
    Outcome second = engine.evaluate(first.state(),
        returnUnits("R2", "2026-05-22T10:00", t, "A", 1));

    RefundCalculated r1 = refundOf(first);
    assertThat(r1.lines()).singleElement().extracting(l -> l.amount()).isEqualTo(cny("90.00"));
    assertThat(r1.clawedBack()).isEqualTo(cny("20.00"));
    assertThat(r1.refund()).isEqualTo(cny("70.00"));
    assertThat(r1.reason()).isEqualTo("refund of 70.00 CNY for what was paid for the units of"
        + " sale T1 (90.00 CNY less 20.00 CNY); basket-promotion:300-30: the goods kept come to"
        + " 200.00 CNY at sale prices, earning 0.00 CNY of it, so 20.00 CNY on them is taken"
        + " back");
    RefundCalculated r2 = refundOf(second);
    assertThat(r2.clawedBack()).isEqualTo(cny("-20.00"));
    assertThat(r2.refund()).isEqualTo(cny("200.00"));
    assertThat(r1.refund().plus(r2.refund())).isEqualTo(cny("270.00"));
  }

  @Test
  void aProgrammeMayLeaveThePromotionWithTheCustomer() {
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"takeBackOnReturn": false,
         "basketPromotions": [{"id": "300-30", "threshold": "300.00", "amountOff": "30.00"}]}"""));
    Transaction t = sale("T1", line("A", 1, "200.00", "200.00"), line("B", 1, "100.00",
        "100.00"));
    MemberState s = engine.evaluate(member("M1"), t).state();

    Outcome o = engine.evaluate(s, returnUnits("R1", "2026-05-21T10:00", t, "B", 1));

    assertThat(refundOf(o).refund()).isEqualTo(cny("90.00"));
    assertThat(refundOf(o).clawedBack()).isEqualTo(cny("0.00"));
  }

  @Test
  void aReturnThatLeavesTheThresholdMetRefundsTheUnitsShareOnly() {
    // 300 + 100: shares 22.50 and 7.50; keeping 300 still meets the threshold
    LoyaltyEngine engine = Shop.engine(withPricing(THRESHOLD));
    Transaction t = sale("T1", line("A", 1, "300.00", "300.00"), line("B", 1, "100.00",
        "100.00"));
    MemberState s = engine.evaluate(member("M1"), t).state();

    Outcome o = engine.evaluate(s, returnUnits("R1", "2026-05-21T10:00", t, "B", 1));

    assertThat(refundOf(o).refund()).isEqualTo(cny("92.50"));
    assertThat(refundOf(o).clawedBack()).isEqualTo(cny("0.00"));
  }

  @Test
  void thePartPaidWithAVoucherGoesBackAsAVoucherAndTheRestAsMoney() {
    MemberState s = PricingTest.withVoucher();
    var voucher = s.vouchers().get(0);
    // ORDINARY 95 %: 570.00 and 380.00; the 300.00 voucher splits 180.00 / 120.00
    Transaction t = sale("T1", line("SKU-1", 1, "600.00", "600.00"),
        line("SKU-2", 1, "400.00", "400.00"))
        .withTenders(List.of(new io.github.loyaltyrules.model.Tender(
            io.github.loyaltyrules.model.TenderKind.VOUCHER, cny("300.00"), voucher.code()),
            io.github.loyaltyrules.model.Tender.of(io.github.loyaltyrules.model.TenderKind.CASH,
                cny("650.00"))));
    MemberState bought = ENGINE.evaluate(s, t).state();

    Outcome back = ENGINE.evaluate(bought, returnUnits("R1", "2026-05-21T10:00", t, "SKU-2", 1));

    assertThat(refundOf(back).refund()).isEqualTo(cny("260.00"));
    assertThat(back.effects(io.github.loyaltyrules.outcome.VoucherIssued.class)).singleElement()
        .satisfies(v -> {
          assertThat(v.voucher().code()).isEqualTo("V-R1-1");
          assertThat(v.voucher().value()).isEqualTo(cny("120.00"));
          assertThat(v.voucher().validUntil()).isEqualTo(voucher.validUntil());
          assertThat(v.reason()).isEqualTo("120.00 CNY of voucher " + voucher.code() + " paid"
              + " for the goods returned: given back as voucher V-R1-1 valid until "
              + voucher.validUntil());
        });
    assertThat(back.state().voucher("V-R1-1").status())
        .isEqualTo(io.github.loyaltyrules.model.VoucherStatus.ACTIVE);
  }

  @Test
  void pricesRefundsAndTheRememberedSaleSurviveAJsonRoundTrip() {
    LoyaltyEngine engine = Shop.engine(withPricing(THRESHOLD));
    Transaction t = sale("T1", line("A", 1, "200.00", "200.00"), line("B", 2, "50.00",
        "50.00"));
    Outcome sold = engine.evaluate(memberAt(engine, "M1", "GOLD"), t);
    Outcome back = engine.evaluate(sold.state(), returnUnits("R1", "2026-05-21T10:00", t, "B",
        1));

    for (Outcome o : List.of(sold, back)) {
      String json = io.github.loyaltyrules.json.LoyaltyJson.write(o);
      assertThat(io.github.loyaltyrules.json.LoyaltyJson.readOutcome(json)).isEqualTo(o);
    }
  }

  @Test
  void aTakeBackCountsWhatTheBasketCapAlreadyGaveBack() {
    // diamond 85 %, 满300减30, cap 10 %: A 200 and B 100 end at 180.00 and 90.00; the cap
    // gave the promotion's whole benefit back, so returning B takes nothing back
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"maxBasketDiscount": "0.10",
         "basketPromotions": [{"id": "300-30", "threshold": "300.00", "amountOff": "30.00"}]}"""));
    Transaction t = sale("T1", line("A", 1, "200.00", "200.00"), line("B", 1, "100.00",
        "100.00"));
    MemberState s = engine.evaluate(memberAt(engine, "M1", "DIAMOND"), t).state();

    Outcome o = engine.evaluate(s, returnUnits("R1", "2026-05-21T10:00", t, "B", 1));

    assertThat(refundOf(o).refund()).isEqualTo(cny("90.00"));
    assertThat(refundOf(o).clawedBack()).isEqualTo(cny("0.00"));
  }

  @Test
  void aLineAtItsFloorStillCountsTowardsTheThresholdOnAReturn() {
    // floor 50 %: B (list 200, sale 100) gets no share of the 30 off, yet A + B = 350 still
    // reach 300 when C comes back, so nothing is taken back
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"lineFloor": "0.50",
         "basketPromotions": [{"id": "300-30", "threshold": "300.00", "amountOff": "30.00"}]}"""));
    Transaction t = sale("T1", line("A", 1, "250.00", "250.00"), line("B", 1, "200.00",
        "100.00"), line("C", 1, "100.00", "100.00"));
    MemberState s = engine.evaluate(member("M1"), t).state();

    Outcome o = engine.evaluate(s, returnUnits("R1", "2026-05-21T10:00", t, "C", 1));

    assertThat(refundOf(o).refund()).isEqualTo(cny("91.43"));
    assertThat(refundOf(o).clawedBack()).isEqualTo(cny("0.00"));
  }

  @Test
  void aRepeatingPromotionKeepsWhatTheGoodsKeptStillEarn() {
    // 每满300减30 on 450 + 450: 90 off, 45 on each; keeping 450 earns 30 once, so 15 goes back
    LoyaltyEngine engine = Shop.engine(withPricing("""
        {"basketPromotions": [{"id": "EVERY-300", "threshold": "300.00", "amountOff": "30.00",
                               "repeat": true}]}"""));
    Transaction t = sale("T1", line("A", 1, "450.00", "450.00"), line("B", 1, "450.00",
        "450.00"));
    MemberState s = engine.evaluate(member("M1"), t).state();

    Outcome o = engine.evaluate(s, returnUnits("R1", "2026-05-21T10:00", t, "B", 1));

    assertThat(refundOf(o).lines()).singleElement().extracting(l -> l.amount())
        .isEqualTo(cny("405.00"));
    assertThat(refundOf(o).clawedBack()).isEqualTo(cny("15.00"));
    assertThat(refundOf(o).refund()).isEqualTo(cny("390.00"));
  }

  @Test
  void unitsOfASkuSoldAtTwoPricesComeBackAtThePriceTheReturnNames() {
    Transaction t = sale("T1", line("X", 1, "100.00", "100.00"), line("X", 1, "50.00",
        "50.00"));
    MemberState s = ENGINE.evaluate(member("M1"), t).state();

    Outcome o = ENGINE.evaluate(s, Transaction.returnOf("R1", at("2026-05-21T10:00"), "S01",
        "T1", t.time(), List.of(line("X", 1, "50.00", "50.00"))));

    assertThat(refundOf(o).refund()).isEqualTo(cny("50.00"));
  }

  @Test
  void pointsAreRevokedInProportionToTheGoodsWhateverPaidForThem() {
    // 1,000.00 paid half in cash, half with stored value: 500 points; returning half the goods
    // revokes 250
    MemberState s = ENGINE.evaluate(member("M1"), Transaction.recharge("C1",
        at("2026-05-19T10:00"), "S01", cny("1000.00"))).state();
    Transaction t = sale("T1", line("A", 1, "500.00", "500.00"), line("B", 1, "500.00",
        "500.00")).withTenders(List.of(Tender.of(TenderKind.CASH, cny("500.00")),
            Tender.of(TenderKind.STORED_VALUE, cny("500.00"))));
    MemberState bought = ENGINE.evaluate(s, t).state();

    Outcome o = ENGINE.evaluate(bought, returnUnits("R1", "2026-05-21T10:00", t, "B", 1));

    assertThat(o.effects(PointsEntry.class)).extracting(PointsEntry::points)
        .containsExactly(250L);
  }

  @Test
  void theStateRemembersWhatEachUnitPaidAndHowManyCameBack() {
    Transaction t = sale("T1", line("SKU-1", 3, "33.35", "33.35"));
    MemberState s = ENGINE.evaluate(memberAt(ENGINE, "M1", "DIAMOND"), t).state();
    MemberState after = ENGINE.evaluate(s, returnUnits("R1", "2026-05-21T10:00", t, "SKU-1", 2))
        .state();

    var sold = after.recentTransactions().stream().filter(r -> r.id().equals("T1"))
        .findFirst().orElseThrow().lines();
    assertThat(sold).singleElement().satisfies(l -> {
      // kept as the line's quantity and total; the rule gives each unit back
      assertThat(l.quantity()).isEqualTo(3);
      assertThat(l.paid()).isEqualTo(cny("85.04"));
      assertThat(List.of(l.unit(0), l.unit(1), l.unit(2)))
          .containsExactly(cny("28.34"), cny("28.35"), cny("28.35"));
      assertThat(l.returned()).isEqualTo(2);
      assertThat(l.saleTotal()).isEqualTo(cny("100.05"));
    });
  }
}
