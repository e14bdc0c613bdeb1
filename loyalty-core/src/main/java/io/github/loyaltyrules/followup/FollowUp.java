package io.github.loyaltyrules.followup;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Channel;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A contact the store should make (DOMAIN.md §4): whom (the member whose state holds it), why
 * ({@code kind} and {@code reason}), who ({@code associateId}), how ({@code channel}), when (the
 * due date and a time window in the programme's zone) and with what message (the template key is
 * the kind; {@code params} fill it). Its id is deterministic, {@code member:KIND:cause}, so a
 * trigger that fires again for the same cause never makes a second one.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id {@code member:KIND:cause}
 * @param kind why, and the message template
 * @param associateId the associate who owns it: the member's own, else the store's rota; null
 *     when the store has neither
 * @param channel the associate's own phone or messaging account the member consented to
 * @param due the day to make it
 * @param from start of the time window
 * @param to end of the time window
 * @param validUntil the last day it may still be made when it has to move
 * @param priority higher wins when the contact caps allow only some
 * @param params template parameters (no personal data: names come from the profile when the
 *     message is written)
 * @param rule the rule that created it
 * @param reason why, in words for the associate
 * @param status where it stands
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record FollowUp(String id, FollowUpKind kind, @Nullable String associateId, Channel channel,
    LocalDate due, LocalTime from, LocalTime to, LocalDate validUntil, int priority,
    Map<String, String> params, String rule, String reason, FollowUpStatus status) {

  public FollowUp {
    Check.notBlank("followUp.id", id);
    Check.notNull("followUp.kind", kind);
    Check.notNull("followUp.channel", channel);
    Check.notNull("followUp.due", due);
    Check.notNull("followUp.from", from);
    Check.notNull("followUp.to", to);
    if (!to.isAfter(from)) {
      throw new InvalidValueException("followUp.to", to, "must be after 'from' " + from
          + " (follow-up " + id + ")");
    }
    validUntil = validUntil == null ? due : validUntil;
    if (validUntil.isBefore(due)) {
      throw new InvalidValueException("followUp.validUntil", validUntil,
          "must not be before the due date " + due + " (follow-up " + id + ")");
    }
    params = Check.map("followUp.params", params);
    status = status == null ? FollowUpStatus.OPEN : status;
  }

  /** This follow-up moved to {@code day}, with the reason. */
  public FollowUp movedTo(LocalDate day, String why) {
    return new FollowUp(id, kind, associateId, channel, day, from, to, validUntil, priority,
        params, rule, why, status);
  }

  /** This follow-up with another status. */
  public FollowUp withStatus(FollowUpStatus newStatus) {
    return new FollowUp(id, kind, associateId, channel, due, from, to, validUntil, priority,
        params, rule, reason, newStatus);
  }

  /** Whether it is a contact that counts against the caps: open or done. */
  public boolean counts() {
    return status == FollowUpStatus.OPEN || status == FollowUpStatus.DONE;
  }
}
