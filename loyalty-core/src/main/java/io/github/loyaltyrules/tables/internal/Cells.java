package io.github.loyaltyrules.tables.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads one cell as the value its column holds, exactly as written: a value that is not of the
 * column's form or out of its range is refused with a message saying what was found and how to
 * write it, and nothing is guessed (no {@code 0.8} for {@code 80%}, no {@code Monday} for
 * {@code MONDAY}). Only spaces around a value or around a {@code |} are ignored. Not API.
 * Stateless, thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.5")
public final class Cells {
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,2})?) ?%");
  private static final Pattern MONEY = Pattern.compile("\\d{1,12}\\.\\d{2}");
  private static final Pattern FACTOR = Pattern.compile("\\d{1,6}(?:\\.\\d{1,4})?");
  private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIER = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final BigDecimal HUNDRED = new BigDecimal(100);

  private Cells() {}

  /** A refused cell: what is wrong and how to write it. Immutable, thread-safe. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The value of {@code text} (trimmed, not empty) in column {@code c}: a {@code List<String>}
   * for codes and tiers, a {@code List<DayOfWeek>}, a {@code String}, a {@code LocalDate}, a
   * {@code BigDecimal} (a percentage as a share, {@code 80%} is {@code 0.80}), an
   * {@code Integer}, a {@code Long} or a {@code Boolean}.
   */
  public static Object read(Column c, String text) throws Refused {
    String v = "\"" + text + "\"";
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new Refused(v.replaceAll("\\p{Cntrl}", " ") + " has a line break or a control"
          + " character; " + c.hint());
    }
    return switch (c.type()) {
      case CODES -> codes(c, text, v);
      case ID -> {
        if (text.indexOf('"') >= 0 || text.indexOf('\\') >= 0) {
          throw new Refused(v + " has a quote or a backslash; " + c.hint());
        }
        yield text;
      }
      case TEXT -> text;
      case DATE -> date(c, text, v);
      case WEEKDAYS -> weekdays(c, text, v);
      case TIERS -> tiers(c, text, v);
      case TIER -> {
        if (text.indexOf('|') >= 0) {
          throw new Refused(v + " names more than one tier; this column takes one; " + c.hint());
        }
        yield tiers(c, text, v).get(0);
      }
      case MONEY -> money(c, text, v);
      case PERCENT -> percent(c, text, v);
      case FACTOR -> factor(c, text, v);
      case POINTS -> {
        long p = whole(c, text, v);
        if (p < 1) {
          throw new Refused(v + " is under 1; " + c.hint());
        }
        yield p;
      }
      case INTEGER -> (int) whole(c, text, v);
      case YES_NO -> {
        if (text.equals("yes") || text.equals("no")) {
          yield text.equals("yes");
        }
        throw new Refused(v + " is neither yes nor no; " + c.hint());
      }
    };
  }

  private static List<String> parts(Column c, String text, String v) throws Refused {
    List<String> out = new ArrayList<>();
    for (String part : text.split("\\|", -1)) {
      String p = part.strip();
      if (p.isEmpty()) {
        throw new Refused(v + " has an empty value next to a |; " + c.hint());
      }
      if (out.contains(p)) {
        throw new Refused(v + " names " + p + " twice; " + c.hint());
      }
      out.add(p);
    }
    return List.copyOf(out);
  }

  private static List<String> codes(Column c, String text, String v) throws Refused {
    List<String> codes = parts(c, text, v);
    for (String code : codes) {
      if (code.indexOf('"') >= 0 || code.indexOf('\\') >= 0) {
        throw new Refused(v + " has a quote or a backslash, which no code has; " + c.hint());
      }
    }
    return codes;
  }

  private static LocalDate date(Column c, String text, String v) throws Refused {
    if (!DATE.matcher(text).matches()) {
      throw new Refused(v + " is not a date written year-month-day; " + c.hint());
    }
    try {
      return LocalDate.parse(text, ISO);
    } catch (DateTimeParseException e) {
      throw new Refused(v + " is not a day of the calendar; " + c.hint());
    }
  }

  private static List<DayOfWeek> weekdays(Column c, String text, String v) throws Refused {
    List<DayOfWeek> days = new ArrayList<>();
    for (String p : parts(c, text, v)) {
      DayOfWeek day = null;
      for (DayOfWeek d : DayOfWeek.values()) {
        if (d.name().equals(p)) {
          day = d;
        }
      }
      if (day == null) {
        throw new Refused((p.equals(text) ? v : v + ": \"" + p + "\"")
            + " is not a day of the week; " + c.hint());
      }
      days.add(day);
    }
    return List.copyOf(days);
  }

  private static List<String> tiers(Column c, String text, String v) throws Refused {
    List<String> codes = parts(c, text, v);
    for (String p : codes) {
      if (!TIER.matcher(p).matches()) {
        throw new Refused((p.equals(text) ? v : v + ": \"" + p + "\"")
            + " is not a tier code (capital letters, digits and _); " + c.hint());
      }
    }
    return codes;
  }

  private static BigDecimal money(Column c, String text, String v) throws Refused {
    if (!MONEY.matcher(text).matches()) {
      throw new Refused(v + " is not an amount with two decimals; " + c.hint());
    }
    BigDecimal amount = new BigDecimal(text);
    if (c == Column.AMOUNT_OFF && amount.signum() == 0) {
      throw new Refused(v + " takes nothing off; the amount must be over 0.00; " + c.hint());
    }
    return amount;
  }

  private static BigDecimal percent(Column c, String text, String v) throws Refused {
    var m = PERCENT.matcher(text);
    if (!m.matches()) {
      throw new Refused(v + " is not a percentage with a % sign; " + c.hint());
    }
    BigDecimal percent = new BigDecimal(m.group(1));
    boolean belowHundred = c == Column.RATE;
    if (belowHundred ? percent.compareTo(HUNDRED) >= 0 : percent.compareTo(HUNDRED) > 0) {
      throw new Refused(v + " is " + (belowHundred ? "not under 100%" : "over 100%")
          + (belowHundred ? " (at 100% the promotion takes nothing off: leave the row out)"
              : "") + "; " + c.hint());
    }
    return percent.movePointLeft(2);
  }

  private static BigDecimal factor(Column c, String text, String v) throws Refused {
    if (!FACTOR.matcher(text).matches()) {
      throw new Refused(v + " is not a plain number; " + c.hint());
    }
    BigDecimal f = new BigDecimal(text);
    if (f.signum() == 0) {
      throw new Refused(v + " is not over 0 (for no points use a NoPoints table); "
          + c.hint());
    }
    return f;
  }

  private static long whole(Column c, String text, String v) throws Refused {
    if (!WHOLE.matcher(text).matches()) {
      throw new Refused(v + " is not a whole number; " + c.hint());
    }
    return Long.parseLong(text);
  }
}
