package io.github.loyaltyrules.programme;

import org.apiguardian.api.API;

/**
 * How the qualification window is laid over the calendar, in the programme's time zone.
 *
 * <p>Thread-safety: an enum, immutable and safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public enum WindowKind {
  /** January to March, April to June, July to September, October to December (the default). */
  CALENDAR_QUARTER,
  /** January to December. */
  CALENDAR_YEAR,
  /** The current calendar month and the N-1 months before it ({@code months} = N). */
  ROLLING_MONTHS
}
