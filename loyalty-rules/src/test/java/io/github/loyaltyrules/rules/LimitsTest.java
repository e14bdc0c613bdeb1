package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.defaultWithLimits;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.sale;
import static io.github.loyaltyrules.rules.Shop.saleOfUnits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.VoucherStatus;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.VoucherIssued;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The programme's limits on amounts and counts, and conversion computed at once. */
class LimitsTest {
  private static final LoyaltyEngine RAISED = Shop.engine(defaultWithLimits("""
      {"maxPointsPerTransaction": 1000000000000,
       "maxAmount": "999999999999999.99", "maxUnitsPerLine": 100000}"""));

  private static Transaction adjustment(String id, long points) {
    return Transaction.adjustment(id, at("2026-05-20T10:00"), "S01", "STAFF-7", "GOODWILL",
        points);
  }

  @Test
  void anAdjustmentBeyondThePointsLimitIsRefusedAtOnce() {
    assertThatThrownBy(() -> Shop.ENGINE.evaluate(member("A"), adjustment("ADJ1", 2_147_483_648L)))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transaction.points = 2147483648: must be at most 1000000000 either way"
            + " (limits.maxPointsPerTransaction)");
  }

  @Test
  void anAdjustmentOfTwoBillionPointsConvertsAHundredVouchersAtOnce() {
    MemberState card = RAISED.evaluate(member("A"), sale("A-T1", "2026-05-04T10:00", "10.00"))
        .state();
    long start = System.nanoTime();

    Outcome o = RAISED.evaluate(card, adjustment("ADJ1", 2_147_483_648L));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    List<VoucherIssued> issued = o.effects(VoucherIssued.class);
    assertThat(issued).hasSize(100);
    assertThat(issued.get(0).voucher().code()).isEqualTo("V-ADJ1-1");
    assertThat(issued.get(99).voucher().code()).isEqualTo("V-ADJ1-100");
    assertThat(issued.get(99).reason()).endsWith("; 715727 more vouchers' worth of points"
        + " convert at the next evaluation (limits.maxVouchersPerConversion 100)");
    // the sale's 10 points were released on 11 May
    assertThat(o.state().points().available()).isEqualTo(2_147_483_658L - 300_000L);
    assertThat(o.state().vouchers()).hasSize(100);

    Outcome next = RAISED.evaluate(o.state(),
        Transaction.visit("V1", at("2026-05-21T10:00"), "S01"));
    assertThat(next.effects(VoucherIssued.class)).hasSize(100);
    assertThat(next.state().points().available()).isEqualTo(2_147_483_658L - 600_000L);
  }

  @Test
  void aSaleOfAHundredMillionYuanLeavesTheNextVisitQuick() {
    MemberState s = Shop.ENGINE.evaluate(member("A"),
        sale("A-T1", "2026-05-04T10:00", "99999999.99")).state();
    assertThat(s.points().pending()).isEqualTo(99_999_999L);
    long start = System.nanoTime();

    Outcome visit = Shop.ENGINE.evaluate(s,
        Transaction.visit("V1", at("2026-05-12T10:00"), "S01"));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(visit.effects(VoucherIssued.class)).hasSize(100);
    assertThat(visit.state().points().available()).isEqualTo(99_999_999L - 300_000L);
  }

  @Test
  void aLineOfMoreUnitsThanTheLimitIsRefused() {
    assertThatThrownBy(() -> Shop.ENGINE.evaluate(member("A"),
        saleOfUnits("A-T1", "2026-05-04T10:00", 10_001, "1.00")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transaction.lines[0].quantity = 10001: must be at most 10000"
            + " (limits.maxUnitsPerLine)");
  }

  @Test
  void aSaleOfMoreLinesThanTheLimitIsRefused() {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      lines.add(Line.of("SKU-" + i, "TOPS", 1, cny("1.00"), cny("1.00")));
    }
    Transaction sale = Transaction.sale("A-T1", at("2026-05-04T10:00"), "S01", lines);
    assertThatThrownBy(() -> Shop.ENGINE.quote(member("A"), sale))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transaction.lines = '1001 lines': must be at most 1000"
            + " (limits.maxLinesPerSale)");
  }

  @Test
  void anAmountBeyondTheLargestIsRefused() {
    assertThatThrownBy(() -> Shop.ENGINE.evaluate(member("A"),
        saleOfUnits("A-T1", "2026-05-04T10:00", 2, "60000000.00")))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transaction.lines[0].listPrice = '120000000.00': the line at list price"
            + " must be at most 100000000.00 (limits.maxAmount)");
    assertThatThrownBy(() -> Shop.ENGINE.evaluate(member("A"), Transaction.recharge("R1",
        at("2026-05-04T10:00"), "S01", cny("100000000.01"))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transaction.recharge = '100000000.01': a recharge must be at most"
            + " 100000000.00 (limits.maxAmount)");
  }

  @Test
  void aRateOfMoreThanEighteenPlacesThatStackedRatesMakeReadsBack() {
    LoyaltyEngine stacking = Shop.engine(DecisionModelTest.defaultWith("""
        {"pricing": {"stackMemberRates": true, "birthdayRate": "0.900000000000000001"}}"""));
    MemberState s = stacking.evaluate(Shop.memberBornOn("A", "1990-05-17"),
        Transaction.recharge("R1", at("2026-05-04T10:00"), "S01", cny("3000.00"))).state();

    Outcome sale = stacking.evaluate(s, sale("A-T1", "2026-05-05T10:00", "100.00"));

    String json = LoyaltyJson.write(sale);
    assertThat(json).contains("\"rate\" : \"0.81000000000000000090\"");
    assertThat(LoyaltyJson.readOutcome(json)).isEqualTo(sale);
  }

  @Test
  void theLargestRechargeTheProgrammeAllowsIsWrittenAndReadBack() {
    Money largest = cny("999999999999999.99");
    Outcome o = RAISED.evaluate(member("A"),
        Transaction.recharge("R1", at("2026-05-04T10:00"), "S01", largest));
    Outcome points = RAISED.evaluate(o.state(), adjustment("ADJ1", 1_000_000_000_000L));

    String json = LoyaltyJson.write(points.state());
    MemberState back = LoyaltyJson.readState(json);

    assertThat(back).isEqualTo(points.state());
    assertThat(back.storedValue().balance()).isEqualTo(largest);
    assertThat(back.points().lifetimeEarned()).isEqualTo(1_000_000_005_000L);
    // one voucher from the ladder's 5,000 points, a hundred from the adjustment
    assertThat(back.vouchers()).allMatch(v -> v.status() == VoucherStatus.ACTIVE).hasSize(101);
    assertThat(LoyaltyJson.readOutcome(LoyaltyJson.write(points))).isEqualTo(points);
  }
}
