package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The figures behind the default purchase-type and layer rules (DOMAIN.md §5 ("Segments")): what
 * makes a member a new-arrival, promotion, bulk, frequent, single-item, high-price or
 * casual-style buyer, and where the casual, mid and heavy layers (C, B, A) start. The programme
 * file's {@code insight.buyers}; every field may be left out.
 *
 * <p>The handbooks say only that a member can be typed after three purchases, and name the
 * types and the layers; every other figure here is the library's choice (DOMAIN.md, "Where the
 * defaults go beyond the handbooks"). Shares are compared with the member's figures truncated to
 * four decimals and averages truncated to two, so a figure never rounds up into a threshold;
 * that is why a share may have at most four decimals and a count per purchase at most two.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param afterPurchases members are typed and layered from this purchase on; 3
 * @param newArrivalTag the line tag of new arrivals; {@code NEW_ARRIVAL}
 * @param newArrivalShare a new-arrival buyer bought at least this share of their units with
 *     {@code newArrivalTag}; 0.50
 * @param promotionShare a promotion buyer bought at least this share of their units marked down
 *     or on promotion; 0.50
 * @param bulkItemsPerPurchase a bulk buyer buys at least this many units per purchase on
 *     average; 4
 * @param frequentGapDays a frequent buyer's average gap between purchases is at most this many
 *     days; 30
 * @param singleItemShare a single-item buyer made at least this share of their purchases with
 *     one unit; 0.50
 * @param highUnitPrice a high-price buyer paid at least this much per unit on average, in the
 *     programme's currency; 1000.00
 * @param casualTag the line tag of casual-style goods; {@code CASUAL}
 * @param casualShare a casual-style buyer bought at least this share of their units with
 *     {@code casualTag}; 0.50
 * @param trackedTags further line tags whose units the member state counts, for the retailer's
 *     own types (a rule reads {@code Buyer.tagShare("BUSINESS")}); none
 * @param midItemsPerVisit a member with at least this many units per purchase on average is at
 *     least a mid buyer (B); 2
 * @param midBasketValue a member who spends at least this much per purchase on average is at
 *     least a mid buyer (B); 500.00
 * @param heavyItemsPerVisit a heavy buyer (A) reaches this many units per purchase and
 *     {@code heavyBasketValue}; 3
 * @param heavyBasketValue a heavy buyer (A) reaches this spend per purchase and
 *     {@code heavyItemsPerVisit}; 1500.00
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record BuyerThresholds(Integer afterPurchases, String newArrivalTag,
    BigDecimal newArrivalShare, BigDecimal promotionShare, BigDecimal bulkItemsPerPurchase,
    Integer frequentGapDays, BigDecimal singleItemShare, BigDecimal highUnitPrice,
    String casualTag, BigDecimal casualShare, List<String> trackedTags,
    BigDecimal midItemsPerVisit, BigDecimal midBasketValue, BigDecimal heavyItemsPerVisit,
    BigDecimal heavyBasketValue) {

  /** The defaults listed above. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final BuyerThresholds DEFAULT = new BuyerThresholds(null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null);

  private static final String AT = "insight.buyers.";

  public BuyerThresholds {
    afterPurchases = afterPurchases == null ? 3 : afterPurchases;
    if (afterPurchases < 1) {
      throw new InvalidValueException(AT + "afterPurchases", afterPurchases,
          "must be at least 1 (the handbooks type a member after 3 purchases)");
    }
    newArrivalTag = tag("newArrivalTag", newArrivalTag, "NEW_ARRIVAL");
    newArrivalShare = share("newArrivalShare", newArrivalShare, "0.50");
    promotionShare = share("promotionShare", promotionShare, "0.50");
    bulkItemsPerPurchase = perPurchase("bulkItemsPerPurchase", bulkItemsPerPurchase, "4");
    frequentGapDays = frequentGapDays == null ? 30 : frequentGapDays;
    if (frequentGapDays < 1) {
      throw new InvalidValueException(AT + "frequentGapDays", frequentGapDays,
          "must be at least 1 day");
    }
    singleItemShare = share("singleItemShare", singleItemShare, "0.50");
    highUnitPrice = amount("highUnitPrice", highUnitPrice, "1000.00");
    casualTag = tag("casualTag", casualTag, "CASUAL");
    casualShare = share("casualShare", casualShare, "0.50");
    List<String> tags = Check.list(AT + "trackedTags", trackedTags);
    for (int i = 0; i < tags.size(); i++) {
      Check.notBlank(AT + "trackedTags[" + i + "]", tags.get(i));
    }
    trackedTags = List.copyOf(new LinkedHashSet<>(tags));
    midItemsPerVisit = perPurchase("midItemsPerVisit", midItemsPerVisit, "2");
    midBasketValue = amount("midBasketValue", midBasketValue, "500.00");
    heavyItemsPerVisit = perPurchase("heavyItemsPerVisit", heavyItemsPerVisit, "3");
    heavyBasketValue = amount("heavyBasketValue", heavyBasketValue, "1500.00");
    if (heavyItemsPerVisit.compareTo(midItemsPerVisit) < 0) {
      throw new InvalidValueException(AT + "heavyItemsPerVisit",
          heavyItemsPerVisit.toPlainString(), "must be at least midItemsPerVisit "
              + midItemsPerVisit.toPlainString() + " (a heavy buyer is at least a mid buyer)");
    }
    if (heavyBasketValue.compareTo(midBasketValue) < 0) {
      throw new InvalidValueException(AT + "heavyBasketValue", heavyBasketValue.toPlainString(),
          "must be at least midBasketValue " + midBasketValue.toPlainString()
              + " (a heavy buyer is at least a mid buyer)");
    }
  }

  /**
   * Every tag whose units the member state counts: {@code newArrivalTag}, {@code casualTag} and
   * the {@code trackedTags}, in that order, each once.
   */
  public Set<String> countedTags() {
    Set<String> all = new LinkedHashSet<>();
    all.add(newArrivalTag);
    all.add(casualTag);
    all.addAll(trackedTags);
    return java.util.Collections.unmodifiableSet(all);
  }

  private static String tag(String field, String value, String fallback) {
    if (value == null) {
      return fallback;
    }
    return Check.notBlank(AT + field, value);
  }

  private static BigDecimal share(String field, BigDecimal value, String fallback) {
    if (value == null) {
      return new BigDecimal(fallback);
    }
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException(AT + field, value.toPlainString(),
          "must be from 0 to 1 (0.50 means half)");
    }
    if (value.stripTrailingZeros().scale() > 4) {
      throw new InvalidValueException(AT + field, value.toPlainString(),
          "may have at most 4 decimals (shares are compared to 4 decimals)");
    }
    return value;
  }

  private static BigDecimal perPurchase(String field, BigDecimal value, String fallback) {
    if (value == null) {
      return new BigDecimal(fallback);
    }
    if (value.signum() <= 0) {
      throw new InvalidValueException(AT + field, value.toPlainString(), "must be above 0");
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new InvalidValueException(AT + field, value.toPlainString(),
          "may have at most 2 decimals (units per purchase are compared to 2 decimals)");
    }
    return value;
  }

  private static BigDecimal amount(String field, BigDecimal value, String fallback) {
    if (value == null) {
      return new BigDecimal(fallback);
    }
    if (value.signum() <= 0) {
      throw new InvalidValueException(AT + field, value.toPlainString(), "must be above 0");
    }
    return value;
  }
}
