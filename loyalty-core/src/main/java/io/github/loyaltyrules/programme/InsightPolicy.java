package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What the store learns about its members as a whole (DOMAIN.md §1 "Choosing your own
 * thresholds", §5, §6, §7): the figures of the purchase types and layers, the contribution
 * pyramid, customer value, the threshold advisor, the daily watch lists, the monthly review and
 * service priority. The programme file's {@code insight}; the whole section and every field in
 * it may be left out, and then the defaults below apply. None of these figures changes what a
 * transaction costs or earns: they sort and report members, and the advisor only suggests.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param buyers purchase types and layers, used by the default rule pack
 * @param pyramid the contribution pyramid's shares of members
 * @param value the assumptions of customer value and lifetime value
 * @param advisor the threshold advisor's growth range and crowding warning
 * @param watch the daily watch lists
 * @param review the monthly VIP review
 * @param service service priority for call centres and service desks
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record InsightPolicy(BuyerThresholds buyers, Pyramid pyramid, Value value,
    Advisor advisor, Watch watch, Review review, Service service) {

  /** Every default. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final InsightPolicy DEFAULT =
      new InsightPolicy(null, null, null, null, null, null, null);

  public InsightPolicy {
    buyers = buyers == null ? BuyerThresholds.DEFAULT : buyers;
    pyramid = pyramid == null ? Pyramid.DEFAULT : pyramid;
    value = value == null ? Value.DEFAULT : value;
    advisor = advisor == null ? Advisor.DEFAULT : advisor;
    watch = watch == null ? Watch.DEFAULT : watch;
    review = review == null ? Review.DEFAULT : review;
    service = service == null ? Service.DEFAULT : service;
  }

  /**
   * This policy with its amounts in {@code currency}'s scale; fails naming the field when an
   * amount has more decimals than the currency allows, or when {@code service.vipFromTier} is not
   * one of {@code tiers}. The programme calls it when built.
   */
  public InsightPolicy checkedFor(Currency currency, List<Tier> tiers) {
    if (service.vipFromTier() != null
        && tiers.stream().noneMatch(t -> t.code().equals(service.vipFromTier()))) {
      throw new InvalidValueException("programme.insight.service.vipFromTier",
          service.vipFromTier(), "is not a tier of the programme; known tiers: "
              + tiers.stream().map(Tier::code).toList());
    }
    BuyerThresholds b = buyers;
    BuyerThresholds scaled = new BuyerThresholds(b.afterPurchases(), b.newArrivalTag(),
        b.newArrivalShare(), b.promotionShare(), b.bulkItemsPerPurchase(), b.frequentGapDays(),
        b.singleItemShare(), scale("highUnitPrice", b.highUnitPrice(), currency),
        b.casualTag(), b.casualShare(), b.trackedTags(), b.midItemsPerVisit(),
        scale("midBasketValue", b.midBasketValue(), currency), b.heavyItemsPerVisit(),
        scale("heavyBasketValue", b.heavyBasketValue(), currency));
    return new InsightPolicy(scaled, pyramid, value, advisor, watch, review, service);
  }

  private static BigDecimal scale(String field, BigDecimal amount, Currency currency) {
    try {
      return Money.of(amount, currency).amount();
    } catch (InvalidValueException e) {
      throw new InvalidValueException("programme.insight.buyers." + field,
          amount.toPlainString(), "has more than " + currency.getDefaultFractionDigits()
              + " decimal places, which " + currency.getCurrencyCode() + " does not allow");
    }
  }

  /**
   * The contribution pyramid (DOMAIN.md §5): members who bought, ranked by what they spent, cut
   * into platinum, gold, iron and lead. The defaults follow the handbooks' two figures: the top
   * card, a tenth of the members, brings about half of the spend (platinum, 10 %), and a fifth of
   * the customers bring four fifths of sales (platinum and gold together, 20 %); iron, the next
   * 30 %, is the library's choice, and lead is the rest (50 %).
   *
   * <p>A level's size is its share of the ranked members, rounded half up to whole members; the
   * levels are filled from the top.
   *
   * @param platinum share of members in the top level; 0.10
   * @param gold share of members in the second level; 0.10
   * @param iron share of members in the third level; 0.30
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Pyramid(BigDecimal platinum, BigDecimal gold, BigDecimal iron) {
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public static final Pyramid DEFAULT = new Pyramid(null, null, null);

    public Pyramid {
      platinum = share("insight.pyramid.platinum", platinum, "0.10");
      gold = share("insight.pyramid.gold", gold, "0.10");
      iron = share("insight.pyramid.iron", iron, "0.30");
      BigDecimal sum = platinum.add(gold).add(iron);
      if (sum.compareTo(BigDecimal.ONE) > 0) {
        throw new InvalidValueException("insight.pyramid.iron", iron.toPlainString(),
            "makes platinum, gold and iron " + sum.toPlainString()
                + " of the members together; they may take at most 1 (lead is the rest)");
      }
    }

    /** The share of members in the lead level: what platinum, gold and iron leave. */
    public BigDecimal lead() {
      return BigDecimal.ONE.subtract(platinum).subtract(gold).subtract(iron);
    }
  }

  /**
   * Customer value and lifetime value (DOMAIN.md §5 ("What a customer is worth")): customer value
   * = average ticket × purchases a year × expected purchase lifetime × word of mouth; lifetime
   * value = yearly profit (yearly spend × gross margin) × expected lifetime.
   *
   * @param expectedLifetimeYears how many years a member keeps buying; 3.33, that is 1 ÷ the
   *     handbooks' yearly churn of about 30 % (rounded to two decimals)
   * @param wordOfMouthFactor what the member's word brings on top of their own spend; 1.25, the
   *     handbooks' "100 satisfied customers bring 25 more"
   * @param grossMargin the share of spend that is profit; 0.40, the library's choice (the
   *     handbooks give no margin)
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Value(BigDecimal expectedLifetimeYears, BigDecimal wordOfMouthFactor,
      BigDecimal grossMargin) {
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public static final Value DEFAULT = new Value(null, null, null);

    public Value {
      expectedLifetimeYears = positive("insight.value.expectedLifetimeYears",
          expectedLifetimeYears, "3.33");
      wordOfMouthFactor = wordOfMouthFactor == null ? new BigDecimal("1.25") : wordOfMouthFactor;
      if (wordOfMouthFactor.compareTo(BigDecimal.ONE) < 0) {
        throw new InvalidValueException("insight.value.wordOfMouthFactor",
            wordOfMouthFactor.toPlainString(),
            "must be at least 1 (1 means word of mouth adds nothing; 1.25 adds a quarter)");
      }
      grossMargin = share("insight.value.grossMargin", grossMargin, "0.40");
    }
  }

  /**
   * The threshold advisor (DOMAIN.md §1 ("Choosing your own thresholds")): a suggestion is a
   * figure plus growth from {@code growthLow} to {@code growthHigh}; a tier holding more than
   * {@code crowdedShare} of the members is flagged, since a card everybody holds carries no
   * prestige.
   *
   * @param growthLow the low end of the growth added; 0.15 (the handbooks' 15 %)
   * @param growthHigh the high end; 0.30 (the handbooks' 30 %)
   * @param crowdedShare the share of members above which a tier is crowded; 0.50 ("most
   *     members")
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Advisor(BigDecimal growthLow, BigDecimal growthHigh, BigDecimal crowdedShare) {
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public static final Advisor DEFAULT = new Advisor(null, null, null);

    public Advisor {
      growthLow = share("insight.advisor.growthLow", growthLow, "0.15");
      growthHigh = share("insight.advisor.growthHigh", growthHigh, "0.30");
      if (growthHigh.compareTo(growthLow) < 0) {
        throw new InvalidValueException("insight.advisor.growthHigh", growthHigh.toPlainString(),
            "must be at least growthLow " + growthLow.toPlainString());
      }
      crowdedShare = share("insight.advisor.crowdedShare", crowdedShare, "0.50");
    }
  }

  /**
   * The store's daily watch lists (DOMAIN.md §1, §4).
   *
   * @param driftFactor a member with at least 3 purchases is drifting when the days since their
   *     last purchase are more than this many times their usual gap; 2, as the churn alert
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Watch(BigDecimal driftFactor) {
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public static final Watch DEFAULT = new Watch(null);

    public Watch {
      driftFactor = positive("insight.watch.driftFactor", driftFactor, "2");
    }
  }

  /**
   * The monthly VIP review (DOMAIN.md §6).
   *
   * @param deadCardDays a card with no purchase for at least this many days at the month's end is
   *     dead; 180, the library's choice (twice the 90 days of "we miss you")
   * @param topShare the share of the buying members whose part of the spend is reported ("the top
   *     10 %"); 0.10
   * @param ageBands the ages at which a new age band starts, ascending; 25, 35, 45, 55 (bands
   *     under 25, 25–34, 35–44, 45–54, 55 and over, and unknown)
   * @param attributes profile attributes counted by value, so their changes show month to month
   *     (e.g. {@code size}, {@code style}); none. Counts only, never a member's value
   * @param trendMonths how many months the trend lines keep, this one included; 12
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Review(Integer deadCardDays, BigDecimal topShare, List<Integer> ageBands,
      List<String> attributes, Integer trendMonths) {
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public static final Review DEFAULT = new Review(null, null, null, null, null);

    public Review {
      deadCardDays = deadCardDays == null ? 180 : deadCardDays;
      if (deadCardDays < 1) {
        throw new InvalidValueException("insight.review.deadCardDays", deadCardDays,
            "must be at least 1 day");
      }
      topShare = share("insight.review.topShare", topShare, "0.10");
      if (topShare.signum() == 0) {
        throw new InvalidValueException("insight.review.topShare", topShare.toPlainString(),
            "must be above 0 (0.10 means the top 10 %)");
      }
      ageBands = ageBands == null ? List.of(25, 35, 45, 55)
          : Check.list("insight.review.ageBands", ageBands);
      for (int i = 0; i < ageBands.size(); i++) {
        int age = ageBands.get(i);
        if (age < 1 || age > 120 || (i > 0 && age <= ageBands.get(i - 1))) {
          throw new InvalidValueException("insight.review.ageBands[" + i + "]", age,
              "must be an age from 1 to 120, above the one before it");
        }
      }
      attributes = Check.list("insight.review.attributes", attributes);
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < attributes.size(); i++) {
        String a = Check.notBlank("insight.review.attributes[" + i + "]", attributes.get(i));
        if (seen.contains(a)) {
          throw new InvalidValueException("insight.review.attributes[" + i + "]", a,
              "is listed twice");
        }
        seen.add(a);
      }
      trendMonths = trendMonths == null ? 12 : trendMonths;
      if (trendMonths < 2 || trendMonths > 36) {
        throw new InvalidValueException("insight.review.trendMonths", trendMonths,
            "must be from 2 to 36");
      }
    }
  }

  /**
   * Service priority (DOMAIN.md §7).
   *
   * @param vipFromTier the lowest tier whose holders are VIPs, routed to the VIP queue; the tier
   *     above the base tier when absent (in the seeds' ladder, the ordinary card)
   * @param callBackPriority the priority of a call-back follow-up when the contact caps bind; 9,
   *     as high as a birthday greeting: the member asked for it
   * @param callBackMinutes the length of the call-back's window from the agreed time; 30
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Service(@Nullable String vipFromTier, Integer callBackPriority, Integer callBackMinutes) {
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public static final Service DEFAULT = new Service(null, null, null);

    public Service {
      if (vipFromTier != null) {
        Check.notBlank("insight.service.vipFromTier", vipFromTier);
      }
      callBackPriority = callBackPriority == null ? 9 : callBackPriority;
      if (callBackPriority < 0) {
        throw new InvalidValueException("insight.service.callBackPriority", callBackPriority,
            "must not be negative");
      }
      callBackMinutes = callBackMinutes == null ? 30 : callBackMinutes;
      if (callBackMinutes < 5 || callBackMinutes > 240) {
        throw new InvalidValueException("insight.service.callBackMinutes", callBackMinutes,
            "must be from 5 to 240 minutes");
      }
    }
  }

  private static BigDecimal share(String field, BigDecimal value, String fallback) {
    if (value == null) {
      return new BigDecimal(fallback);
    }
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException(field, value.toPlainString(),
          "must be from 0 to 1 (0.10 means 10 %)");
    }
    return value;
  }

  private static BigDecimal positive(String field, BigDecimal value, String fallback) {
    if (value == null) {
      return new BigDecimal(fallback);
    }
    if (value.signum() <= 0) {
      throw new InvalidValueException(field, value.toPlainString(), "must be above 0");
    }
    return value;
  }
}
