package io.github.loyaltyrules.internal;

import io.github.loyaltyrules.InvalidValueException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Decimal numbers as the library reads them, from JSON, text or a host's {@code BigDecimal}:
 * ASCII digits only, no blanks, at most {@value #MAX_DIGITS} digits before the decimal point and
 * {@value #MAX_PLACES} after it (trailing zeros after the point do not count; rates that
 * multiply in a phase or a points calculation keep their places, so the outcome that shows them
 * reads back). A number past those bounds, such
 * as {@code 1E+999999999} or {@code 1E-999999999}, is refused at once, before anything computes
 * with it. Not API. Stateless, thread-safe.
 */
public final class Numbers {
  /** Digits allowed before the decimal point. */
  public static final int MAX_DIGITS = 18;

  /** Decimal places allowed after the decimal point, once trailing zeros are dropped. */
  public static final int MAX_PLACES = 100;

  /** The longest text read as a number: the digits, sign, point and an exponent. */
  public static final int MAX_TEXT = 128;

  /** What a decimal may be written as, loosely: anything else is not a number at all. */
  private static final Pattern DECIMAL = Pattern.compile(
      "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]{1,10})?");

  /**
   * A decimal written as JSON writes a number, so that the text and the value agree one to one:
   * no plus sign, no leading zero ({@code 00012}), digits on both sides of a point ({@code 5.},
   * {@code .5}).
   */
  private static final Pattern CANONICAL = Pattern.compile(
      "-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]{1,10})?");

  private Numbers() {}

  /**
   * {@code text} as a decimal number written as JSON writes one: ASCII digits, an optional minus
   * sign, point and exponent, nothing else (no blanks, no full-width digits, no plus sign, no
   * leading zero, no point without digits on both sides); within the bounds of {@link #bounded}.
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
    if (text.length() > MAX_TEXT) {
      throw new InvalidValueException(field, text, "is longer than " + MAX_TEXT
          + " characters; no amount, rate or factor of the library needs that many");
    }
    if (plain(text)) {
      return new BigDecimal(text);
    }
    if (!DECIMAL.matcher(text).matches()) {
      throw new InvalidValueException(field, text,
          "must be a decimal number written with ASCII digits, such as 12.30");
    }
    if (!CANONICAL.matcher(text).matches()) {
      throw new InvalidValueException(field, text, "must be a decimal number written as JSON"
          + " writes one, such as 12.30 or 0.5: no plus sign, no leading zero, digits on both"
          + " sides of the point");
    }
    return new BigDecimal(text);
  }

  /**
   * Whether {@code text} is a plain decimal in the canonical form, {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}
   * (no exponent), checked without a regular expression: nearly every amount read is one, and
   * matching the two patterns cost more than the rest of reading a state's amounts. Anything
   * else goes through the patterns, which also give the error.
   */
  public static boolean plain(String text) {
    int n = text.length();
    int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
    if (i >= n) {
      return false;
    }
    char first = text.charAt(i);
    if (first == '0') {
      i++;
    } else if (first >= '1' && first <= '9') {
      for (i++; i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
        // the integer digits
      }
    } else {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (text.charAt(i) != '.' || i + 1 == n) {
      return false;
    }
    for (i++; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code value} if it has at most {@value #MAX_DIGITS} digits before the decimal point and
   * {@value #MAX_PLACES} decimal places once trailing zeros are dropped; a zero written with an
   * absurd exponent reads as plain zero. Cheap whatever the value: nothing is expanded.
   */
  public static BigDecimal bounded(String field, BigDecimal value) {
    Check.notNull(field, value);
    if (value.signum() == 0) {
      return value.scale() < -MAX_DIGITS || value.scale() > MAX_PLACES ? BigDecimal.ZERO : value;
    }
    long integerDigits = (long) value.precision() - value.scale();
    if (integerDigits > MAX_DIGITS) {
      throw new InvalidValueException(field, value, "has more than " + MAX_DIGITS
          + " digits before the decimal point; no amount, rate or count of the library is that"
          + " large");
    }
    if (value.scale() > MAX_PLACES) {
      BigDecimal stripped = value.precision() > MAX_TEXT ? value : value.stripTrailingZeros();
      if (stripped.scale() > MAX_PLACES) {
        throw new InvalidValueException(field, value, "has more than " + MAX_PLACES
            + " decimal places; no amount, rate or factor of the library is that precise");
      }
      return stripped;
    }
    return value;
  }
}
