package io.github.loyaltyrules.insight;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.Card;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.QualificationWindow;
import io.github.loyaltyrules.programme.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A store's daily watch lists, next to its {@link io.github.loyaltyrules.followup.DailyAgenda}
 * (DOMAIN.md §1 and §4: stores keep a daily eye on members ready to move up, on marginal members
 * and on those whose habits change). Built in one pass over a stream of member states, keeping
 * only the members on a list; members belong to the store of their profile's
 * {@code homeStore}. A list names members by id only.
 *
 * <ul>
 *   <li><b>Next tier</b>: members with an active card whose spend in the current qualification
 *       window reaches the next tier ({@code reached}: their next evaluation or assessment moves
 *       them up) or is within the programme's near-tier share of it, with the amount missing;
 *       nearest first.</li>
 *   <li><b>Marginal</b>: members above the base tier whose tier is reviewed at the end of the
 *       window now under way and whose spend in it is still below the tier's retention spend:
 *       unless they buy the amount missing by the review date they drop to {@code dropsTo}
 *       (never below a staff floor; a member the floor holds is not marginal). A review already
 *       overdue is not listed: buying now no longer changes it. Soonest review first.</li>
 *   <li><b>Drifting</b>: members with at least 3 purchases whose days since the last purchase
 *       are more than {@code insight.watch.driftFactor} (2) times their usual gap, the same
 *       reading as the churn alert; longest away first.</li>
 * </ul>
 *
 * <p>On a ladder by points ({@code qualification.basis} POINTS) the first two lists follow the
 * points earned in the window ({@code MemberState.monthlyPoints}) against the tiers'
 * qualifying and retention points, with the points missing ({@code missingPoints}); their
 * spend figures are then the window's spend for information and zero amounts missing.
 *
 * <p>Thread-safety: immutable, safe to share; {@link #build} is a pure function.
 *
 * @param storeId the store
 * @param date the day
 * @param nextTier members who reach or nearly reach the next tier
 * @param marginal members who drop at their next review unless they buy
 * @param drifting members drifting from their rhythm
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record WatchLists(String storeId, LocalDate date, List<NextTier> nextTier,
    List<Marginal> marginal, List<Drifting> drifting) {

  public WatchLists {
    Check.notBlank("watchLists.storeId", storeId);
    Check.notNull("watchLists.date", date);
    nextTier = Check.list("watchLists.nextTier", nextTier);
    marginal = Check.list("watchLists.marginal", marginal);
    drifting = Check.list("watchLists.drifting", drifting);
  }

  /**
   * A member who reaches, or is near, a tier above theirs.
   *
   * @param memberId the member
   * @param associateId the member's own associate, else the one who served most purchases
   * @param tier the tier held
   * @param nextTier the highest tier the window's spend reaches, else the tier above
   * @param windowSpend spend in the current window
   * @param missing spend still missing for {@code nextTier}; zero when reached
   * @param windowEnd the last day of the current window
   * @param reached whether the spend already reaches {@code nextTier}
   * @param windowPoints on a ladder by points ({@code qualification.basis} POINTS): the points
   *     earned in the current window, which the list then follows; 0 on a ladder by spend
   * @param missingPoints on a ladder by points: the points still missing for {@code nextTier},
   *     0 when reached; 0 on a ladder by spend
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record NextTier(String memberId, @Nullable String associateId, String tier, String nextTier,
      Money windowSpend, Money missing, LocalDate windowEnd, boolean reached,
      @API(status = API.Status.EXPERIMENTAL, since = "0.6") long windowPoints,
      @API(status = API.Status.EXPERIMENTAL, since = "0.6") long missingPoints) {

    /** An entry on a ladder by spend, as version 0.5 made it. */
    public NextTier(String memberId, @Nullable String associateId, String tier,
        String nextTier, Money windowSpend, Money missing, LocalDate windowEnd,
        boolean reached) {
      this(memberId, associateId, tier, nextTier, windowSpend, missing, windowEnd, reached, 0,
          0);
    }
  }

  /**
   * A member who drops at the next review unless they buy.
   *
   * @param memberId the member
   * @param associateId the member's own associate, else the one who served most purchases
   * @param tier the tier held
   * @param dropsTo the tier they drop to if they buy nothing more
   * @param reviewDate the last day of the window under review: buying by then keeps the tier
   * @param windowSpend spend in that window so far
   * @param retentionSpend the tier's retention spend
   * @param missing retention spend minus window spend
   * @param windowPoints on a ladder by points: the points earned in that window so far, which
   *     the list then follows; 0 on a ladder by spend
   * @param retentionPoints on a ladder by points: the tier's retention points; 0 otherwise
   * @param missingPoints on a ladder by points: retention points minus window points
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Marginal(String memberId, @Nullable String associateId, String tier, String dropsTo,
      LocalDate reviewDate, Money windowSpend, Money retentionSpend, Money missing,
      @API(status = API.Status.EXPERIMENTAL, since = "0.6") long windowPoints,
      @API(status = API.Status.EXPERIMENTAL, since = "0.6") long retentionPoints,
      @API(status = API.Status.EXPERIMENTAL, since = "0.6") long missingPoints) {

    /** An entry on a ladder by spend, as version 0.5 made it. */
    public Marginal(String memberId, @Nullable String associateId, String tier, String dropsTo,
        LocalDate reviewDate, Money windowSpend, Money retentionSpend, Money missing) {
      this(memberId, associateId, tier, dropsTo, reviewDate, windowSpend, retentionSpend,
          missing, 0, 0, 0);
    }
  }

  /**
   * A member drifting from their rhythm.
   *
   * @param memberId the member
   * @param associateId the member's own associate, else the one who served most purchases
   * @param tier the tier held; null without a card
   * @param lastPurchase the last purchase's date
   * @param daysSinceLastPurchase days from it to the day of the lists
   * @param usualGapDays the member's usual days between purchases
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Drifting(String memberId, @Nullable String associateId, @Nullable String tier,
      LocalDate lastPurchase, long daysSinceLastPurchase, long usualGapDays) {}

  /** The watch lists of {@code storeId} on {@code date} from a stream of member states. */
  public static WatchLists build(Programme programme, String storeId, LocalDate date,
      Stream<MemberState> members) {
    Check.notNull("members", members);
    return build(programme, storeId, date, members.iterator());
  }

  /** The watch lists of {@code storeId} on {@code date} from an iterator over member states. */
  public static WatchLists build(Programme programme, String storeId, LocalDate date,
      Iterator<MemberState> members) {
    Check.notNull("programme", programme);
    Check.notBlank("watchLists.storeId", storeId);
    Check.notNull("watchLists.date", date);
    Check.notNull("members", members);
    QualificationWindow window = programme.qualification().windowContaining(date);
    BigDecimal near = programme.qualification().nearNextTierFraction();
    BigDecimal drift = programme.insight().watch().driftFactor();
    List<NextTier> next = new ArrayList<>();
    List<Marginal> marginal = new ArrayList<>();
    List<Drifting> drifting = new ArrayList<>();
    while (members.hasNext()) {
      MemberState m = members.next();
      if (!storeId.equals(m.profile().homeStore())) {
        continue;
      }
      String associate = m.profile().associateId() != null ? m.profile().associateId()
          : m.activity().servedMostBy();
      Card card = m.card();
      Tier tier = card == null ? null : programme.tier(card.tier());
      if (tier != null && card != null && card.isActive()) {
        NextTier n = nextTier(programme, m, tier, window, near, associate);
        if (n != null) {
          next.add(n);
        }
        Marginal g = marginal(programme, m, tier, date, associate);
        if (g != null) {
          marginal.add(g);
        }
      }
      Drifting d = drifting(m, tier, date, drift, associate);
      if (d != null) {
        drifting.add(d);
      }
    }
    next.sort(Comparator.comparingLong(NextTier::missingPoints)
        .thenComparing(NextTier::missing).thenComparing(NextTier::memberId));
    marginal.sort(Comparator.comparing(Marginal::reviewDate)
        .thenComparingLong(Marginal::missingPoints).thenComparing(Marginal::missing)
        .thenComparing(Marginal::memberId));
    drifting.sort(Comparator.comparingLong(Drifting::daysSinceLastPurchase).reversed()
        .thenComparing(Drifting::memberId));
    return new WatchLists(storeId, date, next, marginal, drifting);
  }

  private static @Nullable NextTier nextTier(Programme p, MemberState m, Tier tier,
      QualificationWindow window, BigDecimal near, @Nullable String associate) {
    Tier above = p.tierAbove(tier);
    if (above == null) {
      return null;
    }
    Money spend = m.spendBetween(window.first(), window.last(), p.currency());
    if (p.qualification().byPoints()) {
      long points = m.pointsBetween(window.first(), window.last());
      Tier byPoints = p.highestQualifiedByPoints(points);
      if (byPoints.isAbove(tier)) {
        return new NextTier(m.memberId(), associate, tier.code(), byPoints.code(), spend,
            p.zero(), window.end(), true, points, 0);
      }
      long wanted = Objects.requireNonNull(above.qualifyingPoints(), "a tier's points");
      long missing = wanted - points;
      if (BigDecimal.valueOf(missing).compareTo(BigDecimal.valueOf(wanted).multiply(near)) > 0) {
        return null;
      }
      return new NextTier(m.memberId(), associate, tier.code(), above.code(), spend, p.zero(),
          window.end(), false, points, missing);
    }
    Tier reached = p.highestQualifiedBy(spend);
    if (reached.isAbove(tier)) {
      return new NextTier(m.memberId(), associate, tier.code(), reached.code(), spend,
          p.zero(), window.end(), true);
    }
    Money missing = p.money(above.qualifyingSpend()).minus(spend);
    if (missing.amount().compareTo(above.qualifyingSpend().multiply(near)) > 0) {
      return null;
    }
    return new NextTier(m.memberId(), associate, tier.code(), above.code(), spend, missing,
        window.end(), false);
  }

  private static @Nullable Marginal marginal(Programme p, MemberState m, Tier tier, LocalDate date,
      @Nullable String associate) {
    LocalDate review = m.standing().heldUntil();
    if (!tier.isAbove(p.baseTier()) || review == null || review.isBefore(date)) {
      return null;
    }
    QualificationWindow judged = p.qualification().windowEndingOn(review);
    if (!judged.contains(date)) {
      return null;
    }
    String floorCode = m.standing().manualFloor();
    Tier floor = floorCode == null ? null : p.tier(floorCode);
    if (floor != null && !tier.isAbove(floor)) {
      return null;
    }
    Money spend = m.spendBetween(judged.first(), judged.last(), p.currency());
    if (p.qualification().byPoints()) {
      long points = m.pointsBetween(judged.first(), judged.last());
      long retention = Objects.requireNonNull(tier.retentionPoints(), "a tier's points");
      if (points >= retention) {
        return null;
      }
      Tier to = p.highestRetainedByPoints(points);
      to = floor != null && floor.isAbove(to) ? floor : to;
      return new Marginal(m.memberId(), associate, tier.code(), to.code(), review, spend,
          p.zero(), p.zero(), points, retention, retention - points);
    }
    Money retention = p.money(tier.retentionSpend());
    if (spend.isAtLeast(retention)) {
      return null;
    }
    Tier to = p.highestRetainedBy(spend);
    to = floor != null && floor.isAbove(to) ? floor : to;
    return new Marginal(m.memberId(), associate, tier.code(), to.code(), review, spend,
        retention, retention.minus(spend));
  }

  private static @Nullable Drifting drifting(MemberState m, @Nullable Tier tier, LocalDate date, BigDecimal factor,
      @Nullable String associate) {
    Activity a = m.activity();
    if (a.purchases() < 3 || a.firstPurchase() == null || a.lastPurchase() == null
        || a.lastPurchase().isAfter(date)) {
      return null;
    }
    long usual = (a.lastPurchase().toEpochDay() - a.firstPurchase().toEpochDay())
        / (a.purchases() - 1);
    long since = date.toEpochDay() - a.lastPurchase().toEpochDay();
    if (usual < 1 || BigDecimal.valueOf(since).compareTo(factor.multiply(
        BigDecimal.valueOf(usual))) <= 0) {
      return null;
    }
    return new Drifting(m.memberId(), associate, tier == null ? null : tier.code(),
        a.lastPurchase(), since, usual);
  }
}
