package io.github.loyaltyrules.internal;

import io.github.loyaltyrules.InvalidValueException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Decimal numbers as the library reads them, from JSON, text or a host's {@code BigDecimal}:
 * ASCII digits only, no blanks, and at most {@value #MAX_DIGITS} digits before and after the
 * decimal point (trailing zeros after the point do not count). A number past those bounds, such
 * as {@code 1E+999999999} or {@code 1E-999999999}, is refused at once, before anything computes
 * with it. Not API. Stateless, thread-safe.
 */
public final class Numbers {
  /** Digits allowed before the decimal point, and decimal places allowed after it. */
  public static final int MAX_DIGITS = 18;

  /** The longest text read as a number: 18 + 18 digits, sign, point and an exponent. */
  private static final int MAX_TEXT = 64;

  private static final Pattern DECIMAL = Pattern.compile(
      "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]{1,10})?");

  private Numbers() {}

  /**
   * {@code text} as a decimal number: ASCII digits, an optional sign, point and exponent, nothing
   * else (no blanks, no full-width digits); within the bounds of {@link #bounded}.
   */
  public static BigDecimal parse(String field, String text) {
    return bounded(field, syntax(field, text));
  }

  /**
   * {@code text} as a decimal number, checked for its syntax only: the caller applies its own
   * bounds (a {@code BigDecimal} of {@code 1E+999999999} is small until it is expanded).
   */
  public static BigDecimal syntax(String field, String text) {
    Check.notNull(field, text);
    if (text.length() > MAX_TEXT || !DECIMAL.matcher(text).matches()) {
      throw new InvalidValueException(field, text,
          "must be a decimal number written with ASCII digits, such as 12.30");
    }
    return new BigDecimal(text);
  }

  /**
   * {@code value} if it has at most {@value #MAX_DIGITS} digits before the decimal point and
   * {@value #MAX_DIGITS} decimal places once trailing zeros are dropped; a zero written with an
   * absurd exponent reads as plain zero. Cheap whatever the value: nothing is expanded.
   */
  public static BigDecimal bounded(String field, BigDecimal value) {
    Check.notNull(field, value);
    if (value.signum() == 0) {
      return value.scale() < -MAX_DIGITS || value.scale() > MAX_DIGITS ? BigDecimal.ZERO : value;
    }
    long integerDigits = (long) value.precision() - value.scale();
    if (integerDigits > MAX_DIGITS) {
      throw new InvalidValueException(field, value, "has more than " + MAX_DIGITS
          + " digits before the decimal point; no amount, rate or count of the library is that"
          + " large");
    }
    if (value.scale() > MAX_DIGITS) {
      BigDecimal stripped = value.precision() > 4 * MAX_DIGITS ? value
          : value.stripTrailingZeros();
      if (stripped.scale() > MAX_DIGITS) {
        throw new InvalidValueException(field, value, "has more than " + MAX_DIGITS
            + " decimal places; no amount, rate or factor of the library is that precise");
      }
      return stripped;
    }
    return value;
  }
}
