package io.github.loyaltyrules.rules.facts;

import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.QualificationWindow;
import io.github.loyaltyrules.programme.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The member as rules see them: one fact per evaluation, replaced by the engine after the phases
 * that change it (cards, points, tiers), never by a rule. Figures are the ones settled so far:
 * in the {@code pricing} phase a card issued in the {@code cards} phase is already here; in the
 * {@code tiers} phase {@link #windowSpend} includes this sale; in the {@code follow-ups} phase
 * {@link #tier} is the tier after this evaluation's moves. See docs/RULES.md.
 *
 * <p>Personal data (name, phone, email, birth date) is not part of this fact; the business day
 * ({@link Today}) says whether it is the member's birthday. {@link #toString()} shows the id and
 * the tier only.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id the member's id (not personal data)
 * @param cardHolder whether the member holds a card (in any status)
 * @param activeCard whether the card is {@code ACTIVE}: only then is spend counted
 * @param cardStatus the card's status; null without a card
 * @param tier the member's tier; null without a card
 * @param tierCode the tier's code, e.g. {@code "GOLD"}; null without a card
 * @param tierRank the tier's rank (0 for the lowest); -1 without a card
 * @param tierSince when the tier was reached; null if never
 * @param tierHeldUntil the last day the tier is guaranteed; null for the base tier
 * @param manualFloor the tier staff set as a floor; null if none
 * @param attributes the profile's free attributes, e.g. {@code employee -> yes}
 * @param homeStore the member's store; may be null
 * @param associateId the member's own associate; may be null
 * @param window the qualification window containing today
 * @param windowSpend qualifying spend in {@link #window} so far
 * @param previousWindowSpend qualifying spend in the window before it
 * @param nextTier the tier above; null at the top or without a card
 * @param missingForNextTier spend still missing in the window for {@link #nextTier}; null at the
 *     top or without a card
 * @param nearNextTier whether {@link #missingForNextTier} is positive and at most the programme's
 *     near-tier share of that tier's threshold
 * @param purchases purchases before this transaction
 * @param firstPurchase the first purchase's date; null if none
 * @param lastPurchase the last purchase's date before this transaction; null if none
 * @param daysSinceLastPurchase days from the last purchase to today; -1 if none
 * @param usualGapDays the member's usual days between purchases; -1 with fewer than 3
 * @param pointsAvailable points that can be spent
 * @param pointsPending points waiting for the return window
 * @param pointsDebt points owed after a return revoked spent points
 * @param storedValueBalance the stored-value balance; zero before the first recharge
 * @param storedValueRate the member rate earned by recharging; null if none
 * @param contactable whether the member agreed to be contacted on at least one channel
 * @param servedMostBy the associate who served most of the member's purchases; null if none
 * @param channels the channels the member agreed to be contacted on, of those the programme
 *     uses, e.g. {@code channels contains Channel.PHONE}
 * @param windowPoints qualifying points earned in {@link #window} so far, on a ladder by points
 *     ({@code qualification.basis} POINTS); 0 on a ladder by spend
 * @param missingPointsForNextTier points still missing in the window for {@link #nextTier} on a
 *     ladder by points; null at the top, without a card or on a ladder by spend. On a ladder by
 *     points {@link #nearNextTier} follows these points
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Member(String id, boolean cardHolder, boolean activeCard,
    @Nullable CardStatus cardStatus,
    @Nullable Tier tier, @Nullable String tierCode, int tierRank, @Nullable LocalDate tierSince,
    @Nullable LocalDate tierHeldUntil,
    @Nullable Tier manualFloor, Map<String, String> attributes, @Nullable String homeStore,
    @Nullable String associateId,
    QualificationWindow window, Money windowSpend, Money previousWindowSpend,
    @Nullable Tier nextTier,
    @Nullable Money missingForNextTier, boolean nearNextTier, long purchases,
    @Nullable LocalDate firstPurchase,
    @Nullable LocalDate lastPurchase, long daysSinceLastPurchase, long usualGapDays,
    long pointsAvailable,
    long pointsPending, long pointsDebt, Money storedValueBalance,
    @Nullable BigDecimal storedValueRate,
    boolean contactable, @Nullable String servedMostBy, Set<Channel> channels,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") long windowPoints,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") @Nullable Long missingPointsForNextTier) {

  public Member {
    attributes = attributes == null || attributes.isEmpty() ? Map.of()
        : Map.copyOf(attributes);
    channels = channels == null ? Set.of() : channelsOf(channels);
  }

  private static final Channel[] CHANNELS = Channel.values();

  /**
   * The immutable copy of each set of channels, by the bit mask of its channels: a member fact
   * is built several times per evaluation, and there are only a few such sets. Each slot holds
   * what {@code Set.copyOf} made for that set, so the copy is the one it always was.
   */
  private static final Set<?>[] CHANNEL_SETS = new Set<?>[1 << Math.min(CHANNELS.length, 8)];

  private static Set<Channel> channelsOf(Set<Channel> given) {
    if (CHANNELS.length > 8 || !(given instanceof java.util.EnumSet<Channel> set)) {
      return Set.copyOf(given);
    }
    int mask = 0;
    for (Channel c : CHANNELS) {
      if (set.contains(c)) {
        mask |= 1 << c.ordinal();
      }
    }
    @SuppressWarnings("unchecked")
    Set<Channel> known = (Set<Channel>) CHANNEL_SETS[mask];
    if (known == null) {
      // an immutable set: a thread that reads the slot sees it whole, or null and copies again
      known = Set.copyOf(set);
      CHANNEL_SETS[mask] = known;
    }
    return known;
  }

  /** The attribute {@code name}, or null; e.g. {@code attribute("employee") == "yes"}. */
  public @Nullable String attribute(String name) {
    return attributes.get(name);
  }

  /**
   * 0 or 1, the same every time for this member and {@code key}: splits members into two halves,
   * e.g. the morning and afternoon halves of a promotion notice.
   */
  public int halfOf(String key) {
    return Math.floorMod((id + ":" + key).hashCode(), 2);
  }

  /** Whether the member holds a card of at least the tier {@code rank}. */
  public boolean atLeast(int rank) {
    return tierRank >= rank;
  }

  @Override
  public String toString() {
    return "Member[" + id + ", " + (tierCode == null ? "no card" : tierCode) + "]";
  }
}
