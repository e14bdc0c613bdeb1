package io.github.loyaltyrules.model;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link PointsAccount}: balances always equal the sums of the lots. */
class PointsAccountTest {
  private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
  private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);
  private static final LocalDate MARCH_17 = LocalDate.of(2026, 3, 17);
  private static final LocalDate END_2027 = LocalDate.of(2027, 12, 31);

  /** Available: 1,200 earned on 1 March, 200 spent. */
  private static final PointsLot AVAILABLE_1000 = PointsLot.of("T1/1", "T1", MARCH_1, MARCH_1,
      END_2027, 1200, Money.of("1200.00", "CNY")).minus(200);
  /** Available: an event's 300, never expiring. */
  private static final PointsLot AVAILABLE_300 = PointsLot.of("E1/1", "E1", MARCH_1, MARCH_1,
      null, 300, null);
  /** Pending until 17 March: 1,999 from a sale of 1,999.50. */
  private static final PointsLot PENDING_1999 = PointsLot.of("T2/1", "T2", MARCH_10, MARCH_17,
      END_2027, 1999, Money.of("1999.50", "CNY"));

  @Test
  void emptyAccountHasNoPoints() {
    assertThat(PointsAccount.EMPTY.lots()).isEmpty();
    assertThat(PointsAccount.EMPTY.available()).isZero();
    assertThat(PointsAccount.EMPTY.pending()).isZero();
    assertThat(PointsAccount.EMPTY.debt()).isZero();
    assertThat(PointsAccount.EMPTY.lifetimeEarned()).isZero();
  }

  @Test
  void ofSumsAvailableAndPendingLotsSeparately() {
    PointsAccount a = PointsAccount.of(List.of(AVAILABLE_1000, PENDING_1999, AVAILABLE_300), 50,
        3499);

    assertThat(a.available()).isEqualTo(1300);
    assertThat(a.pending()).isEqualTo(1999);
    assertThat(a.debt()).isEqualTo(50);
    assertThat(a.lifetimeEarned()).isEqualTo(3499);
    assertThat(a.lots()).containsExactly(AVAILABLE_1000, PENDING_1999, AVAILABLE_300);
  }

  @Test
  void releasedLotCountsAsAvailable() {
    PointsAccount a = PointsAccount.of(List.of(AVAILABLE_1000, PENDING_1999.released()), 0,
        3199);

    assertThat(a.available()).isEqualTo(2999);
    assertThat(a.pending()).isZero();
  }

  @Test
  void ofWithoutLotsIsEmpty() {
    assertThat(PointsAccount.of(List.of(), 0, 0)).isEqualTo(PointsAccount.EMPTY);
  }

  @Test
  void balancesThatEqualTheLotSumsAreAccepted() {
    PointsAccount a = new PointsAccount(List.of(AVAILABLE_1000, PENDING_1999), 1000, 1999, 0,
        3199);

    assertThat(a).isEqualTo(PointsAccount.of(List.of(AVAILABLE_1000, PENDING_1999), 0, 3199));
  }

  @Test
  void availableBalanceThatDiffersFromTheLotsIsRefused() {
    assertInvalid(() -> new PointsAccount(List.of(AVAILABLE_1000, PENDING_1999), 1001, 1999, 0,
        3199), "points.available", "1001")
        .hasMessageContaining("must equal the sum of the available lots, 1000");
  }

  @Test
  void availableBalanceWithoutAnyLotIsRefused() {
    assertInvalid(() -> new PointsAccount(List.of(), 500, 0, 0, 500), "points.available",
        "500")
        .hasMessageContaining("must equal the sum of the available lots, 0");
  }

  @Test
  void pendingBalanceThatDiffersFromTheLotsIsRefused() {
    assertInvalid(() -> new PointsAccount(List.of(AVAILABLE_1000, PENDING_1999), 1000, 0, 0,
        3199), "points.pending", "0")
        .hasMessageContaining("must equal the sum of the pending lots, 1999");
  }

  @Test
  void pendingPointsCountedAsAvailableAreRefused() {
    assertInvalid(() -> new PointsAccount(List.of(PENDING_1999), 1999, 0, 0, 1999),
        "points.available", "1999")
        .hasMessageContaining("must equal the sum of the available lots, 0");
  }

  @Test
  void lotIdListedTwiceIsRefused() {
    PointsLot sameId = PointsLot.of("T1/1", "T1", MARCH_10, MARCH_10, null, 5, null);

    assertInvalid(() -> PointsAccount.of(List.of(AVAILABLE_1000, sameId), 0, 1205),
        "points.lots", "'T1/1'")
        .hasMessageContaining("is listed twice");
  }

  @Test
  void nullLotIsRefusedNamingItsIndex() {
    List<PointsLot> lots = new ArrayList<>();
    lots.add(AVAILABLE_300);
    lots.add(null);

    assertInvalid(() -> new PointsAccount(lots, 300, 0, 0, 300), "points.lots[1]", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void negativeDebtIsRefused() {
    assertInvalid(() -> PointsAccount.of(List.of(AVAILABLE_300), -1, 300), "points.debt", "-1")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void negativeLifetimeEarnedIsRefused() {
    assertInvalid(() -> PointsAccount.of(List.of(AVAILABLE_300), 0, -1),
        "points.lifetimeEarned", "-1")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void negativeDebtIsReportedWithItsOwnValue() {
    assertInvalid(() -> PointsAccount.of(List.of(), -1, -5), "points.debt", "-1")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void lotIsFoundByItsId() {
    PointsAccount a = PointsAccount.of(List.of(AVAILABLE_1000, PENDING_1999, AVAILABLE_300), 0,
        3499);

    assertThat(a.lot("T2/1")).isEqualTo(PENDING_1999);
    assertThat(a.lot("E1/1")).isEqualTo(AVAILABLE_300);
    assertThat(a.lot("T3/1")).isNull();
    assertThat(PointsAccount.EMPTY.lot("T1/1")).isNull();
  }

  @Test
  void lotsAreCopied() {
    List<PointsLot> lots = new ArrayList<>(List.of(AVAILABLE_300));
    PointsAccount a = PointsAccount.of(lots, 0, 300);

    lots.add(PENDING_1999);

    assertThat(a.lots()).containsExactly(AVAILABLE_300);
    assertThatThrownBy(() -> a.lots().add(PENDING_1999))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
