package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * One line of a sale or a return: a SKU, its category, how many units, the list (original) price
 * and the actual unit price (the sale price after any markdown), and free tags such as
 * {@code NEW_ARRIVAL}.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param sku the stock-keeping unit
 * @param category the merchandise category, e.g. {@code KNITWEAR}
 * @param quantity units, at least 1 (a return lists the units returned, as a positive number)
 * @param listPrice the original price of one unit
 * @param unitPrice the actual price of one unit before member discounts (the markdown price)
 * @param tags free tags, e.g. {@code NEW_ARRIVAL}, {@code GIFT_CARD}
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Line(String sku, String category, int quantity, Money listPrice, Money unitPrice,
    Set<String> tags) {

  public Line {
    Check.notBlank("line.sku", sku);
    if (quantity < 1) {
      throw new InvalidValueException("line.quantity", quantity,
          "must be at least 1 (returns list returned units as positive quantities)");
    }
    Check.notNull("line.listPrice", listPrice);
    Check.notNull("line.unitPrice", unitPrice);
    if (listPrice.isNegative()) {
      throw new InvalidValueException("line.listPrice", listPrice, "must not be negative");
    }
    if (unitPrice.isNegative()) {
      throw new InvalidValueException("line.unitPrice", unitPrice, "must not be negative");
    }
    if (!listPrice.currency().equals(unitPrice.currency())) {
      throw new InvalidValueException("line.unitPrice", unitPrice,
          "must be in the list price's currency " + listPrice.currency());
    }
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  /** A line without tags. */
  public static Line of(String sku, String category, int quantity, Money listPrice,
      Money unitPrice) {
    return new Line(sku, category, quantity, listPrice, unitPrice, Set.of());
  }

  /** Quantity times the actual unit price; exact. */
  public Money amount() {
    return unitPrice.times(quantity);
  }

  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }
}
