package io.github.loyaltyrules.insight;

import io.github.loyaltyrules.insight.internal.Figures;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Money;
import io.github.loyaltyrules.programme.InsightPolicy;
import io.github.loyaltyrules.programme.Programme;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The store's members by contribution (DOMAIN.md §5, the customer pyramid): the members who
 * bought, ranked by what they spent, cut into platinum, gold, iron and lead by the programme's
 * shares of members ({@code insight.pyramid}: 10 %, 10 %, 30 % and the rest by default). Each
 * level shows its members and its share of the spend, so the 80/20 of the handbooks can be read
 * off: platinum and gold together are the top fifth.
 *
 * <p>Level sizes: each level ends where the cumulative share of the ranked members ends, rounded
 * half up to whole members, but holds at least one member while there are members left (with 10
 * members and 10 %, 10 %, 30 %: 1, 1, 3 and 5; with 4: 1, 1, 1 and 1; with 2: 1, 1, 0 and 0;
 * with 1: 1, 0, 0 and 0), so the levels always add up to the members and the top member is
 * always platinum. The review's top 10 % share counts its members by the same rule, so with
 * the same share it is platinum's share of the spend. Members with equal spend on a level's edge
 * fall on either side; the levels' spend is the same either way. Spend shares are 4 decimals,
 * half up, each rounded on its own.
 *
 * <p>Memory: one {@code long} per member who bought.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param members members who bought (spend above zero)
 * @param spend what they spent together
 * @param levels platinum, gold, iron and lead, top first
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record ContributionPyramid(long members, Money spend, List<Level> levels) {

  /** The pyramid's levels, top first. Thread-safety: an enum, immutable and safe to share. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public enum LevelName {
    /** A: the top contributors (白金层). */
    PLATINUM,
    /** B: large users who want more discounts (黄金层). */
    GOLD,
    /** C: the middle (钢铁层). */
    IRON,
    /** D: the rest (重铅层). */
    LEAD
  }

  /**
   * One level of the pyramid.
   *
   * @param name the level
   * @param memberShare the share of the ranked members the programme puts in it
   * @param members members in it
   * @param spend what they spent
   * @param spendShare that spend's share of all members' spend
   * @param lowest the least a member of the level spent; null when it is empty
   *
   * <p>Thread-safety: immutable, safe to share.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.5")
  public record Level(LevelName name, BigDecimal memberShare, long members, Money spend,
      BigDecimal spendShare, @Nullable Money lowest) {}

  public ContributionPyramid {
    Check.notNull("pyramid.spend", spend);
    levels = Check.list("pyramid.levels", levels);
  }

  /** The pyramid of {@code spendPerMember} (one amount per member) under {@code programme}. */
  public static ContributionPyramid of(Programme programme, Stream<Money> spendPerMember) {
    Check.notNull("programme", programme);
    Check.notNull("spendPerMember", spendPerMember);
    long[] minor = new long[64];
    int n = 0;
    for (Iterator<Money> it = spendPerMember.iterator(); it.hasNext(); ) {
      Money m = it.next();
      if (m != null && m.isPositive()) {
        if (n == minor.length) {
          minor = Arrays.copyOf(minor, n * 2);
        }
        minor[n++] = Figures.minor(m);
      }
    }
    return of(programme.insight().pyramid(), programme.currency(), minor, n);
  }

  /**
   * The pyramid of the first {@code count} amounts of {@code minor} (minor units, the positive
   * ones count); sorts that part of the array. For the library's reports.
   */
  @API(status = API.Status.INTERNAL, since = "0.5")
  public static ContributionPyramid of(InsightPolicy.Pyramid shares, Currency currency,
      long[] minor, int count) {
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (minor[i] > 0) {
        minor[n++] = minor[i];
      }
    }
    Arrays.sort(minor, 0, n);
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += minor[i];
    }
    BigDecimal[] cut = {shares.platinum(), shares.gold(), shares.iron(), shares.lead()};
    LevelName[] names = LevelName.values();
    Level[] levels = new Level[4];
    BigDecimal cumulative = BigDecimal.ZERO;
    int taken = 0;
    for (int l = 0; l < 4; l++) {
      cumulative = cumulative.add(cut[l]);
      // at least one member per level while there are members left (Figures.ranked's rule)
      int upTo = l == 3 || taken >= n ? n : Math.max(taken + 1, Figures.ranked(n, cumulative));
      long spend = 0;
      // ranked from the top: the highest amounts sit at the end of the sorted array
      for (int r = taken; r < upTo; r++) {
        spend += minor[n - 1 - r];
      }
      Money lowest = upTo > taken ? Figures.money(minor[n - upTo], currency) : null;
      levels[l] = new Level(names[l], cut[l], upTo - taken, Figures.money(spend, currency),
          Figures.share(spend, total), lowest);
      taken = upTo;
    }
    return new ContributionPyramid(n, Figures.money(total, currency), List.of(levels));
  }
}
