package io.github.loyaltyrules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.loyaltyrules.InvalidValueException;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {
  /** The contract's syntax for a decimal, spelled as a regular expression (docs/CONTRACT.md). */
  private static final Pattern JSON_DECIMAL = Pattern.compile(
      "-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]{1,10})?");

  @ParameterizedTest
  @CsvSource({"12.30, 12.30", "0, 0", "-0.5, -0.5", "1408.00, 1408.00", "7E+2, 7E+2",
      "-12, -12", "0.000, 0.000"})
  void aDecimalWrittenAsJsonWritesOneIsReadExactly(String text, String expected) {
    assertThat(Numbers.syntax("amount", text)).isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "012", "-01.5", "5.", ".5", "+5", "1.2.3", " 1", "1 ", "１２",
      "1e", "0x10", "--1", "-.5"})
  void anythingElseIsRefusedWithTheField(String text) {
    assertThatThrownBy(() -> Numbers.syntax("amount", text))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("amount");
  }

  /** The fast path for plain decimals agrees with the regular expression on random text. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void theFastPathAgreesWithTheSyntaxOnRandomText(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String alphabet = "-0123456789.eE+ 0011";
    int accepted = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder b = new StringBuilder();
      for (int i = random.nextInt(1, 9); i > 0; i--) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      if (JSON_DECIMAL.matcher(text).matches()) {
        accepted++;
        assertThat(Numbers.syntax("amount", text)).as(text).isEqualTo(new BigDecimal(text));
      } else {
        assertThatThrownBy(() -> Numbers.syntax("amount", text)).as(text)
            .isInstanceOf(InvalidValueException.class);
      }
    }
    assertThat(accepted).as("random texts that are decimals").isGreaterThan(500);
  }
}
