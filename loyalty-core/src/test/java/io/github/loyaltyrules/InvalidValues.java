package io.github.loyaltyrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test support: asserts that building a value fails naming the field and the bad value. */
public final class InvalidValues {
  private InvalidValues() {}

  /**
   * Asserts that {@code call} throws an {@link InvalidValueException} for {@code field} with the
   * value rendered as {@code value} (text quoted, e.g. {@code '-1'}; numbers, dates, money and
   * enums as they print), and that the message starts {@code field = value: }. Chain
   * {@code hasMessageContaining} for the rule.
   */
  public static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(
      ThrowingCallable call, String field, String value) {
    return assertThatThrownBy(call)
        .isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith(field + " = " + value + ": ")
        .satisfies(e -> {
          InvalidValueException invalid = (InvalidValueException) e;
          assertThat(invalid.field()).isEqualTo(field);
          assertThat(invalid.value()).isEqualTo(value);
        });
  }
}
