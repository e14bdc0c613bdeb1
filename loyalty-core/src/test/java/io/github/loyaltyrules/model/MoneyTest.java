package io.github.loyaltyrules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
  private static final Currency CNY = Currency.getInstance("CNY");

  private static Money cny(String amount) {
    return Money.of(amount, "CNY");
  }

  @Test
  void amountIsBroughtToTheCurrencyScale() {
    Money m = cny("12.3");

    assertThat(m.amount().scale()).isEqualTo(2);
    assertThat(m.amount().toPlainString()).isEqualTo("12.30");
    assertThat(cny("12.300").amount().toPlainString()).isEqualTo("12.30");
    assertThat(Money.of(new BigDecimal("1E+3"), CNY).amount().toPlainString())
        .isEqualTo("1000.00");
    assertThat(Money.zero(CNY).amount().toPlainString()).isEqualTo("0.00");
  }

  @Test
  void amountWithMoreDecimalsThanTheCurrencyIsRefused() {
    assertThatThrownBy(() -> cny("1.234"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("money.amount")
        .hasMessageContaining("1.234")
        .hasMessageContaining("more than 2 decimal places")
        .hasMessageContaining("CNY")
        .satisfies(e -> assertThat(((InvalidValueException) e).field())
            .isEqualTo("money.amount"));
  }

  @Test
  void yenHasNoDecimals() {
    Money yen = Money.of("1500", "JPY");

    assertThat(yen.amount().scale()).isZero();
    assertThat(yen).hasToString("1500 JPY");
    assertThatThrownBy(() -> Money.of("1500.5", "JPY"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("money.amount")
        .hasMessageContaining("1500.5")
        .hasMessageContaining("more than 0 decimal places")
        .hasMessageContaining("JPY");
  }

  @Test
  void missingAmountOrCurrencyIsRefused() {
    assertThatThrownBy(() -> Money.of(null, CNY))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("money.amount")
        .hasMessageContaining("is required");
    assertThatThrownBy(() -> Money.of(BigDecimal.ONE, null))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("money.currency")
        .hasMessageContaining("is required");
  }

  @Test
  void plusMinusAndTimesAreExact() {
    assertThat(cny("1999.99").plus(cny("0.01"))).isEqualTo(cny("2000.00"));
    assertThat(cny("100.00").minus(cny("0.01"))).isEqualTo(cny("99.99"));
    assertThat(cny("10.00").minus(cny("12.50"))).isEqualTo(cny("-2.50"));
    assertThat(cny("19.99").times(3)).isEqualTo(cny("59.97"));
    assertThat(cny("0.10").times(0)).isEqualTo(Money.zero(CNY));
    assertThat(cny("12.30").negate()).isEqualTo(cny("-12.30"));
  }

  @Test
  void signPredicatesFollowTheAmount() {
    assertThat(cny("-0.01").isNegative()).isTrue();
    assertThat(cny("-0.01").isPositive()).isFalse();
    assertThat(cny("0.00").isZero()).isTrue();
    assertThat(cny("0.01").isPositive()).isTrue();
  }

  @Test
  void timesFactorRoundsOnceAtTheEndWithTheModeGiven() {
    assertThat(cny("100.00").times(new BigDecimal("0.855"), RoundingMode.HALF_UP))
        .isEqualTo(cny("85.50"));
    assertThat(cny("199.90").times(new BigDecimal("0.95"), RoundingMode.HALF_UP))
        .isEqualTo(cny("189.91")); // 189.905 -> 189.91
    assertThat(cny("199.90").times(new BigDecimal("0.95"), RoundingMode.HALF_EVEN))
        .isEqualTo(cny("189.90")); // 189.905 -> 189.90
    // 0.1449 rounded once is 0.14; rounded twice (0.145, then 0.15) it would be 0.15
    assertThat(cny("1.00").times(new BigDecimal("0.1449"), RoundingMode.HALF_UP))
        .isEqualTo(cny("0.14"));
  }

  @ParameterizedTest(name = "{0} x {1} {2} = {3}")
  @CsvSource({
      "0.05, 2.5, HALF_UP,   0.13",
      "0.05, 2.5, HALF_EVEN, 0.12",
      "0.25, 0.5, HALF_UP,   0.13",
      "0.25, 0.5, HALF_EVEN, 0.12",
      "0.15, 0.5, HALF_EVEN, 0.08",
      "0.05, 2.5, DOWN,      0.12",
      "0.05, 2.5, CEILING,   0.13",
  })
  void halfCentsRoundAccordingToTheMode(String amount, String factor, RoundingMode mode,
      String expected) {
    assertThat(cny(amount).times(new BigDecimal(factor), mode)).isEqualTo(cny(expected));
  }

  @Test
  void ofWithRoundingModeIsTheExplicitRoundingPoint() {
    assertThat(Money.of(new BigDecimal("12.345"), CNY, RoundingMode.HALF_UP))
        .isEqualTo(cny("12.35"));
    assertThat(Money.of(new BigDecimal("12.345"), CNY, RoundingMode.HALF_EVEN))
        .isEqualTo(cny("12.34"));
  }

  @Test
  void compareToAndEqualsAgree() {
    Money a = cny("12.3");
    Money b = cny("12.30");

    assertThat(a.compareTo(b)).isZero();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(cny("12.29")).isLessThan(a);
    assertThat(cny("12.31")).isGreaterThan(a);
    assertThat(a.isAtLeast(b)).isTrue();
    assertThat(cny("12.29").isAtLeast(a)).isFalse();
    assertThat(cny("5.00").max(cny("7.00"))).isEqualTo(cny("7.00"));
  }

  @Test
  void combiningCurrenciesFailsNamingBoth() {
    Money yuan = cny("10.00");
    Money dollars = Money.of("10.00", "USD");

    assertThatThrownBy(() -> yuan.plus(dollars))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("money.currency")
        .hasMessageContaining("USD")
        .hasMessageContaining("cannot be combined with CNY");
    assertThatThrownBy(() -> yuan.minus(dollars))
        .hasMessageContaining("USD").hasMessageContaining("CNY");
    assertThatThrownBy(() -> yuan.compareTo(dollars))
        .hasMessageContaining("USD").hasMessageContaining("CNY");
    assertThat(yuan).isNotEqualTo(dollars);
  }

  @Test
  void toStringShowsAmountAtScaleAndCode() {
    assertThat(cny("12.3")).hasToString("12.30 CNY");
    assertThat(cny("-0.5")).hasToString("-0.50 CNY");
    assertThat(Money.of(new BigDecimal("1E+3"), CNY)).hasToString("1000.00 CNY");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 42L, 20260331L})
  void arithmeticIsExactForRandomAmounts(long seed) {
    Random random = new Random(seed);
    RoundingMode[] modes = {RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN};
    for (int i = 0; i < 500; i++) {
      BigDecimal a = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000L, 2);
      BigDecimal b = BigDecimal.valueOf(random.nextInt(2_000_000), 2);
      int n = random.nextInt(50);
      BigDecimal factor = BigDecimal.valueOf(random.nextInt(100_000), 4);
      RoundingMode mode = modes[random.nextInt(modes.length)];
      Money ma = Money.of(a, CNY);
      Money mb = Money.of(b, CNY);

      assertThat(ma.plus(mb).minus(mb)).isEqualTo(ma);
      assertThat(ma.plus(mb).amount()).isEqualByComparingTo(a.add(b));
      Money sum = Money.zero(CNY);
      for (int k = 0; k < n; k++) {
        sum = sum.plus(ma);
      }
      assertThat(ma.times(n)).isEqualTo(sum);
      assertThat(ma.times(factor, mode).amount())
          .isEqualByComparingTo(a.multiply(factor).setScale(2, mode));
      assertThat(ma.compareTo(mb) == 0).isEqualTo(ma.equals(mb));
    }
  }
}
