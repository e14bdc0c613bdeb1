package io.github.loyaltyrules.rules.decisions;

import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.internal.FrozenMap;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Ask for a follow-up. The contact policy settles every request: one per cause (the id is
 * {@code member:KIND:cause}, so a request made again changes nothing), only on a channel the
 * member consented to, with the window clamped to the programme's contact hours, and within the
 * caps of contacts per 7 and 30 days (moved, making room or dropped, each with the reason).
 * Requests are settled in a fixed order of kinds, then priority, then id, never in the order
 * rules made them.
 *
 * <p>Build one with {@link #of} and the {@code with...} methods:
 * <pre>{@code
 * insert(FollowUpRequest.of(FollowUpKind.ASSOCIATE_TASK, "ktv-" + $year, $due,
 *     "arrange the partner's birthday gift (KTV)").between("10:00", "18:00").validFor(2));
 * }</pre>
 *
 * <p>Phase {@code follow-ups}. Thread-safety: immutable, safe to share.
 *
 * @param kind the kind
 * @param cause what makes it unique for the member, e.g. the sale's id
 * @param due the day it is due
 * @param from the window's start; null for the programme's window of the kind
 * @param to the window's end; null for the programme's window of the kind
 * @param validDays how many days after {@code due} it may still be made; null for the
 *     programme's validity of the kind
 * @param priority the higher wins when caps bind; null for the programme's priority of the kind
 * @param associateId who makes it; null for the member's own associate, else the store's rota
 * @param params values for the message template
 * @param reason why, for the associate
 * @param onlyIfNoContactInMonth made only when nothing else reaches the member in the due month
 * @param channel the channel to use; null for the first the member agreed to, in the
 *     programme's order. A member who did not agree to it is not contacted (the outcome says so)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.4")
public record FollowUpRequest(FollowUpKind kind, String cause, LocalDate due,
    @Nullable LocalTime from,
    @Nullable LocalTime to, @Nullable Integer validDays, @Nullable Integer priority,
    @Nullable String associateId,
    Map<String, String> params, String reason, boolean onlyIfNoContactInMonth,
    @Nullable Channel channel)
    implements Decision {
  public FollowUpRequest {
    Check.notNull("FollowUpRequest.kind", kind);
    Check.notBlank("FollowUpRequest.cause", cause);
    Check.notNull("FollowUpRequest.due", due);
    Check.notBlank("FollowUpRequest.reason", reason);
    if ((from == null) != (to == null)) {
      throw new InvalidValueException("FollowUpRequest.to", to, "give both ends of the window");
    }
    if (from != null && !to.isAfter(from)) {
      throw new InvalidValueException("FollowUpRequest.to", to, "must be after from " + from);
    }
    if (validDays != null && validDays < 0) {
      throw new InvalidValueException("FollowUpRequest.validDays", validDays,
          "must not be negative");
    }
    // a request derived with with/between/validFor shares its parameters: copied once, in
    // name order, and handed on as they are (Check.map returns a map it made unchanged)
    params = Check.map("FollowUpRequest.params", params);
  }

  /** A request of {@code kind} for {@code cause} on {@code due}, in the programme's window. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static FollowUpRequest of(FollowUpKind kind, String cause, LocalDate due,
      String reason) {
    return new FollowUpRequest(kind, cause, due, null, null, null, null, null, null, reason,
        false, null);
  }

  /** This request in the window {@code from}–{@code to}, e.g. {@code "10:00", "12:00"}. */
  public FollowUpRequest between(String from, String to) {
    return between(LocalTime.parse(from), LocalTime.parse(to));
  }

  /** This request in the window {@code from}–{@code to}. */
  public FollowUpRequest between(LocalTime from, LocalTime to) {
    return new FollowUpRequest(kind, cause, due, from, to, validDays, priority, associateId,
        params, reason, onlyIfNoContactInMonth, channel);
  }

  /** This request, valid {@code days} after its due day. */
  public FollowUpRequest validFor(int days) {
    return new FollowUpRequest(kind, cause, due, from, to, days, priority, associateId, params,
        reason, onlyIfNoContactInMonth, channel);
  }

  /** This request at {@code priority}. */
  public FollowUpRequest withPriority(int priority) {
    return new FollowUpRequest(kind, cause, due, from, to, validDays, priority, associateId,
        params, reason, onlyIfNoContactInMonth, channel);
  }

  /** This request, made by {@code associateId} (null: the member's own, else the rota). */
  public FollowUpRequest by(@Nullable String associateId) {
    return new FollowUpRequest(kind, cause, due, from, to, validDays, priority, associateId,
        params, reason, onlyIfNoContactInMonth, channel);
  }

  /** This request with the message parameter {@code name} = {@code value}. */
  public FollowUpRequest with(String name, String value) {
    Check.notBlank("FollowUpRequest.params name", name);
    if (value == null) { // the field's name is built only for the message
      Check.notNull("FollowUpRequest.params[" + name + "]", value);
    }
    // the parameters are a FrozenMap (Check.map made them), or empty: one array copied
    FrozenMap<String, String> p = params instanceof FrozenMap<String, String> f ? f
        : FrozenMap.of();
    return new FollowUpRequest(kind, cause, due, from, to, validDays, priority, associateId,
        p.with(name, value), reason, onlyIfNoContactInMonth, channel);
  }

  /** This request, made only when nothing else reaches the member in the due month. */
  public FollowUpRequest ifNoOtherContactInMonth() {
    return new FollowUpRequest(kind, cause, due, from, to, validDays, priority, associateId,
        params, reason, true, channel);
  }

  /** This request, made on {@code channel} (only if the member agreed to it). */
  public FollowUpRequest via(Channel channel) {
    Check.notNull("FollowUpRequest.channel", channel);
    return new FollowUpRequest(kind, cause, due, from, to, validDays, priority, associateId,
        params, reason, onlyIfNoContactInMonth, channel);
  }
}
