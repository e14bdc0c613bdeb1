package io.github.loyaltyrules.insight.internal;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.github.loyaltyrules.LoyaltyException;
import io.github.loyaltyrules.insight.ContributionPyramid;
import io.github.loyaltyrules.insight.MonthlyReview;
import io.github.loyaltyrules.insight.MonthlyReview.Category;
import io.github.loyaltyrules.insight.MonthlyReview.Count;
import io.github.loyaltyrules.insight.MonthlyReview.Figure;
import io.github.loyaltyrules.insight.MonthlyReview.Group;
import io.github.loyaltyrules.insight.MonthlyReview.TrendPoint;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link MonthlyReview} as one self-contained XHTML page: the Mustache template
 * {@code monthly-review.mustache} lays out the tables and draws the charts as inline SVG from the
 * geometry computed here (bars for tiers and layers, lines for the trend, the pyramid). Nothing
 * is loaded from the network. Each figure's cell carries its JSON value in {@code data-value},
 * so a program can check the page against the review. Not API.
 *
 * <p>Coordinates are computed with {@link BigDecimal} to one decimal, so the same review gives
 * the same page byte for byte. Thread-safety: stateless; the compiled template is shared and
 * thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public final class ReviewPage {
  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory("io/github/loyaltyrules/insight").compile(
          "monthly-review.mustache");
  private static final Set<String> SHARES = Set.of("topShare", "deadCardRate");
  /** Figures that are worse when they rise: their change shows red when up, green when down. */
  private static final Set<String> WORSE_WHEN_UP = Set.of("averageDaysBetweenPurchases",
      "deadCards", "deadCardRate", "earlierSalesReturns", "earlierSalesReturnedUnits",
      "earlierSalesRefunds");
  /** Figures that are neither better nor worse when they rise: no colour. */
  private static final Set<String> NEUTRAL = Set.of("topShare");

  /** Chart area: width, height and the plot's margins, in SVG user units. */
  static final int WIDTH = 640;
  static final int HEIGHT = 260;
  static final int LEFT = 90;
  static final int RIGHT = 40;
  static final int TOP = 20;
  static final int BOTTOM = 50;

  private ReviewPage() {}

  public static String render(MonthlyReview r) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("month", r.month().toString());
    page.put("store", r.storeId() == null ? "every store" : "store " + r.storeId());
    page.put("programme", r.programmeId());
    page.put("currency", r.currency());
    boolean hasPrevious = r.memberBase().previous() != null;
    page.put("previousMonth", hasPrevious ? r.month().minusMonths(1).toString()
        : "no previous review");
    Map<String, String> labels = labels(r);
    List<Map<String, Object>> figures = new ArrayList<>();
    for (var e : ReviewFigures.of(r).entrySet()) {
      figures.add(figure(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey()),
          e.getValue()));
    }
    page.put("figures", figures);
    page.put("monthEnd", r.month().atEndOfMonth().toString());
    page.put("newAndOld", groups(r.newAndOld(), k -> k.equals("NEW")
        ? "New members (cards issued this month)" : "Existing members"));
    page.put("tiers", groups(r.tiers(), k -> k));
    page.put("layers", groups(r.layers(), ReviewPage::layerLabel));
    page.put("ageBands", groups(r.ageBands(), k -> k));
    page.put("categories", categories(r.categories()));
    page.put("attributes", counts(r.attributes()));
    page.put("buyerTypes", counts(r.buyerTypes()));
    page.put("pyramid", pyramid(r.pyramid()));
    page.put("tierChart", bars(r.tiers()));
    page.put("layerChart", bars(r.layers()));
    page.put("spendTrend", line(r.trend(), TrendPoint::spend, true));
    page.put("buyersTrend", line(r.trend(), t -> BigDecimal.valueOf(t.buyingMembers()), false));
    page.put("skipped", r.transactionsSkipped() == 1 ? "1 transaction was"
        : r.transactionsSkipped() + " transactions were");
    StringWriter out = new StringWriter();
    try {
      TEMPLATE.execute(out, page).flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new LoyaltyException("could not render the monthly review page: " + e, e);
    }
    return out.toString();
  }

  // ------------------------------------------------------------------ tables

  private static Map<String, Object> figure(String name, String label, Figure f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", name);
    row.put("label", label);
    row.put("value", plain(f.value()));
    row.put("display", show(name, f.value()));
    row.put("previous", plain(f.previous()));
    row.put("previousDisplay", f.previous() == null ? "–" : show(name, f.previous()));
    row.put("change", plain(f.change()));
    row.put("changeDisplay", f.change() == null ? "–"
        : (f.change().signum() > 0 ? "+" : "") + (SHARES.contains(name)
            ? f.change().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString()
                + " pp" : show(name, f.change())));
    int direction = f.change() == null ? 0 : f.change().signum();
    row.put("direction", direction == 0 ? "flat" : direction > 0 ? "up" : "down");
    // coloured by good or bad, not by up or down: fewer dead cards is good news
    row.put("verdict", direction == 0 || NEUTRAL.contains(name) ? "neutral"
        : (direction > 0) != WORSE_WHEN_UP.contains(name) ? "good" : "bad");
    return row;
  }

  private static String show(String name, BigDecimal v) {
    return SHARES.contains(name) ? percent(v) : grouped(v);
  }

  private static List<Map<String, Object>> groups(List<Group> groups,
      Function<String, String> label) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Group g : groups) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", g.key());
      row.put("label", label.apply(g.key()));
      row.put("members", Long.toString(g.members()));
      row.put("buyers", Long.toString(g.buyers()));
      row.put("purchases", Long.toString(g.purchases()));
      row.put("units", Long.toString(g.units()));
      row.put("spend", plain(g.spend()));
      row.put("spendDisplay", grouped(g.spend()));
      row.put("spendShare", plain(g.spendShare()));
      row.put("spendShareDisplay", percent(g.spendShare()));
      Group p = g.previous();
      row.put("previousSpend", p == null ? "" : plain(p.spend()));
      row.put("previousSpendDisplay", p == null ? "–" : grouped(p.spend()));
      row.put("previousMembers", p == null ? "" : Long.toString(p.members()));
      row.put("previousMembersDisplay", p == null ? "–" : Long.toString(p.members()));
      rows.add(row);
    }
    return rows;
  }

  private static String layerLabel(String key) {
    return switch (key) {
      case "CASUAL" -> "C · casual (散客): raise the items per visit";
      case "MID" -> "B · mid (中型): raise the basket value";
      case "HEAVY" -> "A · heavy (重度): raise both";
      default -> "not yet classified (fewer than three purchases)";
    };
  }

  private static List<Map<String, Object>> categories(List<Category> categories) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Category c : categories) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", c.category());
      row.put("purchases", Long.toString(c.purchases()));
      row.put("units", Long.toString(c.units()));
      row.put("value", plain(c.value()));
      row.put("valueDisplay", grouped(c.value()));
      row.put("valueShare", plain(c.valueShare()));
      row.put("valueShareDisplay", percent(c.valueShare()));
      row.put("unitPrice", plain(c.unitPrice()));
      row.put("unitPriceDisplay", c.unitPrice() == null ? "–" : grouped(c.unitPrice()));
      Category p = c.previous();
      row.put("previousUnits", p == null ? "" : Long.toString(p.units()));
      row.put("previousUnitsDisplay", p == null ? "–" : Long.toString(p.units()));
      row.put("previousUnitPrice", p == null ? "" : plain(p.unitPrice()));
      row.put("previousUnitPriceDisplay", p == null || p.unitPrice() == null ? "–"
          : grouped(p.unitPrice()));
      rows.add(row);
    }
    return rows;
  }

  private static List<Map<String, Object>> counts(List<Count> counts) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Count c : counts) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", c.key());
      row.put("members", Long.toString(c.members()));
      row.put("previous", c.previous() == null ? "" : Long.toString(c.previous()));
      row.put("previousDisplay", c.previous() == null ? "–" : Long.toString(c.previous()));
      rows.add(row);
    }
    return rows;
  }

  // ------------------------------------------------------------------ charts

  private static BigDecimal plotWidth() {
    return BigDecimal.valueOf(WIDTH - LEFT - RIGHT);
  }

  private static BigDecimal plotHeight() {
    return BigDecimal.valueOf(HEIGHT - TOP - BOTTOM);
  }

  /** Grouped bars: this month's spend of each group, and the previous month's beside it. */
  private static Map<String, Object> bars(List<Group> groups) {
    BigDecimal max = BigDecimal.ZERO;
    for (Group g : groups) {
      max = max.max(g.spend());
      if (g.previous() != null) {
        max = max.max(g.previous().spend());
      }
    }
    BigDecimal slot = plotWidth().divide(BigDecimal.valueOf(Math.max(1, groups.size())), 1,
        RoundingMode.HALF_UP);
    BigDecimal barWidth = slot.multiply(new BigDecimal("0.35")).setScale(1, RoundingMode.HALF_UP);
    List<Map<String, Object>> bars = new ArrayList<>();
    List<Map<String, Object>> labels = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      BigDecimal x0 = BigDecimal.valueOf(LEFT).add(slot.multiply(BigDecimal.valueOf(i)));
      bars.add(bar(g.key(), "this", g.spend(), max,
          x0.add(slot.multiply(new BigDecimal("0.12"))), barWidth));
      if (g.previous() != null) {
        bars.add(bar(g.key(), "previous", g.previous().spend(), max,
            x0.add(slot.multiply(new BigDecimal("0.50"))), barWidth));
      }
      Map<String, Object> label = new LinkedHashMap<>();
      label.put("x", plain(x0.add(slot.divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP))));
      label.put("y", Integer.toString(HEIGHT - BOTTOM + 18));
      label.put("text", g.key());
      labels.add(label);
    }
    Map<String, Object> chart = axes(max);
    chart.put("bars", bars);
    chart.put("labels", labels);
    return chart;
  }

  private static Map<String, Object> bar(String key, String series, BigDecimal value,
      BigDecimal max, BigDecimal x, BigDecimal width) {
    BigDecimal h = scaled(value, max);
    Map<String, Object> bar = new LinkedHashMap<>();
    bar.put("key", key);
    bar.put("series", series);
    bar.put("value", plain(value));
    bar.put("display", grouped(value));
    bar.put("x", plain(x.setScale(1, RoundingMode.HALF_UP)));
    bar.put("y", plain(BigDecimal.valueOf(HEIGHT - BOTTOM).subtract(h)));
    bar.put("width", plain(width));
    bar.put("height", plain(h));
    return bar;
  }

  /** {@code value} as a height in the plot: its share of {@code max}; 0 for none or less. */
  private static BigDecimal scaled(BigDecimal value, BigDecimal max) {
    if (max.signum() <= 0 || value.signum() <= 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    return plotHeight().multiply(value).divide(max, 1, RoundingMode.HALF_UP);
  }

  private static Map<String, Object> axes(BigDecimal max) {
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("width", Integer.toString(WIDTH));
    chart.put("height", Integer.toString(HEIGHT));
    chart.put("left", Integer.toString(LEFT));
    chart.put("right", Integer.toString(WIDTH - RIGHT));
    chart.put("top", Integer.toString(TOP));
    chart.put("bottom", Integer.toString(HEIGHT - BOTTOM));
    chart.put("max", plain(max));
    chart.put("maxDisplay", grouped(max));
    return chart;
  }

  /** One line through the months of the trend. */
  private static Map<String, Object> line(List<TrendPoint> trend,
      Function<TrendPoint, BigDecimal> of, boolean amount) {
    BigDecimal max = BigDecimal.ZERO;
    for (TrendPoint t : trend) {
      max = max.max(of.apply(t));
    }
    int n = trend.size();
    BigDecimal step = n < 2 ? BigDecimal.ZERO
        : plotWidth().divide(BigDecimal.valueOf(n - 1L), 1, RoundingMode.HALF_UP);
    StringBuilder points = new StringBuilder();
    List<Map<String, Object>> dots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TrendPoint t = trend.get(i);
      BigDecimal v = of.apply(t);
      BigDecimal x = n < 2 ? BigDecimal.valueOf(LEFT).add(plotWidth().divide(
          BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP))
          : BigDecimal.valueOf(LEFT).add(step.multiply(BigDecimal.valueOf(i)));
      BigDecimal y = BigDecimal.valueOf(HEIGHT - BOTTOM).subtract(scaled(v, max));
      points.append(points.length() == 0 ? "" : " ").append(plain(x.setScale(1,
          RoundingMode.HALF_UP))).append(',').append(plain(y));
      Map<String, Object> dot = new LinkedHashMap<>();
      dot.put("month", t.month().toString());
      dot.put("value", plain(v));
      dot.put("display", amount ? grouped(v) : plain(v));
      dot.put("x", plain(x.setScale(1, RoundingMode.HALF_UP)));
      dot.put("y", plain(y));
      dot.put("labelY", Integer.toString(HEIGHT - BOTTOM + 18));
      dots.add(dot);
    }
    Map<String, Object> chart = axes(max);
    chart.put("points", points.toString());
    chart.put("dots", dots);
    return chart;
  }

  /**
   * The pyramid's levels as the page names them: the handbooks' gold level (黄金层) is bronze here,
   * so that it is not taken for a GOLD tier on the same page.
   */
  static String levelLabel(ContributionPyramid.LevelName name) {
    return switch (name) {
      case PLATINUM -> "A · platinum";
      case GOLD -> "B · bronze";
      case IRON -> "C · iron";
      case LEAD -> "D · lead";
    };
  }

  /** "1 member", "2 members". */
  static String members(long n) {
    return n == 1 ? "1 member" : n + " members";
  }

  /**
   * The pyramid: four stacked trapezoids, platinum on top, each wider than the one above. The
   * top one is wide enough for its two lines of label at the page's 13 px (the browser test
   * measures them).
   */
  private static Map<String, Object> pyramid(ContributionPyramid p) {
    List<Map<String, Object>> levels = new ArrayList<>();
    int height = 56;
    int centre = WIDTH / 2;
    int first = 100;
    int step = 50;
    for (int i = 0; i < p.levels().size(); i++) {
      ContributionPyramid.Level l = p.levels().get(i);
      int topHalf = first + step * i;
      int bottomHalf = first + step * (i + 1);
      int y0 = TOP + height * i;
      int y1 = y0 + height;
      Map<String, Object> level = new LinkedHashMap<>();
      level.put("name", l.name().name());
      level.put("label", levelLabel(l.name()));
      level.put("members", Long.toString(l.members()));
      level.put("membersDisplay", members(l.members()));
      level.put("memberShare", plain(l.memberShare()));
      level.put("memberShareDisplay", percent(l.memberShare()));
      level.put("spend", plain(l.spend().amount()));
      level.put("spendDisplay", grouped(l.spend().amount()));
      level.put("spendShare", plain(l.spendShare()));
      level.put("spendShareDisplay", percent(l.spendShare()));
      level.put("points", (centre - topHalf) + "," + y0 + " " + (centre + topHalf) + "," + y0
          + " " + (centre + bottomHalf) + "," + y1 + " " + (centre - bottomHalf) + "," + y1);
      level.put("textX", Integer.toString(centre));
      level.put("textY", Integer.toString(y0 + 24));
      level.put("text2Y", Integer.toString(y0 + 43));
      level.put("shade", Integer.toString(i));
      levels.add(level);
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("width", Integer.toString(WIDTH));
    chart.put("height", Integer.toString(TOP + height * 4 + 10));
    chart.put("levels", levels);
    chart.put("members", Long.toString(p.members()));
    chart.put("membersDisplay", members(p.members()));
    chart.put("spend", plain(p.spend().amount()));
    chart.put("spendDisplay", grouped(p.spend().amount()));
    return chart;
  }

  // ------------------------------------------------------------------ numbers

  private static String plain(@Nullable BigDecimal n) {
    return n == null ? "" : n.toPlainString();
  }

  /** Thousands separated by commas, decimals as they are: 12345.60 → 12,345.60. */
  static String grouped(BigDecimal n) {
    String s = n.toPlainString();
    boolean negative = s.startsWith("-");
    String digits = negative ? s.substring(1) : s;
    int dot = digits.indexOf('.');
    String whole = dot < 0 ? digits : digits.substring(0, dot);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        out.append(',');
      }
      out.append(whole.charAt(i));
    }
    return (negative ? "-" : "") + out + (dot < 0 ? "" : digits.substring(dot));
  }

  /** A share as a percentage with two decimals: 0.6250 → 62.50 %. */
  static String percent(BigDecimal share) {
    return share == null ? "–" : share.movePointRight(2).setScale(2, RoundingMode.HALF_UP)
        .toPlainString() + " %";
  }

  private static Map<String, String> labels(MonthlyReview r) {
    String top = r.topBuyers().movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    String days = r.deadCardDays() + " days";
    Map<String, String> l = new LinkedHashMap<>();
    l.put("memberBase", "Member base (基础量)");
    l.put("newMembers", "New members (新增量)");
    l.put("buyingMembers", "Members who bought");
    l.put("purchases", "Purchases");
    l.put("purchaseFrequency", "Purchases per buying member (购买频率)");
    l.put("units", "Units bought");
    l.put("itemsPerPurchase", "Items per purchase (连带率, 单次购买量)");
    l.put("spend", "Spend");
    l.put("averageTicket", "Average ticket (客单价)");
    l.put("averageDaysBetweenPurchases", "Days between purchases (购买间隔天数)");
    l.put("topShare", "Top " + top + " of buyers: their share of spend (贡献率)");
    l.put("deadCards", "Dead cards: no purchase for " + days + " or more");
    l.put("deadCardRate", "Dead-card rate (死卡率): no purchase for " + days + " or more");
    l.put("earlierSalesReturns", "Returns of earlier months' goods");
    l.put("earlierSalesReturnedUnits", "Units returned of earlier months' goods");
    l.put("earlierSalesRefunds", "Refunded for earlier months' goods");
    return l;
  }
}
