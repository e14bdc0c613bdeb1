package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A line of a recent sale as it was priced, kept so that a return refunds exactly what was paid
 * for the units it brings back.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param sku the line's SKU
 * @param saleTotal the line at sale prices: what counts towards a basket promotion's threshold
 * @param units what each unit was paid, net of every discount and voucher; units are returned
 *     in this order
 * @param returned how many units have been returned so far
 * @param shares for each basket promotion ({@code basket-promotion:ID}) and voucher
 *     ({@code voucher:CODE}), its share of each unit
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record SoldLine(String sku, Money saleTotal, List<Money> units, int returned,
    Map<String, List<Money>> shares) {

  public SoldLine {
    Check.notBlank("soldLine.sku", sku);
    Check.notNull("soldLine.saleTotal", saleTotal);
    units = Check.list("soldLine.units", units);
    if (units.isEmpty()) {
      throw new InvalidValueException("soldLine.units", "[]", "needs one amount per unit sold");
    }
    if (returned < 0 || returned > units.size()) {
      throw new InvalidValueException("soldLine.returned", returned,
          "must be from 0 to the " + units.size() + " units sold (" + sku + ")");
    }
    shares = Check.map("soldLine.shares", shares);
    for (Map.Entry<String, List<Money>> e : shares.entrySet()) {
      if (e.getValue().size() != units.size()) {
        throw new InvalidValueException("soldLine.shares[" + e.getKey() + "]",
            e.getValue().size() + " shares", "needs one share per unit, " + units.size());
      }
    }
    Map<String, List<Money>> copy = new java.util.LinkedHashMap<>();
    shares.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    shares = java.util.Collections.unmodifiableMap(copy);
  }

  /** Units not yet returned. */
  public int kept() {
    return units.size() - returned;
  }

  /** This line with {@code more} units returned. */
  public SoldLine withReturned(int more) {
    return new SoldLine(sku, saleTotal, units, returned + more, shares);
  }
}
