package io.github.loyaltyrules.followup;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalTime;
import org.apiguardian.api.API;

/**
 * One contact after a sale: {@code days} after it, in the window {@code from}–{@code to}, movable
 * by up to {@code validDays} when the contact caps are reached.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param kind the message
 * @param days days after the sale, at least 0
 * @param from start of the time window
 * @param to end of the time window
 * @param validDays how many days later it may still be made, at least 0
 * @param priority higher wins under the caps
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record FollowUpStep(FollowUpKind kind, int days, LocalTime from, LocalTime to,
    int validDays, int priority) {

  public FollowUpStep {
    Check.notNull("followUps.afterSale.kind", kind);
    Check.notNull("followUps.afterSale.from", from);
    Check.notNull("followUps.afterSale.to", to);
    if (days < 0) {
      throw new InvalidValueException("followUps.afterSale.days", days, "must not be negative");
    }
    if (validDays < 0) {
      throw new InvalidValueException("followUps.afterSale.validDays", validDays,
          "must not be negative");
    }
    if (!to.isAfter(from)) {
      throw new InvalidValueException("followUps.afterSale.to", to, "must be after 'from' "
          + from);
    }
  }
}
