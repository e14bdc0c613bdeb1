package io.github.loyaltyrules.followup;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalTime;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * When a kind of follow-up is made: its time window on the due day, how many days after the due
 * day it may still be made, and for two kinds a second window (the next-day window of a visit in
 * the evening shift; the afternoon half of a promotion notice).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param from the window's start
 * @param to the window's end, after {@code from}
 * @param validDays days after the due day it may still be made, at least 0
 * @param secondFrom the second window's start; null when the kind has one window
 * @param secondTo the second window's end; null when the kind has one window
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record ContactWindow(LocalTime from, LocalTime to, int validDays, @Nullable LocalTime secondFrom,
    @Nullable LocalTime secondTo) {

  public ContactWindow {
    Check.notNull("window.from", from);
    Check.notNull("window.to", to);
    if (!to.isAfter(from)) {
      throw new InvalidValueException("window.to", to, "must be after from " + from);
    }
    if (validDays < 0) {
      throw new InvalidValueException("window.validDays", validDays, "must not be negative");
    }
    if ((secondFrom == null) != (secondTo == null)) {
      throw new InvalidValueException("window.secondTo", secondTo,
          "give both ends of the second window, or neither");
    }
    if (secondFrom != null && !secondTo.isAfter(secondFrom)) {
      throw new InvalidValueException("window.secondTo", secondTo,
          "must be after secondFrom " + secondFrom);
    }
  }

  /** One window. */
  public ContactWindow(LocalTime from, LocalTime to, int validDays) {
    this(from, to, validDays, null, null);
  }

  /** The second window's start, or the first's when there is none. */
  public LocalTime alternateFrom() {
    return secondFrom == null ? from : secondFrom;
  }

  /** The second window's end, or the first's when there is none. */
  public LocalTime alternateTo() {
    return secondTo == null ? to : secondTo;
  }
}
