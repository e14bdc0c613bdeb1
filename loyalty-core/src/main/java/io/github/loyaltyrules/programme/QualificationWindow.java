package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apiguardian.api.API;

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
  public String toString() {
    if (first.getMonthValue() == 1 && last.equals(first.plusMonths(11))) {
      return String.valueOf(first.getYear());
    }
    if ((first.getMonthValue() - 1) % 3 == 0 && last.equals(first.plusMonths(2))) {
      return first.getYear() + "-Q" + ((first.getMonthValue() - 1) / 3 + 1);
    }
    return first.equals(last) ? first.toString() : first + ".." + last;
  }
}
