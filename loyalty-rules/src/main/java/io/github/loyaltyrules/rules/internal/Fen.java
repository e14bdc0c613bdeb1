package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Amounts of money as {@code long} counts of the currency's minor unit (fen for CNY), for the
 * arithmetic inside the pricer, the points calculator and the settlers: a {@link Money} is read
 * at the edge ({@link #of(Money)}) and made again only for what the outcome shows
 * ({@link #money}), so the steps between allocate nothing.
 *
 * <p>Every method is exact, or rounds once with the {@link RoundingMode} it is given, exactly as
 * the {@code BigDecimal} expression its javadoc names: {@link #divide} rounds as
 * {@code BigDecimal.divide(divisor, 0, mode)} does, {@link #times} as {@code setScale} does after
 * a {@code multiply}. A product that does not fit a {@code long} is computed with
 * {@code BigDecimal} instead (same result); a result that does not fit a {@code long} throws an
 * {@link ArithmeticException}, as {@code longValueExact} did before. Every amount a
 * {@link Money} may hold (below 10^15 units, {@link Money#MAX_INTEGER_DIGITS}) is below 10^17 fen
 * at scale 2, so sums of a few thousand of them fit with room to spare; sums still use
 * {@link Math#addExact}.
 *
 * <p>Thread-safety: stateless, thread-safe.
 */
final class Fen {
  /** 10^0 to 10^18, every power of ten a {@code long} holds. */
  private static final long[] TEN = new long[19];

  static {
    TEN[0] = 1;
    for (int i = 1; i < TEN.length; i++) {
      TEN[i] = TEN[i - 1] * 10;
    }
  }

  private Fen() {}

  /** {@code amount}'s minor units. */
  static long of(Money amount) {
    return of(amount.amount(), amount.currency().getDefaultFractionDigits());
  }

  /**
   * {@code amount} (of at most {@code scale} decimals) in units of 10^-{@code scale}; throws an
   * {@link ArithmeticException} when it has more decimals or does not fit a {@code long}.
   */
  static long of(BigDecimal amount, int scale) {
    if (amount.scale() == scale && amount.precision() <= 18) {
      // the amount at the currency's scale: its unscaled value is the fen, without the
      // BigInteger that unscaledValue() builds (a BigDecimal of up to 18 digits holds a long)
      return amount.movePointRight(scale).longValueExact();
    }
    return amount.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
  }

  /** {@code fen} minor units of {@code currency} as the outcome shows them. */
  static Money money(long fen, Currency currency) {
    return Money.of(decimal(fen, currency.getDefaultFractionDigits()), currency);
  }

  /** {@code fen} units of 10^-{@code scale} as a decimal of that scale. */
  static BigDecimal decimal(long fen, int scale) {
    return BigDecimal.valueOf(fen, scale);
  }

  /**
   * The unscaled value of {@code x} ({@code x} = unscaled × 10^-scale); an
   * {@link ArithmeticException} when it does not fit a {@code long}.
   */
  static long unscaled(BigDecimal x) {
    if (x.scale() == 0) {
      return x.longValueExact();
    }
    // the number moved to scale 0: for up to 18 digits, one BigDecimal and no BigInteger
    return x.movePointRight(x.scale()).longValueExact();
  }

  /**
   * {@code fen} times {@code rate}, rounded to whole units with {@code mode}: in the currency's
   * scale {@code s}, {@code BigDecimal.valueOf(fen, s).multiply(rate).setScale(s, mode)}. The
   * only rounding is that last one.
   */
  static long times(long fen, BigDecimal rate, RoundingMode mode) {
    int rs = rate.scale();
    if (rs >= 0 && rs < TEN.length && rate.precision() <= 18) {
      long r = unscaled(rate);
      long low = fen * r;
      if (Math.multiplyHigh(fen, r) == (low >> 63)) { // the product fits a long
        // fen × rate = low × 10^-rs, exactly
        return divide(low, TEN[rs], mode);
      }
    }
    return BigDecimal.valueOf(fen).multiply(rate).setScale(0, mode).longValueExact();
  }

  /**
   * {@code numerator / denominator} rounded to a whole number with {@code mode}, as
   * {@code BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 0, mode)}:
   * {@code UNNECESSARY} throws an {@link ArithmeticException} when the division is not exact,
   * as a zero denominator does.
   */
  static long divide(long numerator, long denominator, RoundingMode mode) {
    if (denominator == 0) {
      throw new ArithmeticException("Division by zero");
    }
    long n = numerator;
    long d = denominator;
    if (d < 0) {
      n = Math.negateExact(n);
      d = Math.negateExact(d);
    }
    long q = n / d; // towards zero
    long r = n % d; // the sign of n, |r| < d
    if (r == 0) {
      return q;
    }
    int sign = n < 0 ? -1 : 1;
    boolean away = switch (mode) {
      case UP -> true;
      case DOWN -> false;
      case CEILING -> sign > 0;
      case FLOOR -> sign < 0;
      case HALF_UP, HALF_DOWN, HALF_EVEN -> {
        long rest = Math.abs(r);
        int half = Long.compare(rest, d - rest); // the remainder against half the divisor
        yield half > 0 || (half == 0 && (mode == RoundingMode.HALF_UP
            || (mode == RoundingMode.HALF_EVEN && (q & 1) != 0)));
      }
      case UNNECESSARY -> throw new ArithmeticException("Rounding necessary");
    };
    return away ? q + sign : q;
  }
}
