package io.github.loyaltyrules.internal;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The pricing's rule for what each unit of a line costs, kept as a rule rather than one amount
 * per unit: the line's amount is split over its units in equal shares in the currency's minor
 * unit (fen), and the minor units left over go one each to the last units. So unit {@code u}
 * (from 0) of {@code quantity} units sharing {@code total} costs {@code floor(total /
 * quantity)}, plus one minor unit when {@code u >= quantity - total mod quantity}. Not API.
 * Stateless, thread-safe.
 */
public final class UnitSplit {
  private UnitSplit() {}

  /** What each unit costs at least: the total over the units, rounded down to the minor unit. */
  public static Money each(Money total, int quantity) {
    if (quantity == 1) {
      return total; // one unit costs the whole: no arithmetic, no new Money
    }
    return money(Math.floorDiv(minor(total), quantity), total.currency());
  }

  /** {@link #each(Money, int)} of a total of {@code minor} minor units ({@link #minorUnits}). */
  public static Money each(Money total, int quantity, long minor) {
    return money(Math.floorDiv(minor, quantity), total.currency());
  }

  /** {@link #withExtra(Money, int)} of a total of {@code minor} minor units. */
  public static int withExtra(int quantity, long minor) {
    return (int) Math.floorMod(minor, (long) quantity);
  }

  /** {@code total}'s minor units (fen for CNY). */
  public static long minorUnits(Money total) {
    return minor(total);
  }

  /** How many units, the last ones, cost one minor unit more than {@link #each}. */
  public static int withExtra(Money total, int quantity) {
    if (quantity == 1) {
      return 0;
    }
    return (int) Math.floorMod(minor(total), (long) quantity);
  }

  /**
   * Units {@code from} (included) to {@code to} (excluded) of {@code total} split over
   * {@code quantity} units, together; {@code field} and {@code whose} (after "the N units")
   * name them in an error.
   */
  public static Money units(Money total, int quantity, int from, int to, String field,
      String whose) {
    if (from < 0 || to > quantity || from > to) {
      throw new InvalidValueException(field, from + ".." + to,
          "must lie within the " + quantity + " units " + whose);
    }
    long minor = minor(total);
    long each = Math.floorDiv(minor, quantity);
    long extra = Math.floorMod(minor, (long) quantity);
    long firstExtra = quantity - extra;
    long sum = each * (to - from) + Math.max(0, to - Math.max(from, firstExtra));
    return money(sum, total.currency());
  }

  private static long minor(Money m) {
    return m.amount().movePointRight(m.currency().getDefaultFractionDigits()).longValueExact();
  }

  private static Money money(long minor, Currency currency) {
    return Money.of(BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()), currency);
  }
}
