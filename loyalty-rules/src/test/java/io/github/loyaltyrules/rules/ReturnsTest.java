package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.FLAT_ENGINE;
import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.PAID_CARD_ENGINE;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.returnOf;
import static io.github.loyaltyrules.rules.Shop.returnUnits;
import static io.github.loyaltyrules.rules.Shop.run;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.TierStanding;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.SpendRecorded;
import io.github.loyaltyrules.outcome.TierChanged;
import io.github.loyaltyrules.programme.QualificationWindow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Returns take qualifying spend back from the window of the original sale. Run on the default
 * programme without member rates, so spend is the sale prices sent.
 */
class ReturnsTest {
  /** 2,500.00 in March: one unit of 2,000.00 and five of 100.00. */
  private static final Transaction MARCH_SALE = Transaction.sale("T1",
      Shop.at("2026-03-20T10:00"), "S01", java.util.List.of(
          io.github.loyaltyrules.model.Line.of("SKU-1", "TOPS", 5, cny("100.00"), cny("100.00")),
          io.github.loyaltyrules.model.Line.of("SKU-2", "TOPS", 1, cny("2000.00"),
              cny("2000.00"))));
  /** 2,500.00 in March: 1,999.99 and 500.01. */
  private static final Transaction JUST_OVER = sale("T1", "2026-03-20T10:00", "1999.99",
      "500.01");

  @Test
  void aReturnInTheNextQuarterTakesSpendBackFromTheMonthOfTheOriginalSale() {
    Outcome outcome = run(FLAT_ENGINE, member("M1"), MARCH_SALE,
        sale("T2", "2026-04-02T10:00", "100.00"),
        returnOf("R1", "2026-04-03T10:00", MARCH_SALE, "400.00"));

    assertThat(outcome.effects(SpendRecorded.class)).singleElement().satisfies(spend -> {
      assertThat(spend.month()).isEqualTo(YearMonth.of(2026, 3));
      assertThat(spend.change()).isEqualTo(cny("-400.00"));
      assertThat(spend.window()).isEqualTo(
          new QualificationWindow(YearMonth.of(2026, 1), YearMonth.of(2026, 3)));
      assertThat(spend.windowSpend()).isEqualTo(cny("2100.00"));
    });
    assertThat(outcome.state().monthlySpend()).containsEntry(YearMonth.of(2026, 3), cny("2100.00"))
        .containsEntry(YearMonth.of(2026, 4), cny("100.00"));
    assertThat(outcome.state().tier()).isEqualTo("ORDINARY");
  }

  @Test
  void aReturnWithoutTheSaleTimeTakesTheSaleDateFromTheState() {
    Transaction withoutTime = Transaction.returnOf("R1", Shop.at("2026-04-03T10:00"), "S01", "T1",
        java.util.List.of(io.github.loyaltyrules.model.Line.fullPrice("SKU-1", "TOPS", 4,
            cny("100.00"))));

    Outcome outcome = run(FLAT_ENGINE, member("M1"), MARCH_SALE,
        sale("T2", "2026-04-02T10:00", "100.00"), withoutTime);

    assertThat(outcome.effects(SpendRecorded.class)).singleElement().satisfies(spend -> {
      assertThat(spend.month()).isEqualTo(YearMonth.of(2026, 3));
      assertThat(spend.change()).isEqualTo(cny("-400.00"));
      assertThat(spend.windowSpend()).isEqualTo(cny("2100.00"));
    });
  }

  @Test
  void aReturnOfASaleTheStateDoesNotRememberIsRefused() {
    Transaction withoutTime = Transaction.returnOf("R1", Shop.at("2026-04-03T10:00"), "S01", "T9",
        java.util.List.of(io.github.loyaltyrules.model.Line.fullPrice("SKU-1", "TOPS", 1,
            cny("100.00"))));
    MemberState after = FLAT_ENGINE.evaluate(member("M1"), MARCH_SALE).state();

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> FLAT_ENGINE.evaluate(after, withoutTime))
        .isInstanceOf(io.github.loyaltyrules.RefusedException.class)
        .hasMessage("return R1 names sale T9, which member M1's state does not know: it was never"
            + " evaluated, or is older than the duplicate window (90 days). Evaluate the sale"
            + " first, or mark goods returned without a receipt with"
            + " Transaction.returnWithoutReceipt");
  }

  @Test
  void aReturnThatTakesTheSpendUnderTheThresholdUndoesTheUpgrade() {
    Outcome outcome = run(FLAT_ENGINE, member("M1"), JUST_OVER,
        returnUnits("R1", "2026-04-03T10:00", JUST_OVER, "SKU-2", 1));

    assertThat(outcome.state().tier()).isEqualTo("POINTS");
    assertThat(outcome.state().standing())
        .isEqualTo(new TierStanding(LocalDate.of(2026, 3, 20), null, null, null, null));
    assertThat(outcome.effects(TierChanged.class)).singleElement().satisfies(change -> {
      assertThat(change.from()).isEqualTo("ORDINARY");
      assertThat(change.to()).isEqualTo("POINTS");
      assertThat(change.upgrade()).isFalse();
      assertThat(change.windowSpend()).isEqualTo(cny("1999.99"));
      assertThat(change.reason()).isEqualTo("the return takes 2026-Q1 spend to 1999.99 CNY, under"
          + " Ordinary card (2000.00 CNY): the upgrade is undone to Points member");
    });
    assertThat(outcome.firedRuleNames()).containsExactly(
        "Price: a return refunds what was paid for its units",
        "Spend: a sale or a return changes the qualifying spend",
        "Points: a return revokes the original sale's points in proportion to the value refunded",
        "Tier: a return that takes the window's spend under the threshold undoes the upgrade");
  }

  @Test
  void aReturnLeavingTheThresholdMetKeepsTheTier() {
    Outcome outcome = run(FLAT_ENGINE, member("M1"), MARCH_SALE,
        returnOf("R1", "2026-04-03T10:00", MARCH_SALE, "500.00"));

    assertThat(outcome.state().tier()).isEqualTo("ORDINARY");
    assertThat(outcome.effects(TierChanged.class)).isEmpty();
  }

  @Test
  void undoingASecondUpgradeInTheSameQuarterFallsBackToWhatTheRemainingSpendQualifiesFor() {
    Transaction second = sale("T2", "2026-03-25T10:00", "1500.00", "1000.00");

    Outcome silver = run(FLAT_ENGINE, member("M1"), MARCH_SALE, second);
    Outcome undone = FLAT_ENGINE.evaluate(silver.state(),
        returnUnits("R1", "2026-03-26T10:00", second, "SKU-2", 1));

    assertThat(silver.state().tier()).isEqualTo("SILVER");
    assertThat(silver.state().standing().priorTier()).isEqualTo("POINTS");
    assertThat(undone.state().tier()).isEqualTo("ORDINARY");
    assertThat(undone.state().standing().heldUntil()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(undone.effects(TierChanged.class)).singleElement()
        .extracting(TierChanged::windowSpend).isEqualTo(cny("4000.00"));
  }

  @Test
  void aReturnWithoutAReceiptRefundsItsOwnPricesAndTakesNoSpend() {
    // the customer has no receipt: the state cannot know when the goods were bought, so no
    // month's spend is taken (before 0.5 the return named a sale the state did not know and
    // took spend from the month the host gave)
    Transaction small = sale("T1", "2026-03-20T10:00", "200.00");
    Transaction noReceipt = Transaction.returnWithoutReceipt("R1", at("2026-03-21T10:00"),
        "S01", List.of(Line.of("SKU-1", "TOPS", 1, cny("300.00"), cny("300.00"))));
    Outcome outcome = run(FLAT_ENGINE, member("M1"), small, noReceipt);

    assertThat(outcome.effects(io.github.loyaltyrules.outcome.RefundCalculated.class))
        .singleElement().satisfies(r -> {
          assertThat(r.fromAllocation()).isFalse();
          assertThat(r.refund()).isEqualTo(cny("300.00"));
          assertThat(r.reason()).isEqualTo("goods returned without a receipt: the return's own"
              + " prices are refunded, 300.00 CNY, and no spend or points are taken");
        });
    assertThat(outcome.effects(SpendRecorded.class)).isEmpty();
    assertThat(outcome.state().monthlySpend().get(YearMonth.of(2026, 3)))
        .isEqualTo(cny("200.00"));
  }

  @Test
  void aReturnByACustomerWithoutACardChangesNothing() {
    Transaction twoItems = sale("T1", "2026-03-20T10:00", "300.00", "200.00");
    Outcome sold = PAID_CARD_ENGINE.evaluate(member("M1"), twoItems);
    Outcome returned = PAID_CARD_ENGINE.evaluate(sold.state(),
        returnOf("R1", "2026-03-21T10:00", twoItems, "300.00"));

    assertThat(returned.effects()).singleElement().isInstanceOfSatisfying(
        io.github.loyaltyrules.outcome.RefundCalculated.class,
        r -> assertThat(r.refund()).isEqualTo(cny("300.00")));
    assertThat(returned.state().card()).isNull();
    assertThat(returned.state().monthlySpend()).isEmpty();
  }

  @Test
  void aReturnIsNotAPurchase() {
    MemberState afterSale = FLAT_ENGINE.evaluate(member("M1"), MARCH_SALE).state();
    Outcome outcome = FLAT_ENGINE.evaluate(afterSale,
        returnOf("R1", "2026-04-03T10:00", MARCH_SALE, "100.00"));

    assertThat(outcome.state().activity().purchases()).isEqualTo(1);
    assertThat(outcome.state().activity().lastPurchase()).isEqualTo(LocalDate.of(2026, 3, 20));
  }
}
