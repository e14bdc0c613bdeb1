package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A span of whole calendar months over which qualifying spend is summed, both ends included.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param first the first month
 * @param last the last month
 */
@API(status = API.Status.STABLE, since = "0.1")
public record QualificationWindow(YearMonth first, YearMonth last) {

  public QualificationWindow {
    if (first == null || last == null || last.isBefore(first)) {
      throw new InvalidValueException("window", first + ".." + last,
          "needs a first month not after the last");
    }
  }

  /** The first day of the window. */
  public LocalDate start() {
    return first.atDay(1);
  }

  /** The last day of the window. */
  public LocalDate end() {
    return last.atEndOfMonth();
  }

  public boolean contains(LocalDate date) {
    YearMonth m = YearMonth.from(date);
    return !m.isBefore(first) && !m.isAfter(last);
  }

  /**
   * A label for the shop floor: {@code 2026-Q1} for a calendar quarter, {@code 2026} for a
   * calendar year, {@code 2025-11..2026-01} otherwise.
   */
  @Override
  @SuppressWarnings("ReferenceEquality") // a cache of this window's label
  public String toString() {
    // reasons and follow-ups name the window several times per evaluation, and the programme
    // hands out the same window object for a month: its label is kept with it
    Label known = lastLabel;
    if (known != null && known.window == this) {
      return known.text;
    }
    String text = label();
    lastLabel = new Label(this, text);
    return text;
  }

  /** The label last made, with its window: immutable, so any thread may read it whole. */
  private static volatile @Nullable Label lastLabel;

  private record Label(QualificationWindow window, String text) {}

  private String label() {
    int months = (last.getYear() - first.getYear()) * 12 + last.getMonthValue()
        - first.getMonthValue() + 1;
    if (first.getMonthValue() == 1 && months == 12) {
      return String.valueOf(first.getYear());
    }
    if ((first.getMonthValue() - 1) % 3 == 0 && months == 3) {
      return first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
    }
    return first.equals(last) ? first.toString() : first + ".." + last;
  }
}
