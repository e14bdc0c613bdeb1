package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One line of a priced basket, as a cashier reads it: list and sale price, every adjustment in
 * phase order, the total, and what each unit costs (so a return of some units refunds exactly
 * what was paid for them).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param index the line's position in the transaction, from 0
 * @param sku the line's SKU
 * @param quantity units on the line
 * @param listPrice list price per unit
 * @param salePrice the actual unit price before member rates (the markdown)
 * @param saleTotal quantity times sale price
 * @param adjustments every change to the line total, in phase order
 * @param total what the line costs after every phase
 * @param units what each unit costs; they sum to {@code total}, and the units that carry an
 *     extra fen come last, so refunding units in order leaves the remainder to the last one
 * @param notApplied rules considered but not applied, with the reason; empty unless a full
 *     explanation was asked for
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record PricedLine(int index, String sku, int quantity, Money listPrice, Money salePrice,
    Money saleTotal, List<PriceAdjustment> adjustments, Money total, List<Money> units,
    List<NotApplied> notApplied) {

  public PricedLine {
    Check.notBlank("pricedLine.sku", sku);
    adjustments = Check.list("pricedLine.adjustments", adjustments);
    units = Check.list("pricedLine.units", units);
    notApplied = Check.list("pricedLine.notApplied", notApplied);
  }

  /** What the line's discounts took off in total: sale total minus total. */
  public Money discount() {
    return saleTotal.minus(total);
  }
}
