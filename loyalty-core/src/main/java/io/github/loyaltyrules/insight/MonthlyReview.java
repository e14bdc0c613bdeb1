package io.github.loyaltyrules.insight;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.insight.internal.MonthlyReviewBuilder;
import io.github.loyaltyrules.insight.internal.ReviewCsv;
import io.github.loyaltyrules.insight.internal.ReviewPage;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.json.LoyaltyJson;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.programme.Programme;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The monthly VIP review for the store meeting and head office (DOMAIN.md §6): the member base
 * and what it did in one calendar month, each figure against the previous month's review. Built
 * in one pass over a stream of member states and the month's transactions ({@link #builder});
 * written as JSON ({@link #toJson}) and CSV ({@link #toCsv}) for the host, and as a
 * self-contained HTML page with charts for the meeting ({@link #toHtml}).
 *
 * <p>The figures, in the handbooks' order (基础量, 新增量, 新旧VIP消费对比, 购买频率, 单次购买量,
 * 购买品类走势, 购买品类单价水平, 每次购买耗时 (read as the days between purchases, 购买间隔天数), 属性变化,
 * 各年龄段消费差异, 贡献率, 死卡率):
 * <ul>
 *   <li>{@code memberBase}: card holders on the month's last day (cancelled cards and cards
 *       issued later not counted); {@code newMembers}: cards issued in the month;</li>
 *   <li>{@code newAndOld}: what new and existing members bought;</li>
 *   <li>{@code buyingMembers}, {@code purchases}, {@code purchaseFrequency} (purchases per buying
 *       member), {@code units}, {@code itemsPerPurchase} (连带率), {@code spend},
 *       {@code averageTicket};</li>
 *   <li>{@code categories}: each category's units, value and unit price level, against the
 *       previous month (the trend);</li>
 *   <li>{@code averageDaysBetweenPurchases}: the mean of the usual gaps of members with at least
 *       two purchases (days from the first purchase to the last ÷ the gaps between them); each
 *       member's gap is a per-member figure, rounded once to 2 decimals (620 days over 9 gaps:
 *       68.89), and the mean of those is rounded once to 2 decimals;</li>
 *   <li>{@code attributes}: members per value of the profile attributes the programme names
 *       ({@code insight.review.attributes}), and {@code buyerTypes}: members per purchase type,
 *       so their changes show month to month;</li>
 *   <li>{@code ageBands}, {@code tiers}, {@code layers}: each group's members, buyers and spend
 *       with its share (the contribution);</li>
 *   <li>{@code pyramid}, {@code topShare}: the contribution pyramid and the share of spend of the
 *       top {@code topBuyers} (10 %) of buying members, counted as the pyramid counts its
 *       levels: {@code n × 10 %} rounded half up, at least one buyer (so with 10 % the top share
 *       is platinum's share);</li>
 *   <li>{@code deadCards}, {@code deadCardRate}: cards with no purchase (nor issue) for at least
 *       {@code deadCardDays} ({@code insight.review.deadCardDays}, 180) days on the month's last
 *       day, exactly 180 days included, and their share of the base;</li>
 *   <li>{@code earlierSalesReturns}, {@code earlierSalesReturnedUnits},
 *       {@code earlierSalesRefunds}: returns in the month of goods bought in an earlier month
 *       (or whose sale's date the return does not give), a line of their own.</li>
 * </ul>
 *
 * <p>Definitions. Members belong to the review's store by their profile's {@code homeStore}
 * (every member when no store is given); only card holders are reviewed. A transaction counts
 * when its business date is in the month and its member is in the stream; others are counted in
 * {@code transactionsSkipped}. Returns. A return of goods bought in the month (its original
 * sale's date is in the month) is taken off the member's purchases of the month: their units,
 * spend and categories are net of it. A return of goods bought in an earlier month changes
 * nothing of the month's purchases: it is counted on its own ({@code earlierSalesReturns}), so
 * no spend and no share is negative. A buyer is a member who kept goods paid for in the month
 * (net spend above zero); a member whose sales of the month were all returned in the month is
 * not a buyer, and their sales are not purchases, in the headline, the groups and the pyramid
 * alike: the headline's buyers, purchases, units and spend are the groups' sums, and the
 * headline's buyers and spend are the pyramid's. Spend is what was paid after pricing
 * ({@link MemberTransaction}); category values are the lines at their sale prices, before member
 * rates, which is the price level of what was bought. A member's tier, layer, age (on the
 * month's last day), attributes and activity are read from the state as it is when the review
 * runs: run it just after the month ends.
 *
 * <p>Numbers. Amounts are in the programme's currency, to its scale; shares have 4 decimals;
 * per-purchase and per-member figures 2 decimals; every division is rounded half up once, except
 * amounts, which use the programme's rounding mode. {@code change} is the value minus the
 * previous month's; both are null without a previous review.
 *
 * <p>Memory grows with the number of members (their ids, an index and a few counters: about 90
 * bytes each) and categories, never with the number of transactions.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param programmeId the programme
 * @param storeId the store reviewed; null for every store
 * @param month the month reviewed
 * @param currency the currency of the amounts
 * @param memberBase card holders at the month's end
 * @param newMembers cards issued in the month
 * @param buyingMembers members with at least one purchase in the month
 * @param purchases sales in the month
 * @param purchaseFrequency purchases ÷ buying members
 * @param units units bought, net of returns
 * @param itemsPerPurchase units ÷ purchases (连带率)
 * @param spend what was paid, net of refunds
 * @param averageTicket spend ÷ purchases
 * @param averageDaysBetweenPurchases the members' usual gap between purchases, on average
 * @param topShare the top buying members' share of the buying members' spend
 * @param deadCards cards without a purchase for the dead-card period
 * @param deadCardRate dead cards ÷ member base
 * @param earlierSalesReturns returns in the month of goods bought in an earlier month
 * @param earlierSalesReturnedUnits the units they returned
 * @param earlierSalesRefunds what they refunded
 * @param newAndOld new members (cards issued in the month) and existing ones
 * @param categories each category, largest value first
 * @param ageBands each age band, youngest first, then unknown
 * @param tiers each tier, lowest first
 * @param layers each layer (casual, mid, heavy), then members not yet classified
 * @param attributes members per profile attribute value, sorted
 * @param buyerTypes members per purchase type, sorted
 * @param pyramid the contribution pyramid of the buying members
 * @param trend this month and the months before it, oldest first
 * @param transactionsSkipped transactions outside the month or of members not reviewed
 * @param topBuyers the share of the buying members {@code topShare} is of (the programme's
 *     {@code insight.review.topShare}, 10 %)
 * @param deadCardDays days without a purchase that make a dead card (the programme's
 *     {@code insight.review.deadCardDays}, 180)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record MonthlyReview(String programmeId, @Nullable String storeId, YearMonth month, String currency,
    Figure memberBase, Figure newMembers, Figure buyingMembers, Figure purchases,
    Figure purchaseFrequency, Figure units, Figure itemsPerPurchase, Figure spend,
    Figure averageTicket, Figure averageDaysBetweenPurchases, Figure topShare,
    Figure deadCards, Figure deadCardRate, Figure earlierSalesReturns,
    Figure earlierSalesReturnedUnits, Figure earlierSalesRefunds, List<Group> newAndOld,
    List<Category> categories, List<Group> ageBands, List<Group> tiers, List<Group> layers,
    List<Count> attributes, List<Count> buyerTypes, ContributionPyramid pyramid,
    List<TrendPoint> trend, long transactionsSkipped, BigDecimal topBuyers, int deadCardDays) {

  /** What a review written before a figure was recorded reads as. */
  private static final Figure NONE = new Figure(BigDecimal.ZERO, null, null);

  public MonthlyReview {
    Check.notBlank("review.programmeId", programmeId);
    Check.notNull("review.month", month);
    Check.notBlank("review.currency", currency);
    newAndOld = Check.list("review.newAndOld", newAndOld);
    categories = Check.list("review.categories", categories);
    ageBands = Check.list("review.ageBands", ageBands);
    tiers = Check.list("review.tiers", tiers);
    layers = Check.list("review.layers", layers);
    attributes = Check.list("review.attributes", attributes);
    buyerTypes = Check.list("review.buyerTypes", buyerTypes);
    trend = Check.list("review.trend", trend);
    // reviews written before these were recorded: no such returns, the programme defaults
    earlierSalesReturns = earlierSalesReturns == null ? NONE : earlierSalesReturns;
    earlierSalesReturnedUnits = earlierSalesReturnedUnits == null ? NONE
        : earlierSalesReturnedUnits;
    earlierSalesRefunds = earlierSalesRefunds == null ? NONE : earlierSalesRefunds;
    topBuyers = topBuyers == null ? new BigDecimal("0.10") : topBuyers;
    deadCardDays = deadCardDays == 0 ? 180 : deadCardDays;
  }

  /**
   * One figure against the previous month.
   *
   * @param value this month
   * @param previous the previous month; null without a previous review
   * @param change value − previous; null without a previous review
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Figure(BigDecimal value, @Nullable BigDecimal previous, @Nullable BigDecimal change) {
    public Figure {
      Check.notNull("figure.value", value);
    }
  }

  /**
   * A group of members (an age band, a tier, a layer, new or existing members) and what it
   * bought in the month.
   *
   * @param key the group, e.g. {@code GOLD}, {@code 25-34}, {@code NEW}
   * @param members members in the group
   * @param buyers those who bought in the month
   * @param purchases their sales
   * @param units units, net of returns
   * @param spend what they paid, net of refunds
   * @param spendShare the group's share of the month's spend (its contribution)
   * @param previous the same group in the previous month's review; null if none
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Group(String key, long members, long buyers, long purchases, long units,
      BigDecimal spend, BigDecimal spendShare, @Nullable Group previous) {
    public Group {
      Check.notBlank("group.key", key);
    }
  }

  /**
   * A category in the month: what was bought of it and at what price level.
   *
   * @param category the category (lines without one are {@code (none)})
   * @param purchases sales with at least one line of it
   * @param units units, net of returns
   * @param value the lines at sale prices, net of returns
   * @param valueShare its share of all categories' value
   * @param unitPrice value ÷ units: the category's price level; null without units
   * @param previous the category in the previous month's review; null if none
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Category(String category, long purchases, long units, BigDecimal value,
      BigDecimal valueShare, @Nullable BigDecimal unitPrice, @Nullable Category previous) {
    public Category {
      Check.notBlank("category.category", category);
    }
  }

  /**
   * How many members have an attribute value or a purchase type, against the previous month.
   *
   * @param key {@code attribute=value}, or the purchase type
   * @param members members with it
   * @param previous the previous month; null without a previous review
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Count(String key, long members, @Nullable Long previous) {
    public Count {
      Check.notBlank("count.key", key);
    }
  }

  /**
   * One month of the trend lines.
   *
   * @param month the month
   * @param memberBase card holders at its end
   * @param newMembers cards issued in it
   * @param buyingMembers members who bought in it
   * @param purchases sales in it
   * @param spend what was paid in it
   * @param itemsPerPurchase units ÷ purchases; null without purchases
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record TrendPoint(YearMonth month, long memberBase, long newMembers,
      long buyingMembers, long purchases, BigDecimal spend, @Nullable BigDecimal itemsPerPurchase) {
    public TrendPoint {
      Check.notNull("trend.month", month);
    }
  }

  /** A review of {@code month} under {@code programme}; set a store and the previous review. */
  public static Builder builder(Programme programme, YearMonth month) {
    return new Builder(programme, month);
  }

  /** This review as JSON, which {@link #fromJson} reads back (e.g. as next month's previous). */
  public String toJson() {
    return LoyaltyJson.write(this);
  }

  /** A review written by {@link #toJson}; errors name the JSON path. */
  public static MonthlyReview fromJson(String json) {
    return LoyaltyJson.read(json, MonthlyReview.class, "monthly review");
  }

  /**
   * This review as CSV for spreadsheets: one line per figure,
   * {@code section,key,figure,value,previous,change}, numbers as plain decimals.
   */
  public String toCsv() {
    return ReviewCsv.write(this);
  }

  /**
   * This review as one self-contained XHTML page for the store meeting: every figure against
   * the previous month, and charts drawn as inline SVG (bars for tiers and layers, lines for the
   * trend, the pyramid). It loads nothing from the network and opens in any browser offline.
   */
  public String toHtml() {
    return ReviewPage.render(this);
  }

  /**
   * Collects what a review needs. Confined to one thread.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public static final class Builder {
    private final Programme programme;
    private final YearMonth month;
    private @Nullable String storeId;
    private @Nullable MonthlyReview previous;

    private Builder(Programme programme, YearMonth month) {
      this.programme = Check.notNull("programme", programme);
      this.month = Check.notNull("review.month", month);
    }

    /** Reviews the members whose home store is {@code storeId}; every member when not set. */
    public Builder store(String storeId) {
      this.storeId = Check.notBlank("review.storeId", storeId);
      return this;
    }

    /**
     * The previous month's review, to compare with; it must be of the month before, for the
     * same store and programme.
     */
    public Builder previous(MonthlyReview review) {
      if (review != null) {
        if (!review.month().equals(month.minusMonths(1))) {
          throw new InvalidValueException("review.previous.month", review.month(),
              "must be " + month.minusMonths(1) + ", the month before " + month);
        }
        if (!java.util.Objects.equals(review.storeId(), storeId)) {
          throw new InvalidValueException("review.previous.storeId", review.storeId(),
              "must be the store of this review, " + storeId + " (call store() first)");
        }
        if (!review.programmeId().equals(programme.id())) {
          throw new InvalidValueException("review.previous.programmeId", review.programmeId(),
              "must be this review's programme, " + programme.id());
        }
      }
      this.previous = review;
      return this;
    }

    /** The review from the members, then the month's transactions, each read once. */
    public MonthlyReview build(Stream<MemberState> members,
        Stream<MemberTransaction> transactions) {
      Check.notNull("members", members);
      Check.notNull("transactions", transactions);
      return build(members.iterator(), transactions.iterator());
    }

    /** The review from the members, then the month's transactions, each read once. */
    public MonthlyReview build(Iterator<MemberState> members,
        Iterator<MemberTransaction> transactions) {
      Check.notNull("members", members);
      Check.notNull("transactions", transactions);
      return new MonthlyReviewBuilder(programme, month, storeId, previous).build(members,
          transactions);
    }
  }
}
