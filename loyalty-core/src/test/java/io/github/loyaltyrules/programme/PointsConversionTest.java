package io.github.loyaltyrules.programme;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PointsConversion}: 3,000 points → a 300-yuan voucher valid 90 days by default. */
class PointsConversionTest {

  @Test
  void absentFieldsGiveAVoucherOf300For3000PointsValid90DaysIssuedAutomatically() {
    PointsConversion c = new PointsConversion(null, null, null, null);

    assertThat(c.threshold()).isEqualTo(3000L);
    assertThat(c.voucherValue()).isEqualByComparingTo("300.00");
    assertThat(c.voucherValue().toPlainString()).isEqualTo("300.00");
    assertThat(c.validityDays()).isEqualTo(90);
    assertThat(c.automatic()).isTrue();
    assertThat(c).isEqualTo(PointsConversion.DEFAULT);
  }

  @Test
  void givenFieldsAreKept() {
    PointsConversion c = new PointsConversion(1000L, new BigDecimal("88.00"), 1, false);

    assertThat(c.threshold()).isEqualTo(1000L);
    assertThat(c.voucherValue()).isEqualByComparingTo("88.00");
    assertThat(c.validityDays()).isEqualTo(1);
    assertThat(c.automatic()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -3000})
  void thresholdBelowOnePointIsRefused(long threshold) {
    assertInvalid(() -> new PointsConversion(threshold, null, null, null),
        "points.conversion.threshold", String.valueOf(threshold))
        .hasMessageContaining("must be at least 1 point");
  }

  @Test
  void thresholdOfOnePointIsAccepted() {
    assertThat(new PointsConversion(1L, null, null, null).threshold()).isEqualTo(1L);
  }

  @Test
  void negativeVoucherValueIsRefused() {
    assertInvalid(() -> new PointsConversion(null, new BigDecimal("-300.00"), null, null),
        "points.conversion.voucherValue", "'-300.00'")
        .hasMessageContaining("must not be negative");
  }

  @Test
  void voucherWorthNothingIsRefused() {
    assertInvalid(() -> new PointsConversion(null, new BigDecimal("0.00"), null, null),
        "points.conversion.voucherValue", "'0.00'")
        .hasMessageContaining("must be more than zero");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -90})
  void validityBelowOneDayIsRefused(int days) {
    assertInvalid(() -> new PointsConversion(null, null, days, null),
        "points.conversion.validityDays", String.valueOf(days))
        .hasMessageContaining("must be at least 1 day");
  }
}
