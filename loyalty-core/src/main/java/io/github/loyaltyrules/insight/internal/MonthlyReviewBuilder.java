package io.github.loyaltyrules.insight.internal;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.insight.ContributionPyramid;
import io.github.loyaltyrules.insight.MemberTransaction;
import io.github.loyaltyrules.insight.MonthlyReview;
import io.github.loyaltyrules.insight.MonthlyReview.Category;
import io.github.loyaltyrules.insight.MonthlyReview.Count;
import io.github.loyaltyrules.insight.MonthlyReview.Figure;
import io.github.loyaltyrules.insight.MonthlyReview.Group;
import io.github.loyaltyrules.insight.MonthlyReview.TrendPoint;
import io.github.loyaltyrules.model.Activity;
import io.github.loyaltyrules.model.BuyerLayer;
import io.github.loyaltyrules.model.CardStatus;
import io.github.loyaltyrules.model.Line;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.InsightPolicy;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apiguardian.api.API;

/**
 * Builds a {@link MonthlyReview} in one pass over the members, then one over the month's
 * transactions, keeping a few numbers per member (see {@link MonthlyReview} for every
 * definition). Not API.
 *
 * <p>Thread-safety: not thread-safe; one instance builds one review.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public final class MonthlyReviewBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(MonthlyReviewBuilder.class);
  private static final String NONE = "(none)";
  private static final String UNCLASSIFIED = "UNCLASSIFIED";

  private final Programme programme;
  private final YearMonth month;
  private final @Nullable String storeId;
  private final @Nullable MonthlyReview previous;
  private final Currency currency;
  private final RoundingMode mode;
  private final InsightPolicy.Review settings;
  private final LocalDate monthEnd;

  private final MemberIndex index = new MemberIndex();
  private int[] purchases = new int[1024];
  private int[] units = new int[1024];
  private long[] spend = new long[1024];
  private byte[] tier = new byte[1024];
  private byte[] layer = new byte[1024];
  private byte[] age = new byte[1024];
  private byte[] isNew = new byte[1024];

  private long base;
  private long newMembers;
  private long dead;
  /** The members' usual gaps in hundredths of a day, each rounded once to 2 decimals. */
  private long gapSum;
  private long gapCount;
  private long earlierReturns;
  private long earlierReturnedUnits;
  private long earlierRefunds;
  private long[] tierMembers;
  private final long[] layerMembers = new long[4];
  private long[] ageMembers;
  private final long[] newOldMembers = new long[2];
  private final Map<String, Long> attributes = new TreeMap<>();
  private final Map<String, Long> types = new TreeMap<>();
  private final Map<String, long[]> categories = new HashMap<>();
  private long skipped;

  public MonthlyReviewBuilder(Programme programme, YearMonth month, @Nullable String storeId,
      @Nullable MonthlyReview previous) {
    this.programme = programme;
    this.month = month;
    this.storeId = storeId;
    this.previous = previous;
    this.currency = programme.currency();
    this.mode = programme.pricing().roundingMode();
    this.settings = programme.insight().review();
    this.monthEnd = month.atEndOfMonth();
    this.tierMembers = new long[programme.tiers().size()];
    this.ageMembers = new long[settings.ageBands().size() + 2];
  }

  public MonthlyReview build(Iterator<MemberState> members,
      Iterator<MemberTransaction> transactions) {
    while (members.hasNext()) {
      member(members.next());
    }
    while (transactions.hasNext()) {
      transaction(transactions.next());
    }
    MonthlyReview review = assemble();
    LOG.debug("monthly review {} of {}: {} members, {} transactions skipped", month,
        storeId == null ? "every store" : storeId, base, skipped);
    return review;
  }

  // ------------------------------------------------------------------ members

  private void member(MemberState m) {
    if (storeId != null && !storeId.equals(m.profile().homeStore())) {
      return;
    }
    if (m.card() == null || m.card().status() == CardStatus.CANCELLED
        || m.card().issuedOn().isAfter(monthEnd)) {
      return;
    }
    int i = index.add(m.memberId());
    if (i < base) {
      throw new InvalidValueException("member", m.memberId(),
          "appears twice in the member stream; each member is read once");
    }
    fit(i);
    base++;
    boolean fresh = !YearMonth.from(m.card().issuedOn()).isBefore(month);
    isNew[i] = (byte) (fresh ? 0 : 1);
    newOldMembers[isNew[i]]++;
    newMembers += fresh ? 1 : 0;
    int t = tierPosition(m.card().tier());
    tier[i] = (byte) t;
    tierMembers[t]++;
    BuyerLayer l = m.buyer().layer();
    layer[i] = (byte) (l == null ? 3 : l.ordinal());
    layerMembers[layer[i]]++;
    age[i] = (byte) ageBand(m.profile().birthDate());
    ageMembers[age[i]]++;
    for (String a : settings.attributes()) {
      String v = m.profile().attributes().get(a);
      if (v != null) {
        attributes.merge(a + "=" + v, 1L, Long::sum);
      }
    }
    for (String type : m.buyer().types()) {
      types.merge(type, 1L, Long::sum);
    }
    Activity a = m.activity();
    LocalDate last = a.lastPurchase() == null || a.lastPurchase().isBefore(m.card().issuedOn())
        ? m.card().issuedOn() : a.lastPurchase();
    if (monthEnd.toEpochDay() - last.toEpochDay() >= settings.deadCardDays()) {
      dead++;
    }
    if (a.purchases() >= 2 && a.firstPurchase() != null && a.lastPurchase() != null) {
      // the member's usual gap is a per-member figure: 2 decimals, rounded once (620 days over
      // 9 gaps is 68.89); the average is rounded once more from these
      gapSum += BigDecimal.valueOf(a.lastPurchase().toEpochDay() - a.firstPurchase().toEpochDay())
          .divide(BigDecimal.valueOf(a.purchases() - 1), 2, RoundingMode.HALF_UP)
          .unscaledValue().longValueExact();
      gapCount++;
    }
  }

  private void fit(int i) {
    purchases = MemberIndex.fit(purchases, i);
    units = MemberIndex.fit(units, i);
    spend = MemberIndex.fit(spend, i);
    tier = MemberIndex.fit(tier, i);
    layer = MemberIndex.fit(layer, i);
    age = MemberIndex.fit(age, i);
    isNew = MemberIndex.fit(isNew, i);
  }

  private int tierPosition(String code) {
    List<Tier> tiers = programme.tiers();
    for (int t = 0; t < tiers.size(); t++) {
      if (tiers.get(t).code().equals(code)) {
        return t;
      }
    }
    throw new InvalidValueException("state.card.tier", code, "is not a tier of programme "
        + programme.id());
  }

  private int ageBand(@Nullable LocalDate birth) {
    List<Integer> bands = settings.ageBands();
    if (birth == null || birth.isAfter(monthEnd)) {
      return bands.size() + 1;
    }
    int years = Period.between(birth, monthEnd).getYears();
    for (int b = 0; b < bands.size(); b++) {
      if (years < bands.get(b)) {
        return b;
      }
    }
    return bands.size();
  }

  // ------------------------------------------------------------------ transactions

  private void transaction(MemberTransaction mt) {
    if (!mt.isSale() && !mt.isReturn()) {
      return;
    }
    if (!YearMonth.from(mt.date(programme.timeZone())).equals(month)) {
      skipped++;
      return;
    }
    int i = index.indexOf(mt.memberId());
    if (i < 0) {
      skipped++;
      return;
    }
    Money amount = Objects.requireNonNull(mt.amount(), "a sale's or return's amount");
    if (!amount.currency().equals(currency)) {
      throw new InvalidValueException("transaction " + mt.transaction().id(), amount,
          "is not in " + currency.getCurrencyCode() + ", the programme's currency");
    }
    if (mt.isReturn() && !ofThisMonthsGoods(mt)) {
      // goods bought in an earlier month (or on a date not given): a line of their own, so the
      // month's spend, units, categories and shares are the month's goods only
      earlierReturns++;
      earlierReturnedUnits += mt.transaction().itemCount();
      earlierRefunds += Figures.minor(amount);
      return;
    }
    int sign = mt.isSale() ? 1 : -1;
    spend[i] += sign * Figures.minor(amount);
    units[i] += sign * mt.transaction().itemCount();
    Set<String> seen = mt.isSale() ? new HashSet<>(4) : Set.of();
    for (Line line : mt.transaction().lines()) {
      String c = line.category() == null || line.category().isBlank() ? NONE : line.category();
      long[] figures = categories.computeIfAbsent(c, k -> new long[3]);
      if (mt.isSale() && seen.add(c)) {
        figures[0]++;
      }
      figures[1] += (long) sign * line.quantity();
      figures[2] += sign * Figures.minor(line.amount());
    }
    if (mt.isSale()) {
      purchases[i]++;
    }
  }

  /** Whether a return's goods were bought in the month reviewed (its sale's date says so). */
  private boolean ofThisMonthsGoods(MemberTransaction mt) {
    var sold = mt.transaction().originalSaleTime();
    return sold != null && YearMonth.from(sold.atZone(programme.timeZone())).equals(month);
  }

  // ------------------------------------------------------------------ the review

  private MonthlyReview assemble() {
    int n = index.size();
    List<Tier> ladder = programme.tiers();
    long[][] tierSums = new long[ladder.size()][4];
    long[][] layerSums = new long[4][4];
    long[][] ageSums = new long[ageMembers.length][4];
    long[][] newOldSums = new long[2][4];
    long buyers = 0;
    long allPurchases = 0;
    long allUnits = 0;
    long allSpend = 0;
    long[] positive = new long[Math.max(1, n)];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      // a buyer kept goods paid for in the month; a member whose sales were all returned in the
      // month (or who paid nothing) bought nothing: no purchase, units or spend in any section
      boolean bought = purchases[i] > 0 && spend[i] > 0;
      if (!bought) {
        purchases[i] = 0;
        units[i] = 0;
        spend[i] = 0;
      }
      buyers += bought ? 1 : 0;
      allPurchases += purchases[i];
      allUnits += units[i];
      allSpend += spend[i];
      add(tierSums[tier[i]], bought, i);
      add(layerSums[layer[i]], bought, i);
      add(ageSums[age[i]], bought, i);
      add(newOldSums[isNew[i]], bought, i);
      if (bought) {
        positive[positives++] = spend[i];
      }
    }
    ContributionPyramid pyramid = ContributionPyramid.of(programme.insight().pyramid(),
        currency, positive, positives);
    long top = 0;
    // the pyramid's rule (ContributionPyramid.of sorted the array, highest last)
    int k = Figures.ranked(positives, settings.topShare());
    for (int r = 0; r < k; r++) {
      top += positive[positives - 1 - r];
    }

    List<Group> tiers = new ArrayList<>();
    for (int t = 0; t < ladder.size(); t++) {
      tiers.add(group(ladder.get(t).code(), tierMembers[t], tierSums[t], allSpend,
          MonthlyReview::tiers));
    }
    List<Group> layers = new ArrayList<>();
    String[] layerKeys = {"CASUAL", "MID", "HEAVY", UNCLASSIFIED};
    for (int l = 0; l < 4; l++) {
      layers.add(group(layerKeys[l], layerMembers[l], layerSums[l], allSpend,
          MonthlyReview::layers));
    }
    List<Group> ages = new ArrayList<>();
    List<String> ageKeys = ageKeys();
    for (int b = 0; b < ageMembers.length; b++) {
      ages.add(group(ageKeys.get(b), ageMembers[b], ageSums[b], allSpend,
          MonthlyReview::ageBands));
    }
    List<Group> newAndOld = List.of(
        group("NEW", newOldMembers[0], newOldSums[0], allSpend, MonthlyReview::newAndOld),
        group("EXISTING", newOldMembers[1], newOldSums[1], allSpend, MonthlyReview::newAndOld));

    Money ticket = Figures.average(allSpend, allPurchases, currency, mode);
    BigDecimal itemsPerPurchase = Figures.ratio(allUnits, allPurchases, 2);
    TrendPoint now = new TrendPoint(month, base, newMembers, buyers, allPurchases,
        amount(allSpend), itemsPerPurchase);
    List<TrendPoint> trend = new ArrayList<>();
    if (previous != null) {
      trend.addAll(previous.trend());
    }
    trend.add(now);
    if (trend.size() > settings.trendMonths()) {
      trend = new ArrayList<>(trend.subList(trend.size() - settings.trendMonths(),
          trend.size()));
    }

    return new MonthlyReview(programme.id(), storeId, month, currency.getCurrencyCode(),
        figure(count(base), MonthlyReview::memberBase),
        figure(count(newMembers), MonthlyReview::newMembers),
        figure(count(buyers), MonthlyReview::buyingMembers),
        figure(count(allPurchases), MonthlyReview::purchases),
        figure(orZero(Figures.ratio(allPurchases, buyers, 2)),
            MonthlyReview::purchaseFrequency),
        figure(count(allUnits), MonthlyReview::units),
        figure(orZero(itemsPerPurchase), MonthlyReview::itemsPerPurchase),
        figure(amount(allSpend), MonthlyReview::spend),
        figure(ticket == null ? amount(0) : ticket.amount(), MonthlyReview::averageTicket),
        figure(gapCount == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(gapSum, 2)
            .divide(BigDecimal.valueOf(gapCount), 2, RoundingMode.HALF_UP),
            MonthlyReview::averageDaysBetweenPurchases),
        figure(Figures.share(top, Figures.minor(pyramid.spend())), MonthlyReview::topShare),
        figure(count(dead), MonthlyReview::deadCards),
        figure(Figures.share(dead, base), MonthlyReview::deadCardRate),
        figure(count(earlierReturns), MonthlyReview::earlierSalesReturns),
        figure(count(earlierReturnedUnits), MonthlyReview::earlierSalesReturnedUnits),
        figure(amount(earlierRefunds), MonthlyReview::earlierSalesRefunds),
        newAndOld, categories(), ages, tiers, layers,
        counts(attributes, MonthlyReview::attributes), counts(types, MonthlyReview::buyerTypes),
        pyramid, trend, skipped, settings.topShare(), settings.deadCardDays());
  }

  private void add(long[] sums, boolean bought, int i) {
    sums[0] += bought ? 1 : 0;
    sums[1] += purchases[i];
    sums[2] += units[i];
    sums[3] += spend[i];
  }

  private List<String> ageKeys() {
    List<Integer> bands = settings.ageBands();
    List<String> keys = new ArrayList<>();
    for (int b = 0; b <= bands.size(); b++) {
      if (b == 0) {
        keys.add("under " + bands.get(0));
      } else if (b == bands.size()) {
        keys.add(bands.get(b - 1) + " and over");
      } else {
        keys.add(bands.get(b - 1) + "-" + (bands.get(b) - 1));
      }
    }
    keys.add("unknown");
    return keys;
  }

  private Group group(String key, long members, long[] sums, long allSpend,
      Function<MonthlyReview, List<Group>> before) {
    Group last = null;
    if (previous != null) {
      for (Group g : before.apply(previous)) {
        if (g.key().equals(key)) {
          last = new Group(g.key(), g.members(), g.buyers(), g.purchases(), g.units(),
              g.spend(), g.spendShare(), null);
        }
      }
    }
    return new Group(key, members, sums[0], sums[1], sums[2], amount(sums[3]),
        Figures.share(sums[3], allSpend), last);
  }

  private List<Category> categories() {
    long total = 0;
    for (long[] f : categories.values()) {
      total += f[2];
    }
    List<Category> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : categories.entrySet()) {
      long[] f = e.getValue();
      Money price = f[1] <= 0 ? null : Figures.average(f[2], f[1], currency, mode);
      Category last = null;
      if (previous != null) {
        for (Category c : previous.categories()) {
          if (c.category().equals(e.getKey())) {
            last = new Category(c.category(), c.purchases(), c.units(), c.value(),
                c.valueShare(), c.unitPrice(), null);
          }
        }
      }
      out.add(new Category(e.getKey(), f[0], f[1], amount(f[2]), Figures.share(f[2], total),
          price == null ? null : price.amount(), last));
    }
    out.sort(Comparator.comparing(Category::value).reversed()
        .thenComparing(Category::category));
    return out;
  }

  private List<Count> counts(Map<String, Long> now,
      Function<MonthlyReview, List<Count>> before) {
    Map<String, Long> last = new TreeMap<>();
    if (previous != null) {
      for (Count c : before.apply(previous)) {
        last.put(c.key(), c.members());
      }
    }
    TreeMap<String, Count> out = new TreeMap<>();
    now.forEach((k, v) -> out.put(k, new Count(k, v, previous == null ? null
        : last.getOrDefault(k, 0L))));
    if (previous != null) {
      last.forEach((k, v) -> out.putIfAbsent(k, new Count(k, 0, v)));
    }
    return List.copyOf(out.values());
  }

  private Figure figure(BigDecimal value, Function<MonthlyReview, Figure> before) {
    if (previous == null) {
      return new Figure(value, null, null);
    }
    BigDecimal last = before.apply(previous).value();
    return new Figure(value, last, value.subtract(last));
  }

  private BigDecimal amount(long minor) {
    return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
  }

  private static BigDecimal count(long n) {
    return BigDecimal.valueOf(n);
  }

  private static BigDecimal orZero(@Nullable BigDecimal ratio) {
    return ratio == null ? BigDecimal.ZERO : ratio;
  }
}
