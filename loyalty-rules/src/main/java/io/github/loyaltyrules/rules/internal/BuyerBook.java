package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.BuyerLayer;
import io.github.loyaltyrules.model.BuyerProfile;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.model.Transaction;
import io.github.loyaltyrules.model.TransactionKind;
import io.github.loyaltyrules.outcome.AdjustmentKind;
import io.github.loyaltyrules.outcome.BasketPriced;
import io.github.loyaltyrules.outcome.BuyerClassified;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.PriceAdjustment;
import io.github.loyaltyrules.outcome.PricedLine;
import io.github.loyaltyrules.programme.BuyerThresholds;
import io.github.loyaltyrules.rules.facts.Buyer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping of one evaluation's buyer profile (DOMAIN.md §5): counts the sale or return
 * into the member's running figures, builds the {@link Buyer} fact, and applies the
 * classification the settler decided, recording a {@link BuyerClassified} effect when the types
 * or the layer change.
 *
 * <p>Thread-safety: confined to the evaluation that owns it.
 */
final class BuyerBook {
  private final BuyerThresholds thresholds;
  private final Currency currency;
  private final String memberId;
  private final LocalDate today;
  private final List<Effect> effects;
  private Activity activity;
  private BuyerProfile profile;
  private boolean counted;
  private @Nullable Buyer fact;
  private @Nullable BuyerProfile factProfile;
  private @Nullable Activity factActivity;

  /** The counted tags of the thresholds last asked for: they depend on the programme only. */
  private static volatile CountedTags lastTags = new CountedTags(null, Set.of());

  private record CountedTags(@Nullable BuyerThresholds of, Set<String> tags) {}

  /** {@link BuyerThresholds#countedTags()}, computed once per programme, not per evaluation. */
  @SuppressWarnings("ReferenceEquality") // the same programme object, not an equal one
  private static Set<String> countedTags(BuyerThresholds thresholds) {
    CountedTags last = lastTags;
    if (last.of() != thresholds) {
      last = new CountedTags(thresholds, thresholds.countedTags());
      lastTags = last;
    }
    return last.tags();
  }

  BuyerBook(BuyerThresholds thresholds, Currency currency, String memberId,
      BuyerProfile profile, Activity activity, LocalDate today, List<Effect> effects) {
    this.thresholds = thresholds;
    this.currency = currency;
    this.memberId = memberId;
    this.profile = profile;
    this.activity = activity;
    this.today = today;
    this.effects = effects;
  }

  /** The buyer profile as it stands. */
  BuyerProfile profile() {
    return profile;
  }

  /**
   * Counts a sale (what it paid, after pricing) or a return (what it refunded) into the figures;
   * any other transaction, or a second call, changes nothing.
   */
  void count(Transaction t, @Nullable BasketPriced priced, @Nullable Money amount) {
    if (counted || t == null
        || (t.kind() != TransactionKind.SALE && t.kind() != TransactionKind.RETURN)) {
      return;
    }
    counted = true;
    Objects.requireNonNull(amount, "a sale's or return's amount");
    Money paid = amount.isNegative() ? amount.negate() : amount;
    List<Line> lines = t.lines();
    long onPromotion = 0;
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      boolean promoted = l.unitPrice().compareTo(l.listPrice()) < 0;
      if (!promoted && priced != null && t.kind() == TransactionKind.SALE) {
        PricedLine p = priced.lines().get(i);
        for (PriceAdjustment a : p.adjustments()) {
          promoted |= a.kind() == AdjustmentKind.PROMOTION
              || a.kind() == AdjustmentKind.BASKET_PROMOTION;
        }
      }
      onPromotion += promoted ? l.quantity() : 0;
    }
    Map<String, Long> tagged = new LinkedHashMap<>();
    for (String tag : countedTags(thresholds)) {
      long n = 0;
      for (Line l : lines) {
        n += l.hasTag(tag) ? l.quantity() : 0;
      }
      tagged.put(tag, n);
    }
    if (t.kind() == TransactionKind.SALE) {
      profile = profile.afterSale(t.itemCount(), paid, onPromotion, tagged);
      activity = activity.purchasedOn(today);
    } else {
      profile = profile.afterReturn(t.itemCount(), paid, onPromotion, tagged);
    }
  }

  /** The figures as rules see them. */
  @SuppressWarnings("ReferenceEquality") // a figure replaced, whether or not equal
  Buyer fact() {
    // built again only when the figures changed: the pipeline asks after every phase
    Buyer built = fact;
    if (built == null || factProfile != profile || factActivity != activity) {
      built = buildFact();
      fact = built;
      factProfile = profile;
      factActivity = activity;
    }
    return built;
  }

  /**
   * The share of units of each counted tag, as the fact holds them (an immutable copy): made
   * again only when the profile's units or tag counts changed, not for every fact built.
   */
  @SuppressWarnings("ReferenceEquality") // the same map object, not an equal one
  private Map<String, BigDecimal> tagSharesOf(BuyerProfile b) {
    Map<String, BigDecimal> shares = factTagShares;
    if (shares == null || factTagUnitsOf != b.tagUnits() || factTagSharesUnits != b.units()) {
      Set<String> counted = countedTags(thresholds);
      if (counted.isEmpty()) {
        shares = Map.of();
      } else {
        Map<String, BigDecimal> sorted = new TreeMap<>();
        for (String tag : counted) {
          sorted.put(tag, share(b.unitsTagged(tag), b.units()));
        }
        shares = Map.copyOf(sorted);
      }
      factTagShares = shares;
      factTagUnitsOf = b.tagUnits();
      factTagSharesUnits = b.units();
    }
    return shares;
  }

  private @Nullable Map<String, BigDecimal> factTagShares;
  private @Nullable Map<String, Long> factTagUnitsOf;
  private long factTagSharesUnits;

  /** {@link #typesOf}'s last copy and the set it copied. */
  private Set<String> factTypes = Set.of();
  private @Nullable Set<String> factTypesOf;

  private Buyer buildFact() {
    BuyerProfile b = profile;
    int digits = currency.getDefaultFractionDigits();
    Money spend = b.spend() == null ? Money.zero(currency) : b.spend();
    BigDecimal total = spend.amount();
    Money ticket = b.purchases() == 0 ? Money.zero(currency) : Money.of(total.divide(
        BigDecimal.valueOf(b.purchases()), digits, RoundingMode.DOWN), currency);
    Money unitPrice = b.units() == 0 ? Money.zero(currency) : Money.of(total.divide(
        BigDecimal.valueOf(b.units()), digits, RoundingMode.DOWN), currency);
    Map<String, BigDecimal> tagShares = tagSharesOf(b);
    long gap = activity.purchases() < 2 || activity.firstPurchase() == null
        || activity.lastPurchase() == null ? -1
        : (activity.lastPurchase().toEpochDay() - activity.firstPurchase().toEpochDay())
            / (activity.purchases() - 1);
    return new Buyer(memberId, b.purchases(), b.units(), spend, ticket,
        perPurchase(b.units(), b.purchases()), unitPrice, share(b.promotionUnits(), b.units()),
        share(b.singleItemPurchases(), b.purchases()), tagShares, gap,
        b.purchases() >= thresholds.afterPurchases(), typesOf(b), b.layer());
  }

  /**
   * The profile's types as the fact holds them ({@code Set.copyOf}), copied once per set of
   * types rather than once per fact built.
   */
  @SuppressWarnings("ReferenceEquality") // the same set object, not an equal one
  private Set<String> typesOf(BuyerProfile b) {
    Set<String> types = b.types();
    if (factTypesOf != types) {
      // a new profile copies its types: an equal set keeps the copy made before
      if (factTypesOf == null || !factTypesOf.equals(types)) {
        factTypes = Set.copyOf(types);
      }
      factTypesOf = types;
    }
    return factTypes;
  }

  /** Zero at the scale of a share (4) and of a count per purchase (2): immutable, shared. */
  private static final BigDecimal ZERO_SHARE = BigDecimal.ZERO.setScale(4);
  private static final BigDecimal ZERO_PER_PURCHASE = BigDecimal.ZERO.setScale(2);

  private static BigDecimal share(long part, long whole) {
    return whole == 0 ? ZERO_SHARE : BigDecimal.valueOf(part)
        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.DOWN);
  }

  private static BigDecimal perPurchase(long units, long purchases) {
    return purchases == 0 ? ZERO_PER_PURCHASE : BigDecimal.valueOf(units)
        .divide(BigDecimal.valueOf(purchases), 2, RoundingMode.DOWN);
  }

  /**
   * Applies the classification: {@code types} (each with the rule and reason that decided it)
   * and {@code layer} (null for none) replace what the member held; a change is recorded with
   * {@code rule} as a {@link BuyerClassified} effect.
   */
  void classify(String rule, Map<String, String[]> types, @Nullable BuyerLayer layer,
      @Nullable String layerRule,
      @Nullable String layerReason) {
    Set<String> before = profile.types();
    Set<String> now = new TreeSet<>(types.keySet());
    if (now.equals(before) && layer == profile.layer()) {
      return;
    }
    Set<String> added = new TreeSet<>(now);
    added.removeAll(before);
    Set<String> removed = new TreeSet<>(before);
    removed.removeAll(now);
    Map<String, String> decidedBy = new TreeMap<>();
    StringBuilder why = new StringBuilder();
    for (String type : added) {
      String[] by = Objects.requireNonNull(types.get(type));
      decidedBy.put(type, by[0]);
      why.append(why.length() == 0 ? "" : "; ").append(type).append(": ").append(by[1])
          .append(" (rule '").append(by[0]).append("')");
    }
    for (String type : now) {
      decidedBy.putIfAbsent(type, Objects.requireNonNull(types.get(type))[0]);
    }
    if (!removed.isEmpty()) {
      why.append(why.length() == 0 ? "" : "; ").append("no longer ")
          .append(String.join(", ", removed));
    }
    if (layer != profile.layer()) {
      why.append(why.length() == 0 ? "" : "; ");
      if (layer == null) {
        why.append("no layer (was ").append(profile.layer()).append(')');
      } else {
        why.append("layer ").append(layer).append(" (").append(layer.letter()).append(": ")
            .append(advice(layer)).append("): ").append(layerReason).append(" (rule '")
            .append(layerRule).append("')");
        if (profile.layer() != null) {
          why.append(", was ").append(profile.layer());
        }
      }
    }
    if (layer != null) {
      decidedBy.put("layer", layerRule);
    }
    effects.add(new BuyerClassified(rule, why.toString(), now, added, removed, layer,
        profile.layer(), layer == null ? null : layer.advice(), decidedBy));
    profile = profile.classified(now, layer, today);
  }

  private static String advice(BuyerLayer layer) {
    return switch (layer.advice()) {
      case RAISE_ITEMS_PER_VISIT -> "raise the items per visit";
      case RAISE_BASKET_VALUE -> "raise the basket value";
      case RAISE_BOTH -> "raise both the items per visit and the basket value";
    };
  }
}
