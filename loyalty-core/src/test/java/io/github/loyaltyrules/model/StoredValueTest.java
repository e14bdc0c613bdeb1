package io.github.loyaltyrules.model;

import static io.github.loyaltyrules.InvalidValues.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link StoredValue}: the recharged balance and the rate the recharge ladder gave. */
class StoredValueTest {

  @Test
  void storedValueKeepsItsBalanceAndRate() {
    StoredValue s = new StoredValue(Money.of("5000.00", "CNY"), new BigDecimal("0.88"));

    assertThat(s.balance().amount()).isEqualByComparingTo("5000.00");
    assertThat(s.memberRate()).isEqualByComparingTo("0.88");
  }

  @Test
  void emptyBalanceWithoutARateIsAccepted() {
    StoredValue s = new StoredValue(Money.of("0", "CNY"), null);

    assertThat(s.balance().isZero()).isTrue();
    assertThat(s.memberRate()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "1.00", "0.90"})
  void rateFromZeroToOneIsAccepted(String rate) {
    assertThat(new StoredValue(Money.of("1.00", "CNY"), new BigDecimal(rate)).memberRate())
        .isEqualByComparingTo(rate);
  }

  @Test
  void missingBalanceIsRefused() {
    assertInvalid(() -> new StoredValue(null, null), "storedValue.balance", "null")
        .hasMessageContaining("is required");
  }

  @Test
  void negativeBalanceIsRefused() {
    assertInvalid(() -> new StoredValue(Money.of("-0.01", "CNY"), null), "storedValue.balance",
        "-0.01 CNY")
        .hasMessageContaining("must not be negative");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-0.01", "1.01", "88"})
  void rateOutsideZeroToOneIsRefused(String rate) {
    assertInvalid(() -> new StoredValue(Money.of("100.00", "CNY"), new BigDecimal(rate)),
        "storedValue.memberRate", "'" + rate + "'")
        .hasMessageContaining("must be from 0 to 1 (0.88 means 88 % of the price)");
  }
}
