package io.github.loyaltyrules.rules.facts;

import io.github.loyaltyrules.followup.StoreEvent;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The business day of the evaluation: the transaction's date in the programme's time zone, or
 * the assessment's date. Rules read the date from here and never from a clock.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param date the date
 * @param dayOfWeek its day of the week, e.g. {@code DayOfWeek.TUESDAY}
 * @param weekend whether it is a Saturday or a Sunday
 * @param holiday the programme's holiday on this date, or null
 * @param birthdayToday whether it is the member's birthday (28 February for 29 February in
 *     common years)
 * @param birthdayMonth whether it is in the month of the member's birthday
 * @param daysToBirthday days from today to the member's next birthday (0 on the day); -1 when
 *     the birth date is unknown
 * @param time the transaction's time of day in the programme's time zone; null for an
 *     assessment
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record Today(LocalDate date, DayOfWeek dayOfWeek, boolean weekend,
    @Nullable StoreEvent holiday,
    boolean birthdayToday, boolean birthdayMonth, long daysToBirthday, @Nullable LocalTime time) {

  /** Whether today is {@code day}, e.g. {@code is(DayOfWeek.TUESDAY)}. */
  public boolean is(DayOfWeek day) {
    return dayOfWeek == day;
  }

  @Override
  public String toString() {
    return "Today[" + date + "]";
  }
}
