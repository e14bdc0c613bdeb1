package io.github.loyaltyrules.insight;

import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link ThresholdAdvisor} suggests for a programme's tier thresholds from a period of
 * sales (DOMAIN.md §1 ("Choosing your own thresholds")), shown against the thresholds the
 * programme has now. It is advice only: nothing here changes a programme.
 *
 * <p>Every amount is rounded once, to the currency's scale with the programme's rounding mode,
 * from the figures shown before it, so a reader can redo each step by hand: the average unit
 * price (spend ÷ units), the items per purchase (units ÷ purchases, 2 decimals), the base line
 * (the two multiplied), each suggestion (its basis × (1 + growth)). Shares are 4 decimals, half
 * up (0.6250 is 62.50 %).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param programmeId the programme advised
 * @param from the first business date among the sales; null when there were none
 * @param to the last business date among the sales; null when there were none
 * @param purchases sales in the period
 * @param units units sold in them
 * @param spend what they paid
 * @param averageUnitPrice spend ÷ units; null without units
 * @param itemsPerPurchase units ÷ purchases, the attach rate (连带率), 2 decimals; null without
 *     purchases
 * @param baseLine average unit price × items per purchase; null without purchases
 * @param growthLow the low end of the growth added (0.15)
 * @param growthHigh the high end (0.30)
 * @param entry the entry threshold: the base line plus growth, against the first tier above the
 *     base tier; null without purchases or without such a tier
 * @param tiers each tier's members, spend and suggestion, lowest first
 * @param membersWithoutCard members in the stream who hold no card (no tier)
 * @param salesOfOtherMembers sales of members not in the member stream: counted in the base line,
 *     in no tier
 * @param warnings what the store should look at, in words for the shop floor
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record ThresholdAdvice(String programmeId, @Nullable LocalDate from, @Nullable LocalDate to, long purchases,
    long units, Money spend, @Nullable Money averageUnitPrice, @Nullable BigDecimal itemsPerPurchase,
    @Nullable Money baseLine, BigDecimal growthLow, BigDecimal growthHigh, @Nullable Suggestion entry,
    List<TierAdvice> tiers, long membersWithoutCard, long salesOfOtherMembers,
    List<String> warnings) {

  public ThresholdAdvice {
    Check.notBlank("advice.programmeId", programmeId);
    tiers = Check.list("advice.tiers", tiers);
    warnings = Check.list("advice.warnings", warnings);
  }

  /**
   * A suggested range for one threshold: its basis plus the low and the high growth.
   *
   * <p>Thread-safety: immutable, safe to share.
   *
   * @param tier the tier whose threshold it is
   * @param current the tier's qualifying spend in the programme now
   * @param basis what the growth is added to: the base line, or the tier's average purchase
   * @param low basis × (1 + growth low)
   * @param high basis × (1 + growth high)
   * @param currentPoints on a ladder by points ({@code qualification.basis} POINTS): the tier's
   *     qualifying points now; null on a ladder by spend
   * @param lowPoints on a ladder by points: {@code low} in points at the programme's
   *     {@code points.perUnit}, rounded down (before multipliers and bonuses); null otherwise
   * @param highPoints on a ladder by points: {@code high} in points, the same way
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Suggestion(String tier, Money current, Money basis, @Nullable Money low,
      @Nullable Money high,
      @API(status = API.Status.EXPERIMENTAL, since = "0.6") @Nullable Long currentPoints,
      @API(status = API.Status.EXPERIMENTAL, since = "0.6") @Nullable Long lowPoints,
      @API(status = API.Status.EXPERIMENTAL, since = "0.6") @Nullable Long highPoints) {
    public Suggestion {
      Check.notBlank("suggestion.tier", tier);
    }

    /** A suggestion on a ladder by spend, as version 0.5 made it. */
    public Suggestion(String tier, Money current, Money basis, @Nullable Money low,
        @Nullable Money high) {
      this(tier, current, basis, low, high, null, null, null);
    }
  }

  /**
   * One tier in the period: how many of the card holders hold it, what they spent, their
   * average purchase and the threshold it suggests.
   *
   * <p>Thread-safety: immutable, safe to share.
   *
   * @param tier the tier's code
   * @param name the tier's name
   * @param members card holders in the tier
   * @param memberShare their share of all card holders
   * @param purchases their sales in the period
   * @param spend what those sales paid
   * @param spendShare that spend's share of the period's spend
   * @param averagePurchase spend ÷ purchases; null without purchases
   * @param spendPerMember spend ÷ members; null without members
   * @param suggestion the average purchase plus growth, against the tier's threshold; null for
   *     the base tier, which every card holder starts in, and for a tier without purchases
   * @param crowded whether the tier holds more than the programme's crowding share of the card
   *     holders (base tier excepted)
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record TierAdvice(String tier, String name, long members, BigDecimal memberShare,
      long purchases, Money spend, BigDecimal spendShare, @Nullable Money averagePurchase,
      @Nullable Money spendPerMember, @Nullable Suggestion suggestion, boolean crowded) {
    public TierAdvice {
      Check.notBlank("tierAdvice.tier", tier);
    }
  }
}
