package io.github.loyaltyrules.programme;

import org.apiguardian.api.API;

/**
 * The kinds of points expiry a programme can choose (see {@link PointsExpiry}).
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum ExpiryKind {
  /** {@code n} days after the day the points were earned. */
  DAYS_AFTER_EARNING,
  /** At the end of the {@code n}-th month after the month they were earned. */
  END_OF_NTH_MONTH,
  /** At the end of the calendar year {@code n} years after the year they were earned. */
  END_OF_YEAR,
  /** Never. */
  NEVER
}
