package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.defaultWithLimits;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.followup.ClosedFollowUp;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.followup.FollowUpStatus;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.SoldLine;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.VoucherStatus;
import io.github.loyaltyrules.outcome.RefundCalculated;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A member's state stays small however long they stay and however much they buy. */
class BoundedStateTest {

  /** A member who agreed to messages from associate A7. */
  private static MemberState regular() {
    return MemberState.newMember(new CustomerProfile("M-1", null, null,
        LocalDate.parse("1990-05-17"), "+86 138-0013-8000", null, LocalDate.of(2026, 1, 5),
        "S01", "A7", Map.of(Channel.MESSAGING, true), null));
  }

  /**
   * Weeks of a weekly purchase (two tops and a sweater) with an assessment three days later; the
   * associate makes every contact on its day. The state after {@code shorter} weeks and after
   * {@code weeks}, each as the assessment on the next purchase day leaves it.
   */
  private static List<MemberState> weekly(int shorter, int weeks) {
    MemberState s = regular();
    MemberState first = null;
    LocalDate day = LocalDate.of(2026, 1, 5);
    for (int week = 0; week < weeks; week++) {
      if (week == shorter) {
        first = Shop.ENGINE.assess(closeDue(s, day.minusDays(1)), day).state();
      }
      s = closeDue(s, day.minusDays(1));
      s = Shop.ENGINE.evaluate(s, Transaction.sale("T-" + week, at(day + "T11:00"), "S01",
          List.of(Line.of("SKU-A", "TOPS", 2, cny("199.00"), cny("159.00")),
              Line.of("SKU-B", "KNITWEAR", 1, cny("399.00"), cny("399.00"))))).state();
      s = closeDue(s, day.plusDays(2));
      s = Shop.ENGINE.assess(s, day.plusDays(3)).state();
      day = day.plusDays(7);
    }
    s = closeDue(s, day.minusDays(1));
    return List.of(first, Shop.ENGINE.assess(s, day).state());
  }

  private static MemberState closeDue(MemberState s, LocalDate until) {
    for (FollowUp f : s.followUps()) {
      if (f.status() == FollowUpStatus.OPEN && !f.due().isAfter(until)) {
        s = s.withFollowUpClosed(f.id(), FollowUpStatus.DONE);
      }
    }
    return s;
  }

  private static int bytes(MemberState s) {
    return LoyaltyJson.write(s).getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void fiveYearsOfWeeklyPurchasesKeepTheStateUnder16Kilobytes() {
    List<MemberState> states = weekly(104, 260);
    MemberState twoYears = states.get(0);
    MemberState fiveYears = states.get(1);

    assertThat(fiveYears.activity().purchases()).isEqualTo(260);
    assertThat(bytes(fiveYears)).isLessThan(16 * 1024).isEqualTo(13_979);
    assertThat(bytes(twoYears)).isEqualTo(13_885);
    // what is kept is the last weeks' business, whatever came before
    assertThat(fiveYears.recentTransactions()).hasSize(13);
    assertThat(fiveYears.points().lots()).hasSize(12);
    assertThat(fiveYears.followUps()).allMatch(f -> f.status() == FollowUpStatus.OPEN);
    assertThat(fiveYears.followUpHistory()).allMatch(c -> !c.due().isBefore(
        LocalDate.of(2030, 12, 30).minusDays(35)));
    assertThat(fiveYears.vouchers()).hasSizeLessThanOrEqualTo(6);
    assertThat(Math.abs(bytes(fiveYears) - bytes(twoYears))).isLessThan(1024);
    assertThat(LoyaltyJson.readState(LoyaltyJson.write(fiveYears))).isEqualTo(fiveYears);
  }

  @Test
  void aSaleOfAHundredThousandUnitsStoresTheLineNotEachUnit() {
    LoyaltyEngine engine = Shop.engine(defaultWithLimits("{\"maxUnitsPerLine\": 100000}"));
    Transaction sale = Transaction.sale("T1", at("2026-05-04T10:00"), "S01",
        List.of(Line.of("SKU-1", "TOPS", 100_000, cny("0.07"), cny("0.07"))));

    MemberState s = engine.evaluate(regular(), sale).state();

    SoldLine line = s.recentTransactions().get(0).lines().get(0);
    assertThat(line.quantity()).isEqualTo(100_000);
    assertThat(line.paid()).isEqualTo(cny("7000.00"));
    assertThat(line.unit(0)).isEqualTo(cny("0.07"));
    assertThat(bytes(s)).isLessThan(8 * 1024);

    Transaction back = Transaction.returnOf("R1", at("2026-05-05T10:00"), "S01", "T1",
        sale.time(), List.of(Line.of("SKU-1", "TOPS", 3, cny("0.07"), cny("0.07"))));
    assertThat(engine.evaluate(s, back).effects(RefundCalculated.class).get(0).refund())
        .isEqualTo(cny("0.21"));
  }

  @Test
  void eachUnitsAmountFollowsThePricingsRuleTheExtraFenOnTheLastUnits() {
    SoldLine line = new SoldLine("SKU-1", cny("100.05"), 3, cny("85.04"), 0,
        Map.of("voucher:V-1", cny("10.00")));

    assertThat(List.of(line.unit(0), line.unit(1), line.unit(2)))
        .containsExactly(cny("28.34"), cny("28.35"), cny("28.35"));
    assertThat(line.units(0, 3)).isEqualTo(cny("85.04"));
    assertThat(line.units(1, 3)).isEqualTo(cny("56.70"));
    assertThat(line.share("voucher:V-1", 0, 1)).isEqualTo(cny("3.33"));
    assertThat(line.share("voucher:V-1", 2, 3)).isEqualTo(cny("3.34"));
    assertThat(line.share("basket-promotion:X", 0, 3)).isEqualTo(cny("0.00"));
  }

  @Test
  void aStateWrittenWithOneAmountPerUnitReadsAsTheLinesTotals() {
    String version3 = """
        {"schemaVersion": 3, "profile": {"id": "M1"},
         "recentTransactions": [{"id": "T1", "date": "2026-05-04", "lines": [
           {"sku": "SKU-1", "saleTotal": {"amount": "100.05", "currency": "CNY"},
            "units": [{"amount": "28.34", "currency": "CNY"}, {"amount": "28.35", "currency": "CNY"},
                      {"amount": "28.35", "currency": "CNY"}],
            "returned": 1,
            "shares": {"voucher:V-1": [{"amount": "3.33", "currency": "CNY"},
                                       {"amount": "3.33", "currency": "CNY"},
                                       {"amount": "3.34", "currency": "CNY"}]}}]}]}
        """;

    MemberState s = LoyaltyJson.readState(version3);

    SoldLine line = s.recentTransactions().get(0).lines().get(0);
    assertThat(line).isEqualTo(new SoldLine("SKU-1", cny("100.05"), 3, cny("85.04"), 1,
        Map.of("voucher:V-1", cny("10.00"))));
    assertThat(line.units(1, 3)).isEqualTo(cny("56.70"));
    assertThat(s.schemaVersion()).isEqualTo(3);
    assertThat(LoyaltyJson.readState(LoyaltyJson.write(s))).isEqualTo(s);
  }

  @Test
  void closedFollowUpsLeaveForAShortHistoryThenTheState() {
    MemberState s = Shop.ENGINE.evaluate(regular(),
        Shop.sale("T1", "2026-05-04T10:00", "10.00")).state();
    MemberState done = s.withFollowUpClosed("M-1:THANK_YOU:T1", FollowUpStatus.DONE);

    // the thanks were due on 7 May: the next evaluation keeps only their trace
    MemberState later = Shop.ENGINE.assess(done, LocalDate.of(2026, 5, 8)).state();
    assertThat(later.followUps()).extracting(FollowUp::id)
        .doesNotContain("M-1:THANK_YOU:T1");
    assertThat(later.followUpHistory()).contains(new ClosedFollowUp("M-1:THANK_YOU:T1",
        LocalDate.of(2026, 5, 7), FollowUpStatus.DONE));

    // kept 35 days after it was due (limits.historyDays), then the trace is gone too
    assertThat(Shop.ENGINE.assess(later, LocalDate.of(2026, 6, 11)).state().followUpHistory())
        .extracting(ClosedFollowUp::id).contains("M-1:THANK_YOU:T1");
    assertThat(Shop.ENGINE.assess(later, LocalDate.of(2026, 6, 12)).state().followUpHistory())
        .extracting(ClosedFollowUp::id).doesNotContain("M-1:THANK_YOU:T1");
  }

  @Test
  void anExpiredVoucherLeavesAfterTheHistoryAndAUsedOneAfterTheDuplicateWindow() {
    MemberState s = Shop.ENGINE.evaluate(regular(),
        Shop.sale("T1", "2026-05-04T10:00", "1500.00")).state(); // birthday month: 3,000
    s = Shop.ENGINE.assess(s, LocalDate.of(2026, 5, 12)).state();
    assertThat(s.vouchers()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo("V-assess-2026-05-12-1");
      assertThat(v.validUntil()).isEqualTo(LocalDate.of(2026, 8, 9));
    });

    MemberState expired = Shop.ENGINE.assess(s, LocalDate.of(2026, 8, 10)).state();
    assertThat(expired.vouchers()).singleElement()
        .satisfies(v -> assertThat(v.status()).isEqualTo(VoucherStatus.EXPIRED));
    assertThat(Shop.ENGINE.assess(expired, LocalDate.of(2026, 9, 13)).state().vouchers())
        .hasSize(1);
    assertThat(Shop.ENGINE.assess(expired, LocalDate.of(2026, 9, 14)).state().vouchers())
        .isEmpty();

    MemberState used = s.withVouchers(List.of(s.vouchers().get(0)
        .withStatus(VoucherStatus.USED)));
    assertThat(Shop.ENGINE.assess(used, LocalDate.of(2026, 11, 7)).state().vouchers())
        .hasSize(1);
    assertThat(Shop.ENGINE.assess(used, LocalDate.of(2026, 11, 8)).state().vouchers())
        .isEmpty();
  }
}
