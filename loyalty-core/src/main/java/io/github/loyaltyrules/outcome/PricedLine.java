package io.github.loyaltyrules.outcome;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.internal.UnitSplit;
import io.github.loyaltyrules.model.Money;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * One line of a priced basket, as a cashier reads it: list and sale price, every adjustment in
 * phase order, the total, and what each unit costs (so a return of some units refunds exactly
 * what was paid for them).
 *
 * <p>What each unit costs is kept as the pricing's rule, not one amount per unit: the total is
 * split over the units in equal shares in the currency's minor unit (fen), and the fen left over
 * go one each to the last units. Unit {@code u} (from 0) costs {@code unitAmount}, plus one fen
 * when {@code u >= quantity - unitsWithExtraMinorUnit}; {@link #unit(int)} and
 * {@link #units(int, int)} compute it. A line of 100,000 units takes no more room than a line of
 * one.
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
 * @param unitAmount what each unit costs at least: {@code total} over the units, rounded down to
 *     the minor unit; null to have it computed from {@code total} and {@code quantity}
 * @param unitsWithExtraMinorUnit how many units, the last ones, cost one minor unit more than
 *     {@code unitAmount} ({@code total} minus {@code quantity} times {@code unitAmount}, in minor
 *     units); computed with {@code unitAmount} when that is null
 * @param notApplied rules considered but not applied, with the reason; empty unless a full
 *     explanation was asked for
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record PricedLine(int index, String sku, int quantity, Money listPrice, Money salePrice,
    Money saleTotal, List<PriceAdjustment> adjustments, Money total,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") Money unitAmount,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") int unitsWithExtraMinorUnit,
    List<NotApplied> notApplied) {

  public PricedLine {
    Check.notBlank("pricedLine.sku", sku);
    Check.notNull("pricedLine.total", total);
    if (quantity < 1) {
      throw new InvalidValueException("pricedLine.quantity", quantity,
          "must be at least 1 (" + sku + ")");
    }
    adjustments = Check.list("pricedLine.adjustments", adjustments);
    notApplied = Check.list("pricedLine.notApplied", notApplied);
    // the total's minor units read once for both figures
    long minor = quantity == 1 ? 0 : UnitSplit.minorUnits(total);
    Money each = quantity == 1 ? total : UnitSplit.each(total, quantity, minor);
    int extra = quantity == 1 ? 0 : UnitSplit.withExtra(quantity, minor);
    if (unitAmount == null) {
      unitAmount = each;
      unitsWithExtraMinorUnit = extra;
    } else if (!unitAmount.equals(each) || unitsWithExtraMinorUnit != extra) {
      throw new InvalidValueException("pricedLine.unitAmount", unitAmount + " with "
          + unitsWithExtraMinorUnit + " units one minor unit more", "must split the total "
          + total + " over the " + quantity + " units: " + each + " each, the last " + extra
          + " one minor unit more (" + sku + ")");
    }
  }

  /** A line whose units' amounts are computed from {@code total} and {@code quantity}. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  @SuppressWarnings("NullAway") // a null unitAmount asks the record to compute it
  public PricedLine(int index, String sku, int quantity, Money listPrice, Money salePrice,
      Money saleTotal, List<PriceAdjustment> adjustments, Money total,
      List<NotApplied> notApplied) {
    this(index, sku, quantity, listPrice, salePrice, saleTotal, adjustments, total, null, 0,
        notApplied);
  }

  /** What unit {@code u} (from 0) costs. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public Money unit(int u) {
    return units(u, u + 1);
  }

  /** What units {@code from} (included) to {@code to} (excluded) cost, together. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public Money units(int from, int to) {
    return UnitSplit.units(total, quantity, from, to, "pricedLine.units",
        "of line " + index + " (" + sku + ")");
  }

  /**
   * What each unit costs, one amount per unit in unit order, as release 0.1 gave it.
   *
   * @deprecated since 0.2: a line of many units makes a list as long as the line; read
   *     {@link #unit(int)}, {@link #units(int, int)} or {@link #unitAmount()} and
   *     {@link #unitsWithExtraMinorUnit()}. Kept for one minor release (CHANGELOG.md).
   */
  @Deprecated(since = "0.2", forRemoval = true)
  @API(status = API.Status.DEPRECATED, since = "0.6")
  public List<Money> units() {
    List<Money> each = new java.util.ArrayList<>(quantity);
    for (int u = 0; u < quantity; u++) {
      each.add(unit(u));
    }
    return List.copyOf(each);
  }

  /** What the line's discounts took off in total: sale total minus total. */
  public Money discount() {
    return saleTotal.minus(total);
  }
}
