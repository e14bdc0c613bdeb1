package io.github.loyaltyrules.programme;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RechargeStep}: recharge 3,000 → 3,000 points and 90 %; 5,000 → 5,000 and 88 %. */
class RechargeStepTest {

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  void stepKeepsItsAmountPointsAndRate() {
    RechargeStep step = new RechargeStep(d("3000.00"), 3000, d("0.90"));

    assertThat(step.amount()).isEqualByComparingTo("3000.00");
    assertThat(step.points()).isEqualTo(3000);
    assertThat(step.memberRate()).isEqualByComparingTo("0.90");
  }

  @Test
  void stepWithZeroPointsAndFullPriceIsAccepted() {
    RechargeStep step = new RechargeStep(d("0.00"), 0, BigDecimal.ONE);

    assertThat(step.points()).isZero();
    assertThat(step.memberRate()).isEqualByComparingTo("1");
  }

  @Test
  void missingAmountIsRefused() {
    assertInvalid(() -> new RechargeStep(null, 3000, d("0.90")),
        "points.rechargeLadder.amount", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void negativeAmountIsRefused() {
    assertInvalid(() -> new RechargeStep(d("-3000.00"), 3000, d("0.90")),
        "points.rechargeLadder.amount", "'-3000.00'")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void negativePointsAreRefused() {
    assertInvalid(() -> new RechargeStep(d("3000.00"), -1, d("0.90")),
        "points.rechargeLadder.points", "-1")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void missingMemberRateIsRefused() {
    assertInvalid(() -> new RechargeStep(d("3000.00"), 3000, null),
        "points.rechargeLadder.memberRate", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void negativeMemberRateIsRefused() {
    assertInvalid(() -> new RechargeStep(d("3000.00"), 3000, d("-0.10")),
        "points.rechargeLadder.memberRate", "'-0.10'")
        .hasMessageContaining("must not be negative");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.01", "1.000001", "90"})
  void memberRateAboveOneIsRefused(String rate) {
    assertInvalid(() -> new RechargeStep(d("3000.00"), 3000, d(rate)),
        "points.rechargeLadder.memberRate", "'" + rate + "'")
        .hasMessageContaining("must be at most 1 (0.90 means 90 % of the price)");
  }
}
