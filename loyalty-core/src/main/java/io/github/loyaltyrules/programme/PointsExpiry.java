package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * When a lot of earned points expires. The last valid day is computed from the day the points
 * were earned; on the following day an assessment expires what is left of the lot.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param kind the policy
 * @param n its count: days, months or years; ignored for {@link ExpiryKind#NEVER}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record PointsExpiry(ExpiryKind kind, Integer n) {

  /** At the end of the year after the year of earning: 2026's points last until 2027-12-31. */
  public static final PointsExpiry DEFAULT = new PointsExpiry(ExpiryKind.END_OF_YEAR, 1);

  public PointsExpiry {
    Check.notNull("points.expiry.kind", kind);
    if (kind == ExpiryKind.NEVER) {
      n = null;
    } else if (n == null || n < (kind == ExpiryKind.END_OF_YEAR ? 0 : 1) || n > 3660) {
      throw new InvalidValueException("points.expiry.n", n, "a " + kind + " expiry needs 'n' from "
          + (kind == ExpiryKind.END_OF_YEAR ? 0 : 1) + " to 3660");
    }
  }

  /** The last day points earned on {@code earnedOn} are valid; null when they never expire. */
  public @Nullable LocalDate lastValidDay(LocalDate earnedOn) {
    return switch (kind) {
      case DAYS_AFTER_EARNING -> earnedOn.plusDays(n);
      case END_OF_NTH_MONTH -> YearMonth.from(earnedOn).plusMonths(n).atEndOfMonth();
      case END_OF_YEAR -> LocalDate.of(earnedOn.getYear() + n, 12, 31);
      case NEVER -> null;
    };
  }
}
