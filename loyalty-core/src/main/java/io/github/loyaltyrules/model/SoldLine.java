package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.internal.UnitSplit;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A line of a recent sale as it was priced, kept so that a return refunds exactly what was paid
 * for the units it brings back.
 *
 * <p>What each unit was paid is not stored unit by unit but as the rule the pricing follows: a
 * line's amount is split over its units in equal shares in the currency's minor unit (fen), the
 * fen left over going one each to the last units. So unit {@code u} (from 0) of a line of
 * {@code quantity} units that paid {@code paid} is paid {@code floor(paid / quantity)} fen, plus
 * one fen when {@code u >= quantity - paid mod quantity}; each basket promotion's and voucher's
 * share is split the same way. A line of 100,000 units takes no more room than a line of one.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param sku the line's SKU
 * @param saleTotal the line at sale prices: what counts towards a basket promotion's threshold
 * @param quantity units sold
 * @param paid what the line was paid, net of every discount and voucher
 * @param returned how many units have been returned so far; units are returned in order
 * @param shares for each basket promotion ({@code basket-promotion:ID}) and voucher
 *     ({@code voucher:CODE}), its share of the line, split over the units as {@code paid} is
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record SoldLine(String sku, Money saleTotal,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") int quantity,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") Money paid, int returned,
    Map<String, Money> shares) {

  public SoldLine {
    Check.notBlank("soldLine.sku", sku);
    Check.notNull("soldLine.saleTotal", saleTotal);
    Check.notNull("soldLine.paid", paid);
    if (quantity < 1) {
      throw new InvalidValueException("soldLine.quantity", quantity,
          "must be at least 1 (" + sku + ")");
    }
    if (saleTotal.isNegative()) {
      throw new InvalidValueException("soldLine.saleTotal", saleTotal, "must not be negative ("
          + sku + ")");
    }
    if (paid.isNegative()) {
      throw new InvalidValueException("soldLine.paid", paid, "must not be negative (" + sku
          + ")");
    }
    if (returned < 0 || returned > quantity) {
      throw new InvalidValueException("soldLine.returned", returned,
          "must be from 0 to the " + quantity + " units sold (" + sku + ")");
    }
    shares = Check.map("soldLine.shares", shares);
    for (Map.Entry<String, Money> e : shares.entrySet()) {
      if (e.getValue().isNegative()) {
        throw new InvalidValueException("soldLine.shares[" + e.getKey() + "]", e.getValue(),
            "must not be negative (" + sku + ")");
      }
    }
  }

  /** Units not yet returned. */
  public int kept() {
    return quantity - returned;
  }

  /** What unit {@code u} (from 0) was paid. */
  public Money unit(int u) {
    return units(paid, u, u + 1);
  }

  /** What units {@code from} (included) to {@code to} (excluded) were paid, together. */
  public Money units(int from, int to) {
    return units(paid, from, to);
  }

  /** The share {@code key} of units {@code from} to {@code to}; zero when it has none. */
  public Money share(String key, int from, int to) {
    Money total = shares.get(key);
    return total == null ? Money.zero(paid.currency()) : units(total, from, to);
  }

  /** This line with {@code more} units returned. */
  public SoldLine withReturned(int more) {
    return new SoldLine(sku, saleTotal, quantity, paid, returned + more, shares);
  }

  /**
   * Units {@code from} to {@code to} of {@code total} split over the line's units: equal shares
   * in minor units, the extra ones on the last units.
   */
  private Money units(Money total, int from, int to) {
    return UnitSplit.units(total, quantity, from, to, "soldLine.units",
        "sold (" + sku + ")");
  }
}
