package io.github.loyaltyrules.insight.internal;

import io.github.loyaltyrules.insight.ContributionPyramid;
import io.github.loyaltyrules.insight.MonthlyReview;
import io.github.loyaltyrules.insight.MonthlyReview.Category;
import io.github.loyaltyrules.insight.MonthlyReview.Count;
import io.github.loyaltyrules.insight.MonthlyReview.Figure;
import io.github.loyaltyrules.insight.MonthlyReview.Group;
import io.github.loyaltyrules.insight.MonthlyReview.TrendPoint;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link MonthlyReview} as CSV: one line per figure,
 * {@code section,key,figure,value,previous,change}; numbers as plain decimals, an empty cell for
 * no value; keys quoted when they hold a comma or a quote. Not API. Stateless, thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public final class ReviewCsv {
  private ReviewCsv() {}

  public static String write(MonthlyReview r) {
    StringBuilder out = new StringBuilder("section,key,figure,value,previous,change\n");
    line(out, "review", "", "month", r.month().toString(), null, null);
    line(out, "review", "", "store", r.storeId() == null ? "" : r.storeId(), null, null);
    line(out, "review", "", "currency", r.currency(), null, null);
    for (var e : ReviewFigures.of(r).entrySet()) {
      Figure f = e.getValue();
      line(out, "summary", "", e.getKey(), plain(f.value()), plain(f.previous()),
          plain(f.change()));
    }
    groups(out, "newAndOld", r.newAndOld());
    groups(out, "tiers", r.tiers());
    groups(out, "layers", r.layers());
    groups(out, "ageBands", r.ageBands());
    for (Category c : r.categories()) {
      Category p = c.previous();
      cell(out, "categories", c.category(), "purchases", c.purchases(), p,
          x -> BigDecimal.valueOf(x.purchases()));
      cell(out, "categories", c.category(), "units", c.units(), p,
          x -> BigDecimal.valueOf(x.units()));
      cell(out, "categories", c.category(), "value", c.value(), p, Category::value);
      cell(out, "categories", c.category(), "valueShare", c.valueShare(), p,
          Category::valueShare);
      cell(out, "categories", c.category(), "unitPrice", c.unitPrice(), p,
          Category::unitPrice);
    }
    counts(out, "attributes", r.attributes());
    counts(out, "buyerTypes", r.buyerTypes());
    for (ContributionPyramid.Level l : r.pyramid().levels()) {
      String k = l.name().name();
      line(out, "pyramid", k, "members", Long.toString(l.members()), null, null);
      line(out, "pyramid", k, "spend", plain(l.spend().amount()), null, null);
      line(out, "pyramid", k, "spendShare", plain(l.spendShare()), null, null);
    }
    for (TrendPoint t : r.trend()) {
      String k = t.month().toString();
      line(out, "trend", k, "memberBase", Long.toString(t.memberBase()), null, null);
      line(out, "trend", k, "newMembers", Long.toString(t.newMembers()), null, null);
      line(out, "trend", k, "buyingMembers", Long.toString(t.buyingMembers()), null, null);
      line(out, "trend", k, "purchases", Long.toString(t.purchases()), null, null);
      line(out, "trend", k, "spend", plain(t.spend()), null, null);
      line(out, "trend", k, "itemsPerPurchase", plain(t.itemsPerPurchase()), null, null);
    }
    line(out, "review", "", "transactionsSkipped", Long.toString(r.transactionsSkipped()),
        null, null);
    return out.toString();
  }

  private static void groups(StringBuilder out, String section, List<Group> groups) {
    for (Group g : groups) {
      Group p = g.previous();
      cell(out, section, g.key(), "members", g.members(), p,
          x -> BigDecimal.valueOf(x.members()));
      cell(out, section, g.key(), "buyers", g.buyers(), p, x -> BigDecimal.valueOf(x.buyers()));
      cell(out, section, g.key(), "purchases", g.purchases(), p,
          x -> BigDecimal.valueOf(x.purchases()));
      cell(out, section, g.key(), "units", g.units(), p, x -> BigDecimal.valueOf(x.units()));
      cell(out, section, g.key(), "spend", g.spend(), p, Group::spend);
      cell(out, section, g.key(), "spendShare", g.spendShare(), p, Group::spendShare);
    }
  }

  private static void counts(StringBuilder out, String section, List<Count> counts) {
    for (Count c : counts) {
      BigDecimal now = BigDecimal.valueOf(c.members());
      BigDecimal before = c.previous() == null ? null : BigDecimal.valueOf(c.previous());
      line(out, section, c.key(), "members", plain(now), plain(before),
          before == null ? "" : plain(now.subtract(before)));
    }
  }

  private static <T> void cell(StringBuilder out, String section, String key, String figure,
      long value, @Nullable T previous, Function<T, BigDecimal> of) {
    cell(out, section, key, figure, BigDecimal.valueOf(value), previous, of);
  }

  private static <T> void cell(StringBuilder out, String section, String key, String figure,
      @Nullable BigDecimal value, @Nullable T previous, Function<T, BigDecimal> of) {
    BigDecimal before = previous == null ? null : of.apply(previous);
    line(out, section, key, figure, plain(value), plain(before),
        value == null || before == null ? "" : plain(value.subtract(before)));
  }

  private static void line(StringBuilder out, String section, String key, String figure,
      String value, @Nullable String previous, @Nullable String change) {
    out.append(section).append(',').append(quote(key)).append(',').append(figure).append(',')
        .append(quote(value)).append(',').append(previous == null ? "" : previous).append(',')
        .append(change == null ? "" : change).append('\n');
  }

  private static String plain(@Nullable BigDecimal n) {
    return n == null ? "" : n.toPlainString();
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
