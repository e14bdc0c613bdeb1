package io.github.loyaltyrules.model;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link PointsLot}: points earned together, what is left of them and what was refunded. */
class PointsLotTest {
  private static final LocalDate EARNED = LocalDate.of(2026, 3, 10);
  private static final LocalDate AVAILABLE = LocalDate.of(2026, 3, 17);
  private static final LocalDate EXPIRES = LocalDate.of(2027, 12, 31);

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  private static PointsLot lot(long earned, long remaining, long revoked, Money basis,
      Money refunded) {
    return new PointsLot("T1/1", "T1", EARNED, AVAILABLE, EXPIRES, earned, remaining, true,
        basis, refunded, revoked);
  }

  // ---- PointsLot.of ----

  @Test
  void newLotFromASaleIsPendingUntilItsAvailableDayWithNothingSpentOrRefunded() {
    PointsLot l = PointsLot.of("T1/1", "T1", EARNED, AVAILABLE, EXPIRES, 1999, cny("1999.50"));

    assertThat(l.id()).isEqualTo("T1/1");
    assertThat(l.transactionId()).isEqualTo("T1");
    assertThat(l.earnedOn()).isEqualTo(EARNED);
    assertThat(l.availableOn()).isEqualTo(AVAILABLE);
    assertThat(l.expiresAfter()).isEqualTo(EXPIRES);
    assertThat(l.earned()).isEqualTo(1999);
    assertThat(l.remaining()).isEqualTo(1999);
    assertThat(l.pending()).isTrue();
    assertThat(l.basis()).isEqualTo(cny("1999.50"));
    assertThat(l.refunded()).isEqualTo(cny("0.00"));
    assertThat(l.revoked()).isZero();
  }

  @Test
  void lotAvailableOnTheDayItIsEarnedIsNotPending() {
    PointsLot l = PointsLot.of("E1/1", "E1", EARNED, EARNED, null, 100, null);

    assertThat(l.pending()).isFalse();
    assertThat(l.basis()).isNull();
    assertThat(l.refunded()).isNull();
    assertThat(l.expiresAfter()).isNull();
  }

  // ---- validation ----

  @Test
  void blankIdsAreRefused() {
    assertInvalid(() -> PointsLot.of(" ", "T1", EARNED, EARNED, null, 1, null), "lot.id", "' '")
        .hasMessageContaining("is required and must not be blank");
    assertInvalid(() -> PointsLot.of("T1/1", null, EARNED, EARNED, null, 1, null),
        "lot.transactionId", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void missingDatesAreRefused() {
    assertInvalid(() -> new PointsLot("T1/1", "T1", null, AVAILABLE, null, 1, 1, true, null,
        null, 0), "lot.earnedOn", "null")
        .hasMessageContaining("is required");
    assertInvalid(() -> new PointsLot("T1/1", "T1", EARNED, null, null, 1, 1, true, null,
        null, 0), "lot.availableOn", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void availableBeforeEarnedIsRefused() {
    assertInvalid(() -> PointsLot.of("T1/1", "T1", EARNED, EARNED.minusDays(1), null, 1, null),
        "lot.availableOn", "2026-03-09")
        .hasMessageContaining("must not be before the earn date 2026-03-10 (lot T1/1)");
  }

  @ParameterizedTest(name = "earned {0}, remaining {1} is refused")
  @CsvSource({
      "10, 11",
      "10, -1",
      "0,   1",
  })
  void remainingOutsideZeroToEarnedIsRefused(long earned, long remaining) {
    assertInvalid(() -> lot(earned, remaining, 0, null, null), "lot.remaining",
        String.valueOf(remaining))
        .hasMessageContaining("must be from 0 to the " + earned + " points earned (lot T1/1)");
  }

  @Test
  void negativeEarnedIsRefusedNamingEarned() {
    assertInvalid(() -> lot(-1, 0, 0, null, null), "lot.earned", "-1")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void lotWithNothingLeftIsAccepted() {
    assertThat(lot(10, 0, 0, null, null).remaining()).isZero();
  }

  @ParameterizedTest(name = "earned {0}, revoked {1} is refused")
  @CsvSource({
      "10, 11",
      "10, -1",
  })
  void revokedOutsideZeroToEarnedIsRefused(long earned, long revoked) {
    assertInvalid(() -> lot(earned, 0, revoked, null, null), "lot.revoked",
        String.valueOf(revoked))
        .hasMessageContaining("must be from 0 to the " + earned + " points earned (lot T1/1)");
  }

  @Test
  void refundedMoreThanTheBasisIsRefused() {
    assertInvalid(() -> lot(100, 100, 0, cny("100.00"), cny("100.01")), "lot.refunded",
        "100.01 CNY")
        .hasMessageContaining("must be from 0 to the basis 100.00 CNY (lot T1/1)");
  }

  @Test
  void negativeRefundIsRefused() {
    assertInvalid(() -> lot(100, 100, 0, cny("100.00"), cny("-0.01")), "lot.refunded",
        "-0.01 CNY")
        .hasMessageContaining("must be from 0 to the basis 100.00 CNY");
  }

  @Test
  void refundWithoutABasisIsRefused() {
    assertInvalid(() -> lot(100, 100, 0, null, cny("10.00")), "lot.refunded", "10.00 CNY")
        .hasMessageContaining("needs a basis: only a lot earned on a sale can be refunded"
            + " (lot T1/1)");
  }

  @Test
  void refundOfTheWholeBasisIsAccepted() {
    PointsLot l = lot(100, 0, 100, cny("100.00"), cny("100.00"));

    assertThat(l.refunded()).isEqualTo(cny("100.00"));
    assertThat(l.revoked()).isEqualTo(100);
  }

  // ---- expiry and changes ----

  @ParameterizedTest(name = "expires after 2027-12-31: expired on {0} is {1}")
  @CsvSource({
      "2027-12-30, false",
      "2027-12-31, false",
      "2028-01-01, true",
  })
  void lotExpiresTheDayAfterItsLastValidDay(LocalDate date, boolean expired) {
    assertThat(lot(10, 10, 0, null, null).isExpiredOn(date)).isEqualTo(expired);
  }

  @Test
  void lotWithoutALastValidDayNeverExpires() {
    PointsLot l = PointsLot.of("E1/1", "E1", EARNED, EARNED, null, 100, null);

    assertThat(l.isExpiredOn(LocalDate.of(2999, 12, 31))).isFalse();
  }

  @Test
  void spendingTakesPointsFromRemainingOnly() {
    PointsLot l = PointsLot.of("T1/1", "T1", EARNED, AVAILABLE, EXPIRES, 1000, cny("1000.00"))
        .minus(300);

    assertThat(l.remaining()).isEqualTo(700);
    assertThat(l.earned()).isEqualTo(1000);
    assertThat(l.pending()).isTrue();
  }

  @Test
  void spendingMoreThanIsLeftIsRefused() {
    PointsLot l = PointsLot.of("T1/1", "T1", EARNED, AVAILABLE, EXPIRES, 1000, null);

    assertInvalid(() -> l.minus(1001), "lot.remaining", "-1")
        .hasMessageContaining("must be from 0 to the 1000 points earned (lot T1/1)");
  }

  @Test
  void releasedLotIsNoLongerPendingAndKeepsEverythingElse() {
    PointsLot pending = PointsLot.of("T1/1", "T1", EARNED, AVAILABLE, EXPIRES, 1000,
        cny("1000.00"));

    PointsLot released = pending.released();

    assertThat(released.pending()).isFalse();
    assertThat(released).isEqualTo(new PointsLot("T1/1", "T1", EARNED, AVAILABLE, EXPIRES, 1000,
        1000, false, cny("1000.00"), cny("0.00"), 0));
  }

  @Test
  void refundAddsToTheRefundedValueAndTheRevokedPoints() {
    PointsLot l = PointsLot.of("T1/1", "T1", EARNED, AVAILABLE, EXPIRES, 1999, cny("1999.50"))
        .refundedBy(cny("199.90"), 199)
        .refundedBy(cny("0.10"), 0);

    assertThat(l.refunded()).isEqualTo(cny("200.00"));
    assertThat(l.revoked()).isEqualTo(199);
    assertThat(l.remaining()).isEqualTo(1999);
  }

  @Test
  void refundBeyondTheBasisIsRefused() {
    PointsLot l = PointsLot.of("T1/1", "T1", EARNED, AVAILABLE, EXPIRES, 100, cny("100.00"))
        .refundedBy(cny("60.00"), 60);

    assertInvalid(() -> l.refundedBy(cny("40.01"), 40), "lot.refunded", "100.01 CNY")
        .hasMessageContaining("must be from 0 to the basis 100.00 CNY");
  }
}
