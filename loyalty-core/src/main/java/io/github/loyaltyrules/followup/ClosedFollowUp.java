package io.github.loyaltyrules.followup;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * What the member state keeps of a follow-up once it is closed and past its validity: enough to
 * pace later contacts (a done one counts against the contact caps on its due day) and to make no
 * second follow-up for the same cause while it is kept. Its message, window and reason are in the
 * outcome that scheduled it, which the host journals.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id the follow-up's id, {@code member:KIND:cause}
 * @param due the day it was due
 * @param status how it closed: {@code DONE}, {@code SKIPPED} or {@code EXPIRED}
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.5")
public record ClosedFollowUp(String id, LocalDate due, FollowUpStatus status) {

  public ClosedFollowUp {
    Check.notBlank("closedFollowUp.id", id);
    Check.notNull("closedFollowUp.due", due);
    Check.notNull("closedFollowUp.status", status);
    if (status == FollowUpStatus.OPEN) {
      throw new InvalidValueException("closedFollowUp.status", status,
          "must be DONE, SKIPPED or EXPIRED (follow-up " + id + ")");
    }
  }

  /** What is kept of {@code followUp}, which is closed. */
  public static ClosedFollowUp of(FollowUp followUp) {
    return new ClosedFollowUp(followUp.id(), followUp.due(), followUp.status());
  }

  /** Whether it was a contact: done. */
  public boolean counts() {
    return status == FollowUpStatus.DONE;
  }
}
