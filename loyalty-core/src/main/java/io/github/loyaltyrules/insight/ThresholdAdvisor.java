package io.github.loyaltyrules.insight;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.insight.ThresholdAdvice.Suggestion;
import io.github.loyaltyrules.insight.ThresholdAdvice.TierAdvice;
import io.github.loyaltyrules.insight.internal.Figures;
import io.github.loyaltyrules.insight.internal.MemberIndex;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.MemberState;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.InsightPolicy;
import io.github.loyaltyrules.programme.Programme;
import io.github.loyaltyrules.programme.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handbooks' method for setting tier thresholds from the store's own figures (DOMAIN.md §1,
 * "Choosing your own thresholds"), over a period of sales:
 * <ol>
 *   <li>the base line = average unit price × items per purchase (the attach rate, 连带率);</li>
 *   <li>the entry threshold = the base line plus the growth wanted, 15 % to 30 %
 *       ({@code insight.advisor.growthLow}, {@code growthHigh});</li>
 *   <li>for each tier, the average purchase of the tier's members plus the same growth, shown
 *       with the tier's share of the members and of the spend.</li>
 * </ol>
 * Each suggestion stands next to the programme's current threshold, and a tier above the base
 * that holds more than half the card holders ({@code insight.advisor.crowdedShare}) is flagged:
 * when everybody holds a card the honour is gone. The advisor suggests; it never changes a
 * programme.
 *
 * <p>The method gives amounts per purchase; a programme that counts spend over a quarter (the
 * seeds' ladder) compares them with its thresholds through the purchases per member, which the
 * advice shows too (spend per member). Only sales count: returns are left out, as the method is
 * about what a purchase looks like. A member's tier is the one their state holds now.
 *
 * <p>On a ladder by points ({@code qualification.basis} POINTS) each suggestion also gives the
 * tier's qualifying points now and its range in points, at the programme's points per unit
 * paid ({@code points.perUnit}), before multipliers and bonuses; a warning says so.
 *
 * <p>Members are read first, then the sales, each once, in one pass: memory grows with the
 * number of members (an index and one byte each), never with the number of sales.
 *
 * <p>Thread-safety: stateless; every method is thread-safe.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public final class ThresholdAdvisor {
  private static final Logger LOG = LoggerFactory.getLogger(ThresholdAdvisor.class);

  private ThresholdAdvisor() {}

  /** Advice for {@code programme} from its {@code members} and their sales of a period. */
  public static ThresholdAdvice advise(Programme programme, Stream<MemberState> members,
      Stream<MemberTransaction> transactions) {
    Check.notNull("members", members);
    Check.notNull("transactions", transactions);
    return advise(programme, members.iterator(), transactions.iterator());
  }

  /** Advice for {@code programme} from its {@code members} and their sales of a period. */
  public static ThresholdAdvice advise(Programme programme, Iterator<MemberState> members,
      Iterator<MemberTransaction> transactions) {
    Check.notNull("programme", programme);
    Check.notNull("members", members);
    Check.notNull("transactions", transactions);
    List<Tier> ladder = programme.tiers();
    Currency currency = programme.currency();
    RoundingMode mode = programme.pricing().roundingMode();
    InsightPolicy.Advisor settings = programme.insight().advisor();

    MemberIndex index = new MemberIndex();
    byte[] tierOf = new byte[1024];
    long[] membersIn = new long[ladder.size()];
    long withoutCard = 0;
    while (members.hasNext()) {
      MemberState m = members.next();
      int i = index.add(m.memberId());
      tierOf = MemberIndex.fit(tierOf, i);
      int t = m.tier() == null ? -1 : position(ladder, m.tier());
      tierOf[i] = (byte) t;
      if (t < 0) {
        withoutCard++;
      } else {
        membersIn[t]++;
      }
    }

    long purchases = 0;
    long units = 0;
    long spend = 0;
    long others = 0;
    long[] tierPurchases = new long[ladder.size()];
    long[] tierSpend = new long[ladder.size()];
    LocalDate from = null;
    LocalDate to = null;
    while (transactions.hasNext()) {
      MemberTransaction mt = transactions.next();
      if (!mt.isSale()) {
        continue;
      }
      Money paid = Objects.requireNonNull(mt.amount(), "a sale's amount");
      if (!paid.currency().equals(currency)) {
        throw new InvalidValueException("transaction " + mt.transaction().id(), paid,
            "is not in " + currency.getCurrencyCode() + ", the programme's currency");
      }
      long amount = Figures.minor(paid);
      purchases++;
      units += mt.transaction().itemCount();
      spend += amount;
      LocalDate d = mt.date(programme.timeZone());
      from = from == null || d.isBefore(from) ? d : from;
      to = to == null || d.isAfter(to) ? d : to;
      int i = index.indexOf(mt.memberId());
      if (i < 0) {
        others++;
      } else if (tierOf[i] >= 0) {
        tierPurchases[tierOf[i]]++;
        tierSpend[tierOf[i]] += amount;
      }
    }

    Money averageUnitPrice = Figures.average(spend, units, currency, mode);
    BigDecimal itemsPerPurchase = Figures.ratio(units, purchases, 2);
    Money baseLine = averageUnitPrice == null || itemsPerPurchase == null ? null
        : averageUnitPrice.times(itemsPerPurchase, mode);
    long cardHolders = index.size() - withoutCard;

    List<TierAdvice> tiers = new ArrayList<>(ladder.size());
    List<String> warnings = new ArrayList<>();
    for (int t = 0; t < ladder.size(); t++) {
      Tier tier = ladder.get(t);
      Money current = Money.of(tier.qualifyingSpend(), currency);
      Money average = Figures.average(tierSpend[t], tierPurchases[t], currency, mode);
      Suggestion suggestion = t == 0 || average == null ? null : suggestion(programme, tier,
          current, average, Figures.grown(average, settings.growthLow(), mode),
          Figures.grown(average, settings.growthHigh(), mode));
      BigDecimal memberShare = Figures.share(membersIn[t], cardHolders);
      boolean crowded = t > 0 && memberShare.compareTo(settings.crowdedShare()) > 0;
      if (crowded) {
        warnings.add(tier.code() + " holds " + Figures.percent(memberShare) + " of the card"
            + " holders, more than " + Figures.percent(settings.crowdedShare()) + ": when"
            + " everybody holds a card the honour is gone; raise its threshold or add a tier");
      }
      tiers.add(new TierAdvice(tier.code(), tier.name(), membersIn[t], memberShare,
          tierPurchases[t], Figures.money(tierSpend[t], currency),
          Figures.share(tierSpend[t], spend), average,
          Figures.average(tierSpend[t], membersIn[t], currency, mode), suggestion, crowded));
    }
    Suggestion entry = null;
    if (baseLine != null && ladder.size() > 1) {
      Tier first = ladder.get(1);
      entry = suggestion(programme, first, Money.of(first.qualifyingSpend(), currency),
          baseLine, Figures.grown(baseLine, settings.growthLow(), mode),
          Figures.grown(baseLine, settings.growthHigh(), mode));
    }
    if (purchases == 0) {
      warnings.add("no sales in the period: nothing to suggest");
    }
    if (programme.qualification().byPoints()) {
      warnings.add("the programme qualifies on points: each suggestion is also given in points"
          + " at " + programme.points().perUnit().stripTrailingZeros().toPlainString()
          + " per unit paid, before the tiers' and the programme's multipliers and bonuses");
    }
    if (others > 0) {
      warnings.add(others + (others == 1 ? " sale is" : " sales are")
          + " of members not in the member stream: they count in the"
          + " base line but in no tier");
    }
    LOG.debug("threshold advice for programme {}: {} members, {} purchases", programme.id(),
        index.size(), purchases);
    return new ThresholdAdvice(programme.id(), from, to, purchases, units,
        Figures.money(spend, currency), averageUnitPrice, itemsPerPurchase, baseLine,
        settings.growthLow(), settings.growthHigh(), entry, tiers, withoutCard, others,
        warnings);
  }

  /**
   * A suggestion for {@code tier}; on a ladder by points with its figures in points too, at the
   * programme's points per unit paid, rounded down.
   */
  private static Suggestion suggestion(Programme programme, Tier tier, Money current,
      Money basis, @Nullable Money low, @Nullable Money high) {
    if (!programme.qualification().byPoints()) {
      return new Suggestion(tier.code(), current, basis, low, high);
    }
    BigDecimal perUnit = programme.points().perUnit();
    return new Suggestion(tier.code(), current, basis, low, high, tier.qualifyingPoints(),
        low == null ? null : low.amount().multiply(perUnit)
            .setScale(0, RoundingMode.DOWN).longValueExact(),
        high == null ? null : high.amount().multiply(perUnit)
            .setScale(0, RoundingMode.DOWN).longValueExact());
  }

  private static int position(List<Tier> ladder, String code) {
    for (int i = 0; i < ladder.size(); i++) {
      if (ladder.get(i).code().equals(code)) {
        return i;
      }
    }
    throw new InvalidValueException("state.card.tier", code,
        "is not a tier of the programme; known tiers: " + ladder.stream().map(Tier::code)
            .toList());
  }
}
