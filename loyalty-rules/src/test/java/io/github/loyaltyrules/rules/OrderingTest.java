package io.github.loyaltyrules.rules;

import static io.github.loyaltyrules.rules.Shop.at;
import static io.github.loyaltyrules.rules.Shop.cny;
import static io.github.loyaltyrules.rules.Shop.member;
import static io.github.loyaltyrules.rules.Shop.returnOf;
import static io.github.loyaltyrules.rules.Shop.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.ConflictException;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.LoyaltyEngine;
import io.github.loyaltyrules.RefusedException;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.outcome.DuplicateTransaction;
import io.github.loyaltyrules.outcome.EntryKind;
import io.github.loyaltyrules.outcome.Outcome;
import io.github.loyaltyrules.outcome.PointsEntry;
import io.github.loyaltyrules.outcome.RefundCalculated;
import io.github.loyaltyrules.outcome.SpendRecorded;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a host may send out of order, and what one id means (docs/ORDERING.md). */
class OrderingTest {
  /** An engine whose clock says 4 May 2026, noon in Shanghai. */
  private static final LoyaltyEngine TODAY = LoyaltyEngine.builder().programme(Shop.FLAT)
      .clock(Clock.fixed(at("2026-05-04T12:00"), Shop.SHANGHAI)).build();

  @Test
  void aSaleDatedAfterTheClocksMarginIsRefusedAndBlocksNothing() {
    Transaction mistyped = sale("T1", "2062-05-04T10:00", "100.00");

    assertThatThrownBy(() -> TODAY.evaluate(member("M1"), mistyped))
        .isInstanceOf(RefusedException.class)
        .hasMessage("transaction T1 is dated 2062-05-04T02:00:00Z, more than 1440 minutes"
            + " after the engine's clock (2026-05-04T04:00:00Z; limits.maxMinutesAhead); a"
            + " mistyped date would block every later transaction of the member, so check the"
            + " till's date");
    // within a day of the clock is fine: tills' clocks and zones differ
    Outcome tomorrow = TODAY.evaluate(member("M1"), sale("T2", "2026-05-05T11:00", "100.00"));
    assertThat(tomorrow.state().recentTransactions()).extracting(t -> t.id())
        .containsExactly("T2");
  }

  @Test
  void aTimeNoZoneCanDateIsAnInvalidValue() {
    assertThatThrownBy(() -> Transaction.sale("T1", Instant.MAX, "S01",
        List.of(Line.of("SKU-1", "TOPS", 1, cny("1.00"), cny("1.00")))))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("transaction.time = +1000000000-12-31T23:59:59.999999999Z: must be from"
            + " 1900-01-01T00:00:00Z to the end of the year 9999");
  }

  @Test
  void aReturnOfASaleTheStateDoesNotKnowIsRefusedEveryTime() {
    MemberState s = Shop.FLAT_ENGINE.evaluate(member("M1"),
        sale("T1", "2026-03-20T10:00", "200.00")).state();
    Transaction unknown = sale("T9", "2026-03-19T10:00", "2000.00");

    for (int i = 1; i <= 5; i++) {
      Transaction back = returnOf("R" + i, "2026-03-21T10:00", unknown, "2000.00");
      assertThatThrownBy(() -> Shop.FLAT_ENGINE.evaluate(s, back))
          .isInstanceOf(RefusedException.class)
          .hasMessage("return " + back.id() + " names sale T9, which member M1's state does"
              + " not know: it was never evaluated, or is older than the duplicate window (90"
              + " days). Evaluate the sale first, or mark goods returned without a receipt with"
              + " Transaction.returnWithoutReceipt");
    }
  }

  @Test
  void aReturnWithoutAReceiptTakesNoPointsOrSpend() {
    MemberState s = Shop.FLAT_ENGINE.evaluate(member("M1"),
        sale("T1", "2026-03-20T10:00", "200.00")).state();
    Transaction noReceipt = Transaction.returnWithoutReceipt("R1", at("2026-03-21T10:00"),
        "S01", List.of(Line.of("SKU-1", "TOPS", 1, cny("200.00"), cny("200.00"))));

    Outcome o = Shop.FLAT_ENGINE.evaluate(s, noReceipt);

    assertThat(o.effects(RefundCalculated.class)).singleElement()
        .satisfies(r -> assertThat(r.refund()).isEqualTo(cny("200.00")));
    assertThat(o.effects(PointsEntry.class)).isEmpty();
    assertThat(o.effects(SpendRecorded.class)).isEmpty();
    assertThat(o.state().points().pending()).isEqualTo(200);
    assertThat(o.state().monthlySpend().get(YearMonth.of(2026, 3))).isEqualTo(cny("200.00"));
  }

  @Test
  void aReturnSentBeforeItsSaleIsRefusedAndAfterItTakesBackThePointsAndSpend() {
    Transaction bought = sale("T1", "2026-03-20T10:00", "200.00");
    Transaction back = returnOf("R1", "2026-03-21T10:00", bought, "200.00");

    assertThatThrownBy(() -> Shop.FLAT_ENGINE.evaluate(member("M1"), back))
        .isInstanceOf(RefusedException.class)
        .hasMessageStartingWith("return R1 names sale T1, which member M1's state does not"
            + " know");
    Outcome o = Shop.run(Shop.FLAT_ENGINE, member("M1"), bought, back);

    assertThat(o.state().points().pending()).isZero();
    assertThat(o.state().points().lifetimeEarned()).isZero();
    assertThat(o.state().monthlySpend()).isEmpty();
  }

  @Test
  void theSameIdWithOtherContentIsAConflictNotADuplicate() {
    MemberState s = Shop.FLAT_ENGINE.evaluate(member("M1"),
        sale("T1", "2026-03-20T10:00", "200.00")).state();

    Outcome replay = Shop.FLAT_ENGINE.evaluate(s, sale("T1", "2026-03-20T10:00", "200.00"));
    assertThat(replay.effects()).singleElement().isInstanceOf(DuplicateTransaction.class);
    assertThat(replay.state()).isSameAs(s);

    assertThatThrownBy(() -> Shop.FLAT_ENGINE.evaluate(s,
        sale("T1", "2026-03-20T10:00", "250.00")))
        .isInstanceOf(ConflictException.class)
        .hasMessage("transaction T1 was evaluated on 2026-03-20 with other content; a replay"
            + " must be the same transaction and a new one needs a new id (member M1)");
  }

  @Test
  void anIdReusedAfterTheDuplicateWindowIsANewTransactionWithItsOwnLot() {
    // T1's 200 points are still in the state when the till reuses the id 100 days later
    MemberState s = Shop.run(Shop.FLAT_ENGINE, member("M1"),
        sale("T1", "2026-01-05T10:00", "200.00"), sale("T2", "2026-04-15T10:00", "10.00"))
        .state();
    assertThat(s.points().lot("T1/1").remaining()).isEqualTo(200);
    assertThat(s.hasSeen("T1")).isFalse();
    Transaction again = sale("T1", "2026-04-16T10:00", "300.00");

    Outcome o = Shop.FLAT_ENGINE.evaluate(s, again);
    assertThat(o.state().points().lot("T1/2").earned()).isEqualTo(300);
    assertThat(o.state().points().lot("T1/1").remaining()).isEqualTo(200);

    Outcome back = Shop.FLAT_ENGINE.evaluate(o.state(),
        returnOf("R1", "2026-04-17T10:00", again, "300.00"));
    assertThat(back.effects(PointsEntry.class)).filteredOn(e -> e.kind() == EntryKind.REVOKE)
        .singleElement().satisfies(e -> {
          assertThat(e.lotId()).isEqualTo("T1/2");
          assertThat(e.points()).isEqualTo(300);
        });
    assertThat(back.state().points().lot("T1/1").remaining()).isEqualTo(200);
  }
}
