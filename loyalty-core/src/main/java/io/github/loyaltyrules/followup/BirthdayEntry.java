package io.github.loyaltyrules.followup;

import io.github.loyaltyrules.internal.Check;
import java.time.MonthDay;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A line of the month-end list of next month's birthdays, posted for the whole staff
 * (DOMAIN.md §4). It holds the member's name: it is for the store, not for logs.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param memberId the member
 * @param name the name to greet, or null when the store has none
 * @param birthday the day
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record BirthdayEntry(String memberId, @Nullable String name, MonthDay birthday) {

  public BirthdayEntry {
    Check.notBlank("birthday.memberId", memberId);
    Check.notNull("birthday.birthday", birthday);
  }

  @Override
  public String toString() {
    return "BirthdayEntry[memberId=" + memberId + ", name=" + Check.mask(name) + ", birthday="
        + Check.mask(birthday) + "]";
  }
}
