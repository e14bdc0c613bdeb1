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
 * <p>Evolution: a line may gain components in a minor version, and its canonical constructor a
 * parameter with them. Build lines with {@link #builder(String)} (or {@link #fullPrice}) and
 * change them with {@link #toBuilder()}; code written that way keeps compiling.
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
    checkQuantity(quantity);
    price("line.listPrice", listPrice);
    price("line.unitPrice", unitPrice);
    if (!listPrice.currency().equals(unitPrice.currency())) {
      throw new InvalidValueException("line.unitPrice", unitPrice,
          "must be in the list price's currency " + listPrice.currency());
    }
    tags = tags == null ? Set.of() : Set.copyOf(tags);
  }

  private static int checkQuantity(int quantity) {
    if (quantity < 1) {
      throw new InvalidValueException("line.quantity", quantity,
          "must be at least 1 (returns list returned units as positive quantities)");
    }
    return quantity;
  }

  private static Money price(String field, Money price) {
    Check.notNull(field, price);
    if (price.isNegative()) {
      throw new InvalidValueException(field, price, "must not be negative");
    }
    return price;
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
   * Hosts should build lines this way rather than with the canonical constructor, which gains a
   * parameter whenever a line gains a component (see "Evolution" above).
   *
   * @throws InvalidValueException at once when {@code sku} is blank
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static Builder builder(String sku) {
    return new Builder(Check.notBlank("line.sku", sku));
  }

  /** A builder holding this line's components, to change some of them. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public Builder toBuilder() {
    Builder b = new Builder(sku);
    b.category = category;
    b.quantity = quantity;
    b.listPrice = listPrice;
    b.unitPrice = unitPrice;
    b.tags = tags;
    return b;
  }

  /**
   * Builds a {@link Line}. Each setter checks its own value at once and fails with an
   * {@link InvalidValueException} naming the field and the value; {@link #build()} checks what
   * depends on several fields (both prices in one currency).
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
      this.quantity = checkQuantity(quantity);
      return this;
    }

    /** The original price of one unit. */
    public Builder listPrice(Money listPrice) {
      this.listPrice = price("line.listPrice", listPrice);
      return this;
    }

    /** The actual price of one unit before member discounts (the markdown price). */
    public Builder unitPrice(Money unitPrice) {
      this.unitPrice = price("line.unitPrice", unitPrice);
      return this;
    }

    /** Free tags, e.g. {@code NEW_ARRIVAL}. */
    public Builder tags(String... tags) {
      this.tags = Set.copyOf(Check.list("line.tags", java.util.Arrays.asList(tags)));
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
