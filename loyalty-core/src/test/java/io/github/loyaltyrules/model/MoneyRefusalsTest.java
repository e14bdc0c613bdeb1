package io.github.loyaltyrules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** Every way to build a bad amount fails with the library's exception: field, value, rule. */
class MoneyRefusalsTest {
  private static final Currency CNY = Currency.getInstance("CNY");

  private static void refused(Runnable build, String field, String value, String message) {
    assertThatThrownBy(build::run)
        .isInstanceOf(InvalidValueException.class)
        .hasMessage(message)
        .satisfies(e -> {
          InvalidValueException i = (InvalidValueException) e;
          assertThat(i.field()).isEqualTo(field);
          assertThat(i.value()).isEqualTo(value);
        });
  }

  @Test
  void textThatIsNotANumberIsAnInvalidValue() {
    refused(() -> Money.of("abc", "CNY"), "money.amount", "'abc'",
        "money.amount = 'abc': must be a decimal number written with ASCII digits, such as"
            + " 12.30");
    refused(() -> Money.of(" 1.00", "CNY"), "money.amount", "' 1.00'",
        "money.amount = ' 1.00': must be a decimal number written with ASCII digits, such as"
            + " 12.30");
    refused(() -> Money.of("\uFF11.00", "CNY"), "money.amount", "'\uFF11.00'",
        "money.amount = '\uFF11.00': must be a decimal number written with ASCII digits, such"
            + " as 12.30");
  }

  @Test
  void anUnknownCurrencyIsAnInvalidValue() {
    refused(() -> Money.of("1.00", "ZZZ"), "money.currency", "'ZZZ'",
        "money.currency = 'ZZZ': is not an ISO 4217 currency code; use one such as CNY");
  }

  @Test
  void aMissingAmountOrCurrencyIsAnInvalidValue() {
    refused(() -> Money.of(null, "CNY"), "money.amount", "null",
        "money.amount = null: is required");
    refused(() -> Money.of("1.00", null), "money.currency", "null",
        "money.currency = null: is required");
    refused(() -> Money.of((BigDecimal) null, CNY), "money.amount", "null",
        "money.amount = null: is required");
    refused(() -> Money.of(BigDecimal.ONE, CNY, null), "money.roundingMode", "null",
        "money.roundingMode = null: is required");
  }

  @Test
  void aLongValueIsCutInTheMessage() {
    String text = "x".repeat(1_000_000);
    refused(() -> Money.of(text, "CNY"), "money.amount", "'" + "x".repeat(40) + "\u2026'",
        "money.amount = '" + "x".repeat(40) + "\u2026': is longer than 128 characters; no"
            + " amount, rate or factor of the library needs that many");
  }

  @Test
  void absurdMagnitudesAndScalesAreRefusedAtOnce() {
    long start = System.nanoTime();
    refused(() -> Money.of(new BigDecimal("1E+999999999"), CNY), "money.amount",
        "1E+999999999", "money.amount = 1E+999999999: has more than 15 digits before the"
            + " decimal point; no amount is that large");
    refused(() -> Money.of(new BigDecimal("1E-999999999"), CNY), "money.amount",
        "1E-999999999", "money.amount = 1E-999999999: has more than 100 decimal places; no"
            + " amount, rate or factor of the library is that precise");
    refused(() -> Money.of(new BigDecimal("1E-999999999"), CNY, RoundingMode.HALF_UP),
        "money.amount", "1E-999999999", "money.amount = 1E-999999999: has more than 100"
            + " decimal places; no amount, rate or factor of the library is that precise");
    refused(() -> Money.of("1E+1000", "CNY"), "money.amount", "1E+1000",
        "money.amount = 1E+1000: has more than 15 digits before the decimal point; no amount"
            + " is that large");
    refused(() -> Money.of("1.00", "CNY").times(new BigDecimal("1E+999999999"),
        RoundingMode.HALF_UP), "money.factor", "1E+999999999", "money.factor = 1E+999999999:"
            + " has more than 18 digits before the decimal point; no amount, rate or count of"
            + " the library is that large");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void theLargestAmountKeepsFifteenDigits() {
    Money largest = Money.of("999999999999999.99", "CNY");
    assertThat(largest.amount().toPlainString()).isEqualTo("999999999999999.99");
    refused(() -> Money.of("1000000000000000.00", "CNY"), "money.amount", "1000000000000000.00",
        "money.amount = 1000000000000000.00: has more than 15 digits before the decimal"
            + " point; no amount is that large");
    assertThat(Money.of(new BigDecimal("0E+999999999"), CNY)).isEqualTo(Money.zero(CNY));
  }
}
