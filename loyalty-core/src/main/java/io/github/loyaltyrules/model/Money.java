package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.internal.Numbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * An amount of money in one currency, always held in the currency's scale (CNY: 2 decimal
 * places, so {@code 12.3} is stored as {@code 12.30}).
 *
 * <p>Rounding happens only where a method takes a {@link RoundingMode}: {@link #of(BigDecimal,
 * Currency)} and {@link #plus}, {@link #minus}, {@link #times(long)} are exact and refuse an
 * amount with more decimals than the currency allows; {@link #times(BigDecimal, RoundingMode)}
 * rounds once, at the end, with the mode given. Two amounts are compared with {@link
 * #compareTo}; {@link #equals} agrees with it because the scale is fixed.
 *
 * <p>Every failure, of text that is not a number, an unknown currency or an amount out of bounds
 * ({@code 1E+999999999}, {@code 1E-999999999}: refused at once, before any arithmetic), is an
 * {@link InvalidValueException} naming the field, the value (cut to 40 characters) and the rule.
 *
 * <p>In JSON a {@code Money} is {@code {"amount": "12.30", "currency": "CNY"}}; the amount may
 * also be a JSON number.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /**
   * Digits an amount may have before the decimal point: every amount is below 10^15 (a
   * thousand million million) in absolute value, so it is exact as a {@code long} of minor units
   * and always reads back from JSON.
   */
  public static final int MAX_INTEGER_DIGITS = 15;

  /** Validates and brings {@code amount} to the currency's scale without rounding. */
  public Money {
    Check.notNull("money.currency", currency);
    amount = bounded(amount);
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new InvalidValueException("money.currency", currency.getCurrencyCode(),
          "has no fixed number of decimal places; use a currency such as CNY");
    }
    if (amount.scale() != digits) {
      try {
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw new InvalidValueException("money.amount", amount.toPlainString(),
            "has more than " + digits + " decimal places, which " + currency.getCurrencyCode()
                + " does not allow; round it first with Money.of(amount, currency, roundingMode)");
      }
    }
  }

  /** {@code amount} if it is within {@link #MAX_INTEGER_DIGITS} digits; checked before any use. */
  private static BigDecimal bounded(BigDecimal amount) {
    Check.notNull("money.amount", amount);
    if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
      throw new InvalidValueException("money.amount", amount, "has more than "
          + MAX_INTEGER_DIGITS + " digits before the decimal point; no amount is that large");
    }
    return Numbers.bounded("money.amount", amount);
  }

  /** An exact amount; fails if it has more decimals than the currency allows. */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /**
   * An exact amount from text such as {@code "12.30"} (ASCII digits, no blanks) and an ISO 4217
   * currency code; fails with an {@link InvalidValueException} naming the field.
   */
  public static Money of(String amount, String currencyCode) {
    BigDecimal value = Numbers.syntax("money.amount", amount);
    return new Money(value, currency(currencyCode));
  }

  /** The currency with ISO 4217 {@code code}; fails with an {@link InvalidValueException}. */
  private static Currency currency(String code) {
    Check.notNull("money.currency", code);
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidValueException("money.currency", code,
          "is not an ISO 4217 currency code; use one such as CNY");
    }
  }

  /** An amount rounded to the currency's scale with {@code mode}: an explicit rounding point. */
  public static Money of(BigDecimal amount, Currency currency, RoundingMode mode) {
    Check.notNull("money.currency", currency);
    Check.notNull("money.roundingMode", mode);
    return new Money(bounded(amount).setScale(currency.getDefaultFractionDigits(), mode),
        currency);
  }

  /** Zero in {@code currency}. */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    return new Money(amount.add(same(other).amount), currency);
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(same(other).amount), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /** Exact: the amount times a whole quantity. */
  public Money times(long quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  /** The amount times {@code factor}, rounded once to the currency's scale with {@code mode}. */
  public Money times(BigDecimal factor, RoundingMode mode) {
    return of(amount.multiply(Numbers.bounded("money.factor", factor)), currency, mode);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** The larger of the two; this one when equal. */
  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** Whether this amount is at least {@code other}. */
  public boolean isAtLeast(Money other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(same(other).amount);
  }

  private Money same(Money other) {
    if (!currency.equals(other.currency)) {
      throw new InvalidValueException("money.currency", other.currency.getCurrencyCode(),
          "cannot be combined with " + currency.getCurrencyCode()
              + "; convert amounts to one currency before adding or comparing them");
    }
    return other;
  }

  /** For example {@code 12.30 CNY}. */
  @Override
  public String toString() {
    // BigDecimal keeps its toString(), which is the plain text for every amount money holds
    // (scale 0 or more, not tiny); toPlainString() would build it again on every call
    String text = amount.scale() >= 0 && amount.precision() - amount.scale() - 1 >= -6
        ? amount.toString() : amount.toPlainString();
    return text + " " + currency.getCurrencyCode();
  }
}
