package io.github.loyaltyrules.tables.internal;

import static io.github.loyaltyrules.tables.internal.Column.AMOUNT_OFF;
import static io.github.loyaltyrules.tables.internal.Column.CATEGORY;
import static io.github.loyaltyrules.tables.internal.Column.FACTOR;
import static io.github.loyaltyrules.tables.internal.Column.FLOOR;
import static io.github.loyaltyrules.tables.internal.Column.FROM;
import static io.github.loyaltyrules.tables.internal.Column.GROUP;
import static io.github.loyaltyrules.tables.internal.Column.ID;
import static io.github.loyaltyrules.tables.internal.Column.MARKDOWN_MINIMUM;
import static io.github.loyaltyrules.tables.internal.Column.NOTE;
import static io.github.loyaltyrules.tables.internal.Column.POINTS_PER_UNIT;
import static io.github.loyaltyrules.tables.internal.Column.PRIORITY;
import static io.github.loyaltyrules.tables.internal.Column.RATE;
import static io.github.loyaltyrules.tables.internal.Column.REASON;
import static io.github.loyaltyrules.tables.internal.Column.SKU;
import static io.github.loyaltyrules.tables.internal.Column.STACKS;
import static io.github.loyaltyrules.tables.internal.Column.STOPS_LATER;
import static io.github.loyaltyrules.tables.internal.Column.TAG;
import static io.github.loyaltyrules.tables.internal.Column.TIER;
import static io.github.loyaltyrules.tables.internal.Column.TIER_AT_LEAST;
import static io.github.loyaltyrules.tables.internal.Column.TIER_TO;
import static io.github.loyaltyrules.tables.internal.Column.TO;
import static io.github.loyaltyrules.tables.internal.Column.UNIT_PRICE;
import static io.github.loyaltyrules.tables.internal.Column.WEEKDAY;
import static io.github.loyaltyrules.tables.internal.Column.WINDOW_SPEND_AT_LEAST;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The decisions a rule table can make, each with its phase, the line fact its rows match (if
 * any), and its columns: the ones every row must fill and the ones it may. Not API. Immutable,
 * thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public enum TableDecision {
  PROMOTION_RATE("PromotionRate", "pricing", "SaleLine", EnumSet.of(RATE),
      EnumSet.of(ID, GROUP, STACKS, FLOOR, PRIORITY, STOPS_LATER, MARKDOWN_MINIMUM)),
  LINE_AMOUNT_OFF("LineAmountOff", "pricing", "SaleLine", EnumSet.noneOf(Column.class),
      EnumSet.of(ID, AMOUNT_OFF, UNIT_PRICE)),
  NO_MEMBER_RATE("NoMemberRate", "pricing", "SaleLine", EnumSet.of(REASON),
      EnumSet.noneOf(Column.class)),
  POINTS_FACTOR("PointsFactor", "points", "PaidLine", EnumSet.of(FACTOR),
      EnumSet.of(ID, PRIORITY)),
  POINTS_BONUS("PointsBonus", "points", "PaidLine", EnumSet.of(POINTS_PER_UNIT),
      EnumSet.of(ID)),
  NO_POINTS("NoPoints", "points", "PaidLine", EnumSet.of(REASON), EnumSet.noneOf(Column.class)),
  NO_TIER_SPEND("NoTierSpend", "points", "PaidLine", EnumSet.of(REASON),
      EnumSet.noneOf(Column.class)),
  QUALIFY_FOR("QualifyFor", "tiers", null, EnumSet.of(TIER_TO, WINDOW_SPEND_AT_LEAST),
      EnumSet.of(REASON));

  /** The phases of an evaluation, in order (docs/RULES.md). */
  public static final List<String> PHASES = List.of("reviews", "cards", "pricing", "points",
      "tiers", "follow-ups");

  private final String title;
  private final String phase;
  private final @Nullable String lineFact;
  private final Set<Column> required;
  private final Set<Column> columns;

  TableDecision(String title, String phase, @Nullable String lineFact, Set<Column> required,
      Set<Column> optional) {
    this.title = title;
    this.phase = phase;
    this.lineFact = lineFact;
    this.required = Collections.unmodifiableSet(EnumSet.copyOf(required));
    // every decision takes the conditions on the day and the member; a line's, those on it
    EnumSet<Column> all = EnumSet.of(FROM, TO, WEEKDAY, TIER, TIER_AT_LEAST,
        WINDOW_SPEND_AT_LEAST);
    if (lineFact != null) {
      all.addAll(EnumSet.of(CATEGORY, SKU, TAG));
    }
    all.addAll(required);
    all.addAll(optional);
    all.add(NOTE);
    this.columns = Collections.unmodifiableSet(all);
  }

  /** The decision's name as a table writes it, e.g. {@code PromotionRate}. */
  public String title() {
    return title;
  }

  /** The phase (ruleflow-group) that decides it. */
  public String phase() {
    return phase;
  }

  /** The fact of the line its rows match, {@code SaleLine} or {@code PaidLine}; null if none. */
  public @Nullable String lineFact() {
    return lineFact;
  }

  /** The columns every row must fill. */
  public Set<Column> required() {
    return required;
  }

  /** Every column it takes, in the order of {@link Column}. */
  public Set<Column> columns() {
    return columns;
  }

  /** Its columns' headers, for messages: {@code when category, when sku, ...}. */
  public String columnList() {
    List<String> out = new ArrayList<>();
    for (Column c : columns) {
      out.add(c.header());
    }
    return String.join(", ", out);
  }

  /** The decision named {@code title} exactly, or null. */
  public static @Nullable TableDecision byTitle(String title) {
    for (TableDecision d : values()) {
      if (d.title.equals(title)) {
        return d;
      }
    }
    return null;
  }

  /** Every decision's title, for messages. */
  public static String titles() {
    List<String> out = new ArrayList<>();
    for (TableDecision d : values()) {
      out.add(d.title);
    }
    return String.join(", ", out);
  }
}
