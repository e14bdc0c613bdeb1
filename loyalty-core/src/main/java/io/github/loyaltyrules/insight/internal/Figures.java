package io.github.loyaltyrules.insight.internal;

import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The reports' arithmetic: amounts are summed as whole minor units (fen) in a {@code long}, and
 * every division is rounded once, where it is named. Not API. Stateless, thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public final class Figures {
  /** Shares are kept to 4 decimals: 0.6250 is 62.50 %. */
  public static final int SHARE_SCALE = 4;

  private Figures() {}

  /**
   * How many of {@code n} ranked members a share of them takes: {@code n × share} rounded half up
   * to whole members, at least one and at most {@code n} (0 when {@code n} is 0). The one rule
   * for the pyramid's cuts and the top buyers' share, so that with the same share they name the
   * same members: with 4 buyers and 10 %, 0.4 members round to 0, and the top member is taken.
   */
  public static int ranked(int n, BigDecimal share) {
    if (n <= 0) {
      return 0;
    }
    int k = BigDecimal.valueOf(n).multiply(share).setScale(0, RoundingMode.HALF_UP)
        .intValueExact();
    return Math.min(n, Math.max(1, k));
  }

  /** {@code money} in minor units. */
  public static long minor(Money money) {
    return money.amount().unscaledValue().longValueExact();
  }

  /** {@code minor} units of {@code currency} as money. */
  public static Money money(long minor, Currency currency) {
    return Money.of(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()), currency);
  }

  /** {@code minor} ÷ {@code count} rounded to the currency's scale with {@code mode}; null if 0. */
  public static @Nullable Money average(long minor, long count, Currency currency, RoundingMode mode) {
    if (count == 0) {
      return null;
    }
    BigDecimal total = BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    return Money.of(total.divide(BigDecimal.valueOf(count), currency.getDefaultFractionDigits(),
        mode), currency);
  }

  /** {@code part} ÷ {@code whole} to 4 decimals, half up; zero when {@code whole} is 0. */
  public static BigDecimal share(long part, long whole) {
    if (whole == 0) {
      return BigDecimal.ZERO.setScale(SHARE_SCALE);
    }
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SHARE_SCALE,
        RoundingMode.HALF_UP);
  }

  /** {@code a} ÷ {@code b} to {@code scale} decimals, half up; null when {@code b} is 0. */
  public static @Nullable BigDecimal ratio(long a, long b, int scale) {
    if (b == 0) {
      return null;
    }
    return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), scale, RoundingMode.HALF_UP);
  }

  /** {@code basis} × (1 + {@code growth}) rounded once with {@code mode}; null for null. */
  public static @Nullable Money grown(Money basis, BigDecimal growth, RoundingMode mode) {
    return basis == null ? null : basis.times(BigDecimal.ONE.add(growth), mode);
  }

  /** A share as a percentage for words: 0.6250 → "62.50 %". */
  public static String percent(BigDecimal share) {
    return share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %";
  }
}
