package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.followup.FollowUpPolicy;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A retailer's VIP programme as data: currency, time zone, rounding, the tier ladder, how tiers
 * are qualified for and how cards are issued. Rules read it; they never hard-code a figure.
 * Load one from JSON with {@link Programmes}.
 *
 * <p>Checked when built: tiers are listed lowest rank first with distinct codes and ranks, each
 * tier's qualifying spend is greater than the one below, and every amount fits the currency's
 * scale.
 *
 * <p>Evolution: a programme may gain components (sections) in a minor version, and its canonical
 * constructor a parameter with them. Load programmes from JSON, or build them in code with
 * {@link #builder(String, Currency, ZoneId)} and change them with {@link #toBuilder()}; code
 * written that way keeps compiling. The canonical constructor is for JSON mapping.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id a short identifier, e.g. {@code seeds-default}
 * @param name display name
 * @param currency every amount of the programme and its transactions is in this currency
 * @param timeZone business dates and windows are computed in this zone
 * @param roundingMode deprecated: prices nothing. The one setting that rounds prices is
 *     {@link PricingPolicy#roundingMode() pricing.roundingMode} (each line once at the end of a
 *     pricing phase); points round with {@link PointsPolicy#roundingMode() points.roundingMode}.
 *     Left out, it is pricing's; given, it must equal pricing's, else the programme is refused,
 *     so no file can hold two rounding settings that disagree
 * @param qualification the qualification window and near-tier flag
 * @param cards how cards are issued
 * @param tiers the ladder, lowest rank first; the first tier is held from the card's issue
 * @param points how points are earned, held, expired and converted; the seeds' practice when
 *     absent
 * @param pricing how a basket is priced: member rates on sale items, promotions, floors and caps;
 *     the seeds' practice when absent
 * @param followUps whom the store contacts, when and how often; the seeds' practice when absent
 * @param limits rule firings and time allowed per evaluation; 10,000 and 200 ms when absent
 * @param insight purchase types and layers, customer value, the watch lists, the monthly review,
 *     the threshold advisor and service priority; the defaults of {@link InsightPolicy} when
 *     absent
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Programme(
    String id,
    String name,
    Currency currency,
    ZoneId timeZone,
    RoundingMode roundingMode,
    Qualification qualification,
    CardPolicy cards,
    List<Tier> tiers,
    @API(status = API.Status.EXPERIMENTAL, since = "0.2") PointsPolicy points,
    @API(status = API.Status.EXPERIMENTAL, since = "0.3") PricingPolicy pricing,
    @API(status = API.Status.EXPERIMENTAL, since = "0.3") FollowUpPolicy followUps,
    @API(status = API.Status.EXPERIMENTAL, since = "0.4") EvaluationLimits limits,
    @API(status = API.Status.EXPERIMENTAL, since = "0.5") InsightPolicy insight) {

  public Programme {
    Check.notBlank("programme.id", id);
    name = name == null || name.isBlank() ? id : name;
    Check.notNull("programme.currency", currency);
    Check.notNull("programme.timeZone", timeZone);
    qualification = qualification == null ? Qualification.DEFAULT : qualification;
    cards = cards == null ? CardPolicy.FREE : cards;
    cards = new CardPolicy(inScale("programme.cards.fee", cards.fee(), currency),
        cards.freeWithItems(), cards.issueOnRecharge(), cards.numberPrefix());
    tiers = checkTiers(Check.list("programme.tiers", tiers), currency, qualification.byPoints());
    points = checkPoints(points == null ? PointsPolicy.DEFAULT : points, currency);
    pricing = checkPricing(pricing == null ? PricingPolicy.DEFAULT : pricing, currency);
    if (roundingMode == RoundingMode.UNNECESSARY) {
      throw new InvalidValueException("programme.roundingMode", roundingMode,
          "must be a mode that rounds, such as HALF_UP or HALF_EVEN");
    }
    if (roundingMode != null && roundingMode != pricing.roundingMode()) {
      throw new InvalidValueException("programme.roundingMode", roundingMode,
          "differs from pricing.roundingMode " + pricing.roundingMode() + ", the one setting"
              + " that rounds prices; the top-level roundingMode is deprecated and prices"
              + " nothing: leave it out and set pricing.roundingMode");
    }
    roundingMode = pricing.roundingMode();
    followUps = followUps == null ? FollowUpPolicy.DEFAULT : followUps;
    limits = limits == null ? EvaluationLimits.DEFAULT : limits;
    insight = (insight == null ? InsightPolicy.DEFAULT : insight).checkedFor(currency, tiers);
  }

  /** A programme as version 0.4 described it, with the default insight section. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public Programme(String id, String name, Currency currency, ZoneId timeZone,
      RoundingMode roundingMode, Qualification qualification, CardPolicy cards,
      List<Tier> tiers, @Nullable PointsPolicy points, @Nullable PricingPolicy pricing, @Nullable FollowUpPolicy followUps,
      @Nullable EvaluationLimits limits) {
    this(id, name, currency, timeZone, roundingMode, qualification, cards, tiers, points, pricing,
        followUps, limits, null);
  }

  /** A programme as version 0.3 described it, with the default limits. */
  public Programme(String id, String name, Currency currency, ZoneId timeZone,
      RoundingMode roundingMode, Qualification qualification, CardPolicy cards,
      List<Tier> tiers, @Nullable PointsPolicy points, @Nullable PricingPolicy pricing, @Nullable FollowUpPolicy followUps) {
    this(id, name, currency, timeZone, roundingMode, qualification, cards, tiers, points, pricing,
        followUps, null);
  }

  /** A programme as version 0.3's first cut described it, with the default follow-ups. */
  public Programme(String id, String name, Currency currency, ZoneId timeZone,
      RoundingMode roundingMode, Qualification qualification, CardPolicy cards,
      List<Tier> tiers, PointsPolicy points, PricingPolicy pricing) {
    this(id, name, currency, timeZone, roundingMode, qualification, cards, tiers, points, pricing,
        null);
  }

  /** A programme as version 0.2 described it, with the default pricing policy. */
  public Programme(String id, String name, Currency currency, ZoneId timeZone,
      RoundingMode roundingMode, Qualification qualification, CardPolicy cards,
      List<Tier> tiers, PointsPolicy points) {
    this(id, name, currency, timeZone, roundingMode, qualification, cards, tiers, points, null,
        null);
  }

  /** A programme as version 0.1 described it, with the default points policy. */
  public Programme(String id, String name, Currency currency, ZoneId timeZone,
      RoundingMode roundingMode, Qualification qualification, CardPolicy cards,
      List<Tier> tiers) {
    this(id, name, currency, timeZone, roundingMode, qualification, cards, tiers, null, null,
        null);
  }

  /**
   * A builder for a programme in {@code currency} and {@code timeZone}: add the tier ladder
   * lowest rank first ({@code .tier(...)}); every section left unset takes its default.
   * {@code Programme.builder("acme", Currency.getInstance("CNY"), ZoneId.of("Asia/Shanghai"))
   * .tier(Tier.builder("MEMBER", 0, BigDecimal.ZERO).build()).build()}.
   *
   * @throws InvalidValueException at once when {@code id} is blank or the currency or zone is
   *     null
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static Builder builder(String id, Currency currency, ZoneId timeZone) {
    return new Builder(id, currency, timeZone);
  }

  /** A builder holding this programme's sections, to change some of them. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public Builder toBuilder() {
    Builder b = new Builder(id, currency, timeZone);
    b.name = name;
    b.qualification = qualification;
    b.cards = cards;
    b.tiers.addAll(tiers);
    b.points = points;
    b.pricing = pricing;
    b.followUps = followUps;
    b.limits = limits;
    b.insight = insight;
    return b;
  }

  /**
   * Builds a {@link Programme}. Each setter checks what it can at once and fails with an
   * {@link InvalidValueException} naming the field and the value: a tier whose code is taken,
   * whose rank or qualifying spend is not above the tier before it, or whose amounts do not fit
   * the currency fails when it is added; {@link #build()} checks the rest as the canonical
   * constructor does (at least one tier, the sections' amounts in the currency's scale).
   *
   * <p>Thread-safety: not thread-safe; the programme it builds is immutable.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public static final class Builder {
    private final String id;
    private final Currency currency;
    private final ZoneId timeZone;
    private @Nullable String name;
    private @Nullable Qualification qualification;
    private @Nullable CardPolicy cards;
    private final List<Tier> tiers = new ArrayList<>();
    private @Nullable PointsPolicy points;
    private @Nullable PricingPolicy pricing;
    private @Nullable FollowUpPolicy followUps;
    private @Nullable EvaluationLimits limits;
    private @Nullable InsightPolicy insight;

    private Builder(String id, Currency currency, ZoneId timeZone) {
      this.id = Check.notBlank("programme.id", id);
      this.currency = Check.notNull("programme.currency", currency);
      this.timeZone = Check.notNull("programme.timeZone", timeZone);
    }

    /** The display name; the id when blank. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The qualification window and near-tier flag; the default when null. */
    public Builder qualification(Qualification qualification) {
      this.qualification = qualification;
      return this;
    }

    /** How cards are issued; free cards when null. */
    public Builder cards(CardPolicy cards) {
      if (cards != null) {
        inScale("programme.cards.fee", cards.fee(), currency);
      }
      this.cards = cards;
      return this;
    }

    /** Adds the next tier of the ladder, above every tier added before it. */
    public Builder tier(Tier tier) {
      List<Tier> next = new ArrayList<>(tiers);
      next.add(Check.notNull("programme.tiers[" + tiers.size() + "]", tier));
      checkTiers(next, currency, byPoints(next));
      tiers.add(tier);
      return this;
    }

    /** Replaces the ladder with {@code ladder}, lowest rank first. */
    public Builder tiers(List<Tier> ladder) {
      List<Tier> checked = Check.list("programme.tiers", ladder);
      if (!checked.isEmpty()) {
        checkTiers(checked, currency, byPoints(checked));
      }
      tiers.clear();
      tiers.addAll(checked);
      return this;
    }

    /** How points are earned, held, expired and converted; the default when null. */
    public Builder points(PointsPolicy points) {
      if (points != null) {
        checkPoints(points, currency);
      }
      this.points = points;
      return this;
    }

    /** How a basket is priced; the default when null. */
    public Builder pricing(PricingPolicy pricing) {
      if (pricing != null) {
        checkPricing(pricing, currency);
      }
      this.pricing = pricing;
      return this;
    }

    /** Whom the store contacts, when and how often; the default when null. */
    public Builder followUps(FollowUpPolicy followUps) {
      this.followUps = followUps;
      return this;
    }

    /** The guard rails of one evaluation; the defaults when null. */
    public Builder limits(EvaluationLimits limits) {
      this.limits = limits;
      return this;
    }

    /** Purchase types and layers, customer value, the reviews; the defaults when null. */
    public Builder insight(InsightPolicy insight) {
      this.insight = insight;
      return this;
    }

    /**
     * Whether {@code ladder} is checked as a ladder by points: the qualification says so, or
     * (the qualification may come after the tiers) every tier gives its qualifying points.
     * {@link #build()} checks the ladder again against the qualification it ends with.
     */
    private boolean byPoints(List<Tier> ladder) {
      return (qualification != null && qualification.byPoints())
          || ladder.stream().allMatch(t -> t.qualifyingPoints() != null);
    }

    /** The programme, checked as the canonical constructor checks it. */
    @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
    public Programme build() {
      return new Programme(id, name, currency, timeZone, null, qualification, cards, tiers,
          points, pricing, followUps, limits, insight);
    }
  }

  private static PricingPolicy checkPricing(PricingPolicy p, Currency currency) {
    List<BasketPromotion> basket = new ArrayList<>();
    for (BasketPromotion b : p.basketPromotions()) {
      String at = "programme.pricing.basketPromotions[" + b.id() + "]";
      basket.add(new BasketPromotion(b.id(), b.priority(), b.match(),
          inScale(at + ".threshold", b.threshold(), currency),
          inScale(at + ".amountOff", b.amountOff(), currency), b.repeat(), b.from(), b.to()));
    }
    return new PricingPolicy(p.roundingMode(), p.markdownStackingMinimum(), p.birthdayRate(),
        p.stackMemberRates(), p.lineFloor(), p.maxBasketDiscount(), p.promotions(), basket,
        p.takeBackOnReturn());
  }

  private static PointsPolicy checkPoints(PointsPolicy p, Currency currency) {
    PointsConversion c = p.conversion();
    PointsConversion conversion = new PointsConversion(c.threshold(),
        inScale("programme.points.conversion.voucherValue", c.voucherValue(), currency),
        c.validityDays(), c.automatic());
    List<RechargeStep> ladder = new ArrayList<>();
    for (int i = 0; i < p.rechargeLadder().size(); i++) {
      RechargeStep step = p.rechargeLadder().get(i);
      ladder.add(new RechargeStep(inScale("programme.points.rechargeLadder[" + i + "].amount",
          step.amount(), currency), step.points(), step.memberRate()));
    }
    return new PointsPolicy(p.perUnit(), p.rounding(), p.roundingMode(), p.earningTenders(),
        p.pendingDays(), p.expiry(), p.expiryNoticeDays(), conversion, p.returnShortfall(),
        ladder, p.multipliers(), p.combine(), p.birthdayMultiplier(), p.exclusions(),
        p.bonuses(), inScale("programme.points.minimumBasket", p.minimumBasket(), currency),
        p.events(), p.gifts(), p.duplicateWindowDays());
  }

  private static List<Tier> checkTiers(List<Tier> tiers, Currency currency, boolean byPoints) {
    if (tiers.isEmpty()) {
      throw new InvalidValueException("programme.tiers", "[]",
          "needs at least one tier (the tier every card holder starts in)");
    }
    List<Tier> scaled = new ArrayList<>(tiers.size());
    Set<String> codes = new HashSet<>();
    Tier below = null;
    for (int i = 0; i < tiers.size(); i++) {
      Tier t = tiers.get(i);
      String at = "programme.tiers[" + i + "]";
      if (!codes.add(t.code())) {
        throw new InvalidValueException(at + ".code", t.code(), "is used by an earlier tier;"
            + " tier codes must be unique");
      }
      if (below != null && t.rank() <= below.rank()) {
        throw new InvalidValueException(at + ".rank", t.rank(), "must be greater than the rank "
            + below.rank() + " of " + below.code() + " above it; list tiers lowest rank first");
      }
      if (!byPoints && below != null
          && t.qualifyingSpend().compareTo(below.qualifyingSpend()) <= 0) {
        throw new InvalidValueException(at + ".qualifyingSpend",
            t.qualifyingSpend().toPlainString(), "must be greater than "
                + below.qualifyingSpend().toPlainString() + ", the qualifying spend of the tier"
                + " below (" + below.code() + ")");
      }
      Long points = t.qualifyingPoints();
      if (byPoints && points == null) {
        throw new InvalidValueException(at + ".qualifyingPoints", "absent", "is required when"
            + " qualification.basis is POINTS: give every tier the points earned in a window"
            + " that reach it (0 for the lowest)");
      }
      Long pointsBelow = below == null ? null : below.qualifyingPoints();
      if (byPoints && below != null && points != null && pointsBelow != null
          && points <= pointsBelow) {
        throw new InvalidValueException(at + ".qualifyingPoints", points,
            "must be greater than " + pointsBelow + ", the qualifying points of"
                + " the tier below (" + below.code() + ")");
      }
      scaled.add(new Tier(t.code(), t.rank(), t.name(),
          inScale(at + ".qualifyingSpend", t.qualifyingSpend(), currency), t.memberRate(),
          t.pointsMultiplier(), inScale(at + ".retentionSpend", t.retentionSpend(), currency),
          t.qualifyingPoints(), t.retentionPoints()));
      below = t;
    }
    return List.copyOf(scaled);
  }

  private static BigDecimal inScale(String field, BigDecimal amount, Currency currency) {
    try {
      return Money.of(amount, currency).amount();
    } catch (InvalidValueException e) {
      throw new InvalidValueException(field, amount.toPlainString(), "has more than "
          + currency.getDefaultFractionDigits() + " decimal places, which "
          + currency.getCurrencyCode() + " does not allow");
    }
  }

  /**
   * The same as {@code pricing().roundingMode()}, which is the one rounding setting of prices.
   *
   * @deprecated read {@link PricingPolicy#roundingMode()}; this top-level setting prices nothing
   */
  @Deprecated(since = "0.5")
  @Override
  public RoundingMode roundingMode() {
    return roundingMode;
  }

  /** The tier with {@code code}; fails with the known codes if there is none. */
  public Tier tier(String code) {
    for (Tier t : tiers) {
      if (t.code().equals(code)) {
        return t;
      }
    }
    throw new InvalidValueException("tier", code, "is not a tier of programme " + id
        + "; known tiers: " + tiers.stream().map(Tier::code).toList());
  }

  /** The lowest tier, which every new card holder starts in. */
  public Tier baseTier() {
    return tiers.get(0);
  }

  /** The tier ranked just above {@code tier}, or null at the top. */
  public @Nullable Tier tierAbove(Tier tier) {
    for (Tier t : tiers) {
      if (t.rank() > tier.rank()) {
        return t;
      }
    }
    return null;
  }

  /** The highest tier whose qualifying spend {@code spend} reaches. */
  public Tier highestQualifiedBy(Money spend) {
    requireCurrency(spend);
    return highestWhere(t -> spend.amount().compareTo(t.qualifyingSpend()) >= 0);
  }

  /**
   * The highest tier whose qualifying points {@code points} reach (a programme that qualifies on
   * points gives every tier its qualifying points).
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public Tier highestQualifiedByPoints(long points) {
    return highestWhere(t -> t.qualifyingPoints() != null && points >= t.qualifyingPoints());
  }

  /** The highest tier whose retention points {@code points} reach. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public Tier highestRetainedByPoints(long points) {
    return highestWhere(t -> t.retentionPoints() != null && points >= t.retentionPoints());
  }

  /** The highest tier {@code reached} holds for; the base tier when none. */
  private Tier highestWhere(java.util.function.Predicate<Tier> reached) {
    Tier best = baseTier();
    for (Tier t : tiers) {
      if (reached.test(t)) {
        best = t;
      }
    }
    return best;
  }

  /** The highest tier whose retention spend {@code spend} reaches. */
  public Tier highestRetainedBy(Money spend) {
    requireCurrency(spend);
    return highestWhere(t -> spend.amount().compareTo(t.retentionSpend()) >= 0);
  }

  private void requireCurrency(Money amount) {
    if (!amount.currency().equals(currency)) {
      throw new InvalidValueException("spend", amount, "is not in " + currency.getCurrencyCode()
          + ", the currency of programme " + id);
    }
  }

  /** An amount of this programme's currency; exact. */
  public Money money(BigDecimal amount) {
    return Money.of(amount, currency);
  }

  /** Zero in this programme's currency. */
  public Money zero() {
    return Money.zero(currency);
  }
}
