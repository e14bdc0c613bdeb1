package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What kind of buyer a member is (DOMAIN.md §5 ("Segments")): the running figures of their
 * purchases that the purchase-type and layer rules read, and the types and layer those rules
 * gave at the member's last evaluation.
 *
 * <p>The engine counts every sale the member makes (priced: what was paid, after member rates
 * and promotions, vouchers not counted) and takes returns back (units, amount and tagged units,
 * never below zero; a return does not undo a purchase's count). Units are counted per tag only for
 * the tags the programme names ({@code insight.buyers}: new arrivals, casual style and the
 * retailer's tracked tags), so the record stays small. A state written before version 0.5 has
 * none of these figures: counting starts with its next purchase.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param purchases sales counted
 * @param units units bought, net of returns
 * @param spend what the sales paid, net of refunds; null before the first sale counted
 * @param singleItemPurchases sales of a single unit
 * @param promotionUnits units bought marked down or on promotion, net of returns
 * @param tagUnits units bought with each counted tag, net of returns; a tag with none is absent
 * @param types the member's purchase types, sorted; empty until classified
 * @param layer the member's layer; null until classified
 * @param classifiedOn the business date the types or layer last changed; null if never
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record BuyerProfile(long purchases, long units, @Nullable Money spend,
    long singleItemPurchases,
    long promotionUnits, Map<String, Long> tagUnits, Set<String> types, @Nullable BuyerLayer layer,
    @Nullable LocalDate classifiedOn) {

  /** Nothing counted, not classified. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final BuyerProfile NONE =
      new BuyerProfile(0, 0, null, 0, 0, null, null, null, null);

  public BuyerProfile {
    notNegative("buyer.purchases", purchases);
    notNegative("buyer.units", units);
    if (spend != null && spend.isNegative()) {
      throw new InvalidValueException("buyer.spend", spend, "must not be negative");
    }
    notNegative("buyer.singleItemPurchases", singleItemPurchases);
    if (singleItemPurchases > purchases) {
      throw new InvalidValueException("buyer.singleItemPurchases", singleItemPurchases,
          "must not be more than the purchases, " + purchases);
    }
    notNegative("buyer.promotionUnits", promotionUnits);
    if (promotionUnits > units) {
      throw new InvalidValueException("buyer.promotionUnits", promotionUnits,
          "must not be more than the units, " + units);
    }
    // immutable and in tag order (Check.map sorts comparable keys); a map it made before is
    // taken as it is
    Map<String, Long> tags = Check.map("buyer.tagUnits", tagUnits);
    for (Map.Entry<String, Long> e : tags.entrySet()) {
      if (e.getValue() < 1 || e.getValue() > units) {
        throw new InvalidValueException("buyer.tagUnits[" + e.getKey() + "]", e.getValue(),
            "must be from 1 to the units, " + units + " (a tag with none is left out)");
      }
    }
    tagUnits = tags;
    TreeSet<String> sorted = new TreeSet<>();
    if (types != null) {
      for (String t : types) {
        sorted.add(Check.notBlank("buyer.types[]", t));
      }
    }
    types = Collections.unmodifiableSortedSet(sorted);
  }

  private static void notNegative(String field, long value) {
    if (value < 0) {
      throw new InvalidValueException(field, value, "must not be negative");
    }
  }

  /** Units bought with {@code tag}, net of returns; 0 when the tag is not counted. */
  public long unitsTagged(String tag) {
    return tagUnits.getOrDefault(tag, 0L);
  }

  /** Whether the member is of purchase type {@code type}. */
  public boolean is(String type) {
    return types.contains(type);
  }

  /**
   * The figures after a sale of {@code saleUnits} units paying {@code paid}, of which
   * {@code saleOnPromotion} units were marked down or on promotion and {@code saleTagged} units
   * carried each counted tag.
   */
  public BuyerProfile afterSale(int saleUnits, Money paid, long saleOnPromotion,
      Map<String, Long> saleTagged) {
    TreeMap<String, Long> tags = new TreeMap<>(tagUnits);
    saleTagged.forEach((tag, n) -> {
      if (n > 0) {
        tags.merge(tag, n, Long::sum);
      }
    });
    return new BuyerProfile(purchases + 1, units + saleUnits,
        spend == null ? paid : spend.plus(paid), singleItemPurchases + (saleUnits == 1 ? 1 : 0),
        promotionUnits + saleOnPromotion, tags, types, layer, classifiedOn);
  }

  /**
   * The figures after a return of {@code returnedUnits} units refunding {@code refunded}, of
   * which {@code returnedOnPromotion} were marked down and {@code returnedTagged} carried each
   * counted tag; never below zero.
   */
  public BuyerProfile afterReturn(int returnedUnits, Money refunded, long returnedOnPromotion,
      Map<String, Long> returnedTagged) {
    long left = Math.max(0, units - returnedUnits);
    TreeMap<String, Long> tags = new TreeMap<>();
    tagUnits.forEach((tag, n) -> {
      long kept = Math.min(left, n - returnedTagged.getOrDefault(tag, 0L));
      if (kept > 0) {
        tags.put(tag, kept);
      }
    });
    Money net = spend == null ? null : spend.minus(refunded);
    if (net != null && net.isNegative()) {
      net = Money.zero(net.currency());
    }
    return new BuyerProfile(purchases, left, net, singleItemPurchases,
        Math.min(left, Math.max(0, promotionUnits - returnedOnPromotion)), tags, types, layer,
        classifiedOn);
  }

  /** These figures classified as {@code newTypes} and {@code newLayer} on {@code date}. */
  public BuyerProfile classified(Set<String> newTypes, @Nullable BuyerLayer newLayer,
      LocalDate date) {
    return new BuyerProfile(purchases, units, spend, singleItemPurchases, promotionUnits,
        tagUnits, newTypes, newLayer, date);
  }
}
