package io.github.loyaltyrules.tables.internal;

import java.util.Locale;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Every column a rule table may have: its header text, whether it is a condition
 * ({@code when ...}), what a cell holds and how to write it. Which decision takes which columns
 * is {@link TableDecision}'s. Not API. Immutable, thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public enum Column {
  // ---- conditions: an empty cell means "any"
  CATEGORY("when category", Type.CODES,
      "write the line's category code as the till sends it, e.g. KNITWEAR; several separated by"
          + " |, e.g. KNITWEAR|COATS"),
  SKU("when sku", Type.CODES,
      "write the SKU as the till sends it; several separated by |"),
  TAG("when tag", Type.CODES,
      "write a line tag as the till sends it, e.g. NEW_ARRIVAL; several separated by | (a line"
          + " with any of them)"),
  FROM("when from", Type.DATE,
      "write the first day as year-month-day, e.g. 2026-05-11"),
  TO("when to", Type.DATE,
      "write the last day as year-month-day, e.g. 2026-05-17"),
  WEEKDAY("when weekday", Type.WEEKDAYS,
      "write MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY in capitals;"
          + " several separated by |, e.g. SATURDAY|SUNDAY"),
  TIER("when tier", Type.TIERS,
      "write the tier's code as the programme names it, in capitals, e.g. GOLD; several"
          + " separated by |, e.g. GOLD|DIAMOND"),
  TIER_AT_LEAST("when tier at least", Type.TIER,
      "write one tier's code as the programme names it, in capitals, e.g. SILVER (silver and"
          + " every tier above it)"),
  WINDOW_SPEND_AT_LEAST("when window spend at least", Type.MONEY,
      "write the spend in the qualification window with two decimals, e.g. 3000.00 (no"
          + " currency sign, no thousands separator)"),

  // ---- the decision: an empty cell means the decision's default
  ID("then id", Type.ID,
      "write a short name without quotes, e.g. knit-week; the receipt shows it"),
  RATE("then rate", Type.PERCENT,
      "write the share of the price the customer pays with a % sign, from 0% to under 100%,"
          + " e.g. 80% for 20 % off (8折)"),
  GROUP("then group", Type.ID,
      "write a short name without quotes, e.g. weekly; rows of one group exclude each other"),
  STACKS("then stacks", Type.YES_NO,
      "write yes (on top of the member rate) or no (competes with it: the lower price wins)"),
  FLOOR("then floor", Type.PERCENT,
      "write the least share of the list price the line may cost with a % sign, from 0% to"
          + " 100%, e.g. 70%"),
  PRIORITY("then priority", Type.INTEGER,
      "write a whole number, e.g. 10; among equal rates the higher goes first"),
  STOPS_LATER("then stops later ones", Type.YES_NO,
      "write yes (the promotions after it on the line do not apply) or no"),
  MARKDOWN_MINIMUM("then markdown minimum", Type.PERCENT,
      "write the least share of the list price a marked-down line must still cost for the"
          + " promotion to apply, with a % sign, from 0% to 100%, e.g. 80%; 0% for any"
          + " markdown"),
  AMOUNT_OFF("then amount off", Type.MONEY,
      "write the amount off each unit with two decimals, e.g. 20.00 (no currency sign)"),
  UNIT_PRICE("then unit price", Type.MONEY,
      "write the price of each unit with two decimals, e.g. 39.00 (no currency sign)"),
  FACTOR("then factor", Type.FACTOR,
      "write the points factor as a plain number over 0, e.g. 2 for double points or 1.5"),
  POINTS_PER_UNIT("then points per unit", Type.POINTS,
      "write the bonus points for each unit as a whole number, at least 1, e.g. 50"),
  TIER_TO("then tier", Type.TIER,
      "write the code of the tier the member qualifies for, in capitals, e.g. SILVER"),
  REASON("then reason", Type.TEXT,
      "write the reason on one line, e.g. cosmetics carry no member rate"),

  // ---- for people: in the rule's name, nothing else
  NOTE("note", Type.TEXT, "write the note on one line");

  /** What a cell of a column holds. Immutable, thread-safe. */
  public enum Type {
    /** Codes as the till sends them, several separated by {@code |}. */
    CODES,
    /** A short name, no quotes or backslashes. */
    ID,
    /** Free text on one line. */
    TEXT,
    /** An ISO date, {@code 2026-05-11}. */
    DATE,
    /** Days of the week in capitals, several separated by {@code |}. */
    WEEKDAYS,
    /** Tier codes in capitals, several separated by {@code |}. */
    TIERS,
    /** One tier code in capitals. */
    TIER,
    /** An amount with two decimals, {@code 20.00}. */
    MONEY,
    /** A percentage with a % sign, {@code 80%}. */
    PERCENT,
    /** A plain number over 0, {@code 1.5}. */
    FACTOR,
    /** A whole number of points, at least 1. */
    POINTS,
    /** A whole number, may be negative. */
    INTEGER,
    /** {@code yes} or {@code no}. */
    YES_NO
  }

  private final String header;
  private final Type type;
  private final String hint;

  Column(String header, Type type, String hint) {
    this.header = header;
    this.type = type;
    this.hint = hint;
  }

  /** The header cell, e.g. {@code when category}. */
  public String header() {
    return header;
  }

  /** What a cell holds. */
  public Type type() {
    return type;
  }

  /** How to write a cell, for messages. */
  public String hint() {
    return hint;
  }

  /** Whether it is a condition ({@code when ...}). */
  public boolean isCondition() {
    return header.startsWith("when ");
  }

  /** The column with {@code header} exactly, or null. */
  public static @Nullable Column byHeader(String header) {
    for (Column c : values()) {
      if (c.header.equals(header)) {
        return c;
      }
    }
    return null;
  }

  /** The column whose header is {@code header} but for upper and lower case, or null. */
  public static @Nullable Column byHeaderIgnoringCase(String header) {
    for (Column c : values()) {
      if (c.header.equals(header.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))) {
        return c;
      }
    }
    return null;
  }
}
