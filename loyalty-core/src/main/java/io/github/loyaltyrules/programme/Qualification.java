package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How tiers are qualified for and kept: the window over which spend is summed, and how close to
 * the next tier a member must be to be flagged.
 *
 * <p>A tier reached in one window is held until the end of the following window; at that end
 * the window's spend is compared with the tier's retention threshold. Windows are whole calendar
 * months, so they are exact from the member state's monthly spend.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param window calendar quarter (default), calendar year or rolling months
 * @param months the number of months of a rolling window, 1 to 24; absent for calendar windows
 * @param nearNextTierFraction a member whose missing spend to the next tier is at most this share
 *     of that tier's threshold is flagged as near it; 0.20 when absent
 * @param basis what qualifies: {@link QualificationBasis#SPEND} (the default) or
 *     {@link QualificationBasis#POINTS}, the tiers' {@code qualifyingPoints} and
 *     {@code retentionPoints} against the points earned in the window
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Qualification(WindowKind window, @Nullable Integer months,
    BigDecimal nearNextTierFraction,
    @API(status = API.Status.EXPERIMENTAL, since = "0.6") QualificationBasis basis) {

  /** The seeds' default: calendar quarters, flagged within 20 % of the next tier. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final Qualification DEFAULT =
      new Qualification(WindowKind.CALENDAR_QUARTER, null, null);

  public Qualification {
    window = window == null ? WindowKind.CALENDAR_QUARTER : window;
    basis = basis == null ? QualificationBasis.SPEND : basis;
    if (window == WindowKind.ROLLING_MONTHS) {
      if (months == null || months < 1 || months > 24) {
        throw new InvalidValueException("qualification.months", months,
            "a ROLLING_MONTHS window needs 'months' from 1 to 24");
      }
    } else if (months != null) {
      throw new InvalidValueException("qualification.months", months,
          "is only for ROLLING_MONTHS; a " + window + " window has a fixed length");
    }
    nearNextTierFraction = nearNextTierFraction == null ? new BigDecimal("0.20")
        : nearNextTierFraction;
    if (nearNextTierFraction.signum() < 0 || nearNextTierFraction.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidValueException("qualification.nearNextTierFraction",
          nearNextTierFraction.toPlainString(), "must be from 0 to 1 (0.20 means 20 %)");
    }
  }

  /** A qualification on spend, as version 0.5 had it. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public Qualification(WindowKind window, @Nullable Integer months,
      BigDecimal nearNextTierFraction) {
    this(window, months, nearNextTierFraction, null);
  }

  /** Whether tiers are qualified for and kept on points earned rather than spend. */
  @API(status = API.Status.EXPERIMENTAL, since = "0.6")
  public boolean byPoints() {
    return basis == QualificationBasis.POINTS;
  }

  /** The number of months in one window. */
  public int monthsPerWindow() {
    return switch (window) {
      case CALENDAR_QUARTER -> 3;
      case CALENDAR_YEAR -> 12;
      case ROLLING_MONTHS -> Objects.requireNonNull(months);
    };
  }

  /** The window that counts for qualification on {@code date}. */
  @SuppressWarnings("ReferenceEquality") // a cache of this qualification's windows
  public QualificationWindow windowContaining(@Nullable LocalDate date) {
    int month = Objects.requireNonNull(date, "date").getYear() * 12 + date.getMonthValue() - 1;
    int slot = month & (WINDOWS.length - 1);
    KnownWindow known = WINDOWS[slot];
    if (known != null && known.qualification == this && known.month == month) {
      return known.window;
    }
    QualificationWindow w = computeWindowContaining(date);
    WINDOWS[slot] = new KnownWindow(this, month, w);
    return w;
  }

  /**
   * The windows last asked for, by month (eight slots, so the current and previous windows of an
   * evaluation both stay): a window depends only on the qualification and the month, and every
   * evaluation asks for the same few. A slot is an immutable holder: a thread that reads one
   * another wrote sees it whole or not at all, and at worst computes the window again.
   */
  private static final KnownWindow[] WINDOWS = new KnownWindow[8];

  private record KnownWindow(Qualification qualification, int month,
      QualificationWindow window) {}

  private QualificationWindow computeWindowContaining(LocalDate date) {
    YearMonth m = YearMonth.from(date);
    YearMonth first = switch (window) {
      case CALENDAR_QUARTER -> m.withMonth((m.getMonthValue() - 1) / 3 * 3 + 1);
      case CALENDAR_YEAR -> m.withMonth(1);
      case ROLLING_MONTHS -> m.minusMonths(Objects.requireNonNull(months) - 1L);
    };
    YearMonth last = window == WindowKind.ROLLING_MONTHS ? m
        : first.plusMonths(monthsPerWindow() - 1L);
    return new QualificationWindow(first, last);
  }

  /** The window whose last day is {@code lastDay}: the one a review on that day judges. */
  public QualificationWindow windowEndingOn(LocalDate lastDay) {
    YearMonth last = YearMonth.from(lastDay);
    return new QualificationWindow(last.minusMonths(monthsPerWindow() - 1L), last);
  }

  /** The last day a tier reached on {@code date} is held: the end of the following window. */
  public LocalDate heldUntilWhenReachedOn(@Nullable LocalDate date) {
    return followingWindowEnd(windowContaining(date).end());
  }

  /** The end of the window after the one that ends on {@code windowEnd}. */
  public LocalDate followingWindowEnd(LocalDate windowEnd) {
    return YearMonth.from(windowEnd).plusMonths(monthsPerWindow()).atEndOfMonth();
  }

  /**
   * How many months of spend the member state keeps before the month of the business date: two
   * windows, enough for the window under review and returns of sales in the previous window.
   */
  public int monthsKept() {
    return 2 * monthsPerWindow();
  }
}
