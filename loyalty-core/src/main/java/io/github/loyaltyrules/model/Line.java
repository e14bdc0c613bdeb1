package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

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
public record Line(String sku, @Nullable String category, int quantity, Money listPrice, Money unitPrice,
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

  /**
   * A line without tags. The two prices are easy to swap here; {@link #builder(String)} names
   * them, and {@link #fullPrice} takes one price for a line that is not marked down.
   */
  public static Line of(String sku, String category, int quantity, Money listPrice,
      Money unitPrice) {
    return new Line(sku, category, quantity, listPrice, unitPrice, Set.of());
  }

  /** A line sold at its list price (not marked down): {@code price} is both prices. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static Line fullPrice(String sku, String category, int quantity, Money price) {
    return new Line(sku, category, quantity, price, price, Set.of());
  }

  /**
   * A builder that names each price:
   * {@code Line.builder("TOP-1").category("TOPS").quantity(2).listPrice(list).unitPrice(sale)
   * .build()}. The quantity is 1 unless set; the unit price is the list price unless set.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static Builder builder(String sku) {
    return new Builder(sku);
  }

  /**
   * Builds a {@link Line}; {@link #build()} checks it as the constructor does.
   *
   * <p>Thread-safety: not thread-safe; the line it builds is immutable.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static final class Builder {
    private final String sku;
    private @Nullable String category;
    private int quantity = 1;
    private @Nullable Money listPrice;
    private @Nullable Money unitPrice;
    private Set<String> tags = Set.of();

    private Builder(String sku) {
      this.sku = sku;
    }

    /** The merchandise category, e.g. {@code KNITWEAR}. */
    public Builder category(String category) {
      this.category = category;
      return this;
    }

    /** Units on the line, at least 1. */
    public Builder quantity(int quantity) {
      this.quantity = quantity;
      return this;
    }

    /** The original price of one unit. */
    public Builder listPrice(Money listPrice) {
      this.listPrice = listPrice;
      return this;
    }

    /** The actual price of one unit before member discounts (the markdown price). */
    public Builder unitPrice(Money unitPrice) {
      this.unitPrice = unitPrice;
      return this;
    }

    /** Free tags, e.g. {@code NEW_ARRIVAL}. */
    public Builder tags(String... tags) {
      this.tags = Set.of(tags);
      return this;
    }

    /** The line; the unit price is the list price when it was not set. */
    public Line build() {
      Money list = Check.notNull("line.listPrice", listPrice);
      return new Line(sku, category, quantity, list, unitPrice == null ? list : unitPrice, tags);
    }
  }

  /** Quantity times the actual unit price; exact. */
  public Money amount() {
    return unitPrice.times(quantity);
  }

  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }
}
