package io.github.loyaltyrules.rules.internal;

import io.github.loyaltyrules.followup.ClosedFollowUp;
import io.github.loyaltyrules.followup.FollowUp;
import io.github.loyaltyrules.followup.FollowUpKind;
import io.github.loyaltyrules.followup.FollowUpPolicy;
import io.github.loyaltyrules.followup.FollowUpStatus;
import io.github.loyaltyrules.followup.FollowUpStep;
import io.github.loyaltyrules.model.Channel;
import io.github.loyaltyrules.model.CustomerProfile;
import io.github.loyaltyrules.outcome.Effect;
import io.github.loyaltyrules.outcome.FollowUpDropped;
import io.github.loyaltyrules.outcome.FollowUpScheduled;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The bookkeeping of one evaluation's follow-ups: a working copy of the member's tasks, the
 * contact caps, merges and deferrals (DOMAIN.md §4: contact must be paced).
 *
 * <p>A contact is a day with at least one open or done follow-up: two follow-ups due the same day
 * are one contact. A new follow-up goes on its due day if no window of 7 (30) days containing that
 * day would then hold more than the programme's maximum of contacts; else on the next day within
 * its validity where it fits; else, if an open follow-up of lower priority holds a day it needs,
 * that one moves (or is dropped) to make room; else it is dropped. Every move and drop is an
 * effect with the reason.
 *
 * <p>Thread-safety: confined to the evaluation that owns it.
 */
final class FollowUpBook {

  private final FollowUpPolicy policy;
  private final CustomerProfile profile;
  private final LocalDate today;
  private final @Nullable String storeId;
  private final List<FollowUp> tasks;
  private final List<ClosedFollowUp> history;
  private final int historyDays;
  private final List<Effect> effects;
  private final Supplier<String> rule;
  private boolean changed;

  FollowUpBook(FollowUpPolicy policy, CustomerProfile profile, List<FollowUp> tasks,
      List<ClosedFollowUp> history, int historyDays, LocalDate today, @Nullable String storeId,
      List<Effect> effects, Supplier<String> rule) {
    this.policy = policy;
    this.profile = profile;
    this.today = today;
    this.storeId = storeId;
    this.tasks = new ArrayList<>(tasks);
    this.history = new ArrayList<>(history);
    this.historyDays = historyDays;
    this.effects = effects;
    this.rule = rule;
  }

  List<FollowUp> tasks() {
    return tasks;
  }

  List<ClosedFollowUp> history() {
    return history;
  }

  boolean changed() {
    return changed;
  }

  /**
   * Whether open follow-ups passed their validity, closed ones are old enough to keep only in
   * the history, or history is old enough to forget.
   */
  boolean housekeepingDue() {
    for (FollowUp f : tasks) {
      if ((f.status() == FollowUpStatus.OPEN && f.validUntil().isBefore(today))
          || (f.status() != FollowUpStatus.OPEN && isPastWhole(f))) {
        return true;
      }
    }
    for (ClosedFollowUp c : history) {
      if (isForgotten(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Expires open follow-ups past their validity; keeps a closed one whole until the evaluation
   * after its due day (or after the one that expired it), then only in the history; forgets the
   * history {@code historyDays} after it was due.
   */
  void housekeeping() {
    for (java.util.Iterator<FollowUp> it = tasks.iterator(); it.hasNext(); ) {
      FollowUp f = it.next();
      if (f.status() != FollowUpStatus.OPEN && isPastWhole(f)) {
        history.add(ClosedFollowUp.of(f));
        it.remove();
      }
    }
    history.removeIf(this::isForgotten);
    tasks.replaceAll(f -> f.status() == FollowUpStatus.OPEN && f.validUntil().isBefore(today)
        ? f.withStatus(FollowUpStatus.EXPIRED) : f);
    changed = true;
  }

  /**
   * Whether a closed follow-up is kept only in the history now: once it is closed and its due
   * day has passed (so the evaluation that expires one still shows it whole).
   */
  private boolean isPastWhole(FollowUp f) {
    return f.due().isBefore(today) && (f.status() != FollowUpStatus.EXPIRED
        || f.validUntil().isBefore(today.minusDays(1)));
  }

  private boolean isForgotten(ClosedFollowUp c) {
    return c.due().isBefore(today.minusDays(historyDays));
  }

  /** The deterministic id of the follow-up of {@code kind} for {@code cause}. */
  String idOf(FollowUpKind kind, String cause) {
    return profile.id() + ":" + kind + ":" + cause;
  }

  /** Whether a follow-up that counts as a contact is due in {@code month}. */
  boolean hasContactIn(java.time.YearMonth month) {
    for (FollowUp f : tasks) {
      if (f.counts() && java.time.YearMonth.from(f.due()).equals(month)) {
        return true;
      }
    }
    for (ClosedFollowUp c : history) {
      if (c.counts() && java.time.YearMonth.from(c.due()).equals(month)) {
        return true;
      }
    }
    return false;
  }

  boolean has(String id) {
    for (FollowUp f : tasks) {
      if (f.id().equals(id)) {
        return true;
      }
    }
    for (ClosedFollowUp c : history) {
      if (c.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Schedules a follow-up of {@code kind} for {@code cause} on {@code due} (or up to
   * {@code validDays} later) at the programme's priority for the kind, unless one for that cause
   * exists already.
   */
  void schedule(FollowUpKind kind, String cause, LocalDate due, LocalTime from, LocalTime to,
      int validDays, Map<String, String> params, String why) {
    add(null, kind, cause, due, from, to, validDays, policy.priorityOf(kind), params, why);
  }

  /**
   * As {@link #schedule}, owned by {@code associateId} when it is not null (else the member's
   * own associate or the rota).
   */
  void scheduleFrom(String associateId, FollowUpKind kind, String cause, LocalDate due,
      LocalTime from, LocalTime to, int validDays, Map<String, String> params, String why) {
    add(associateId, kind, cause, due, from, to, validDays, policy.priorityOf(kind), params,
        why);
  }

  /** As {@link #schedule}, for an after-sale step: its kind, window, validity and priority. */
  void scheduleStep(FollowUpStep step, String cause, LocalDate due, Map<String, String> params,
      String why) {
    add(null, step.kind(), cause, due, step.from(), step.to(), step.validDays(),
        step.priority(), params, why);
  }

  /**
   * A follow-up as a rule requested it, with everything given; on {@code channel} when it is
   * not null.
   */
  void request(@Nullable String associateId, FollowUpKind kind, String cause, LocalDate due,
      LocalTime from, LocalTime to, int validDays, int priority, Map<String, String> params,
      String why, @Nullable Channel channel) {
    add(associateId, kind, cause, due, from, to, validDays, priority, params, why, channel);
  }

  private void add(@Nullable String associateId, FollowUpKind kind, String cause, LocalDate due,
      LocalTime from, LocalTime to, int validDays, int priority, Map<String, String> params,
      String why) {
    add(associateId, kind, cause, due, from, to, validDays, priority, params, why, null);
  }

  private void add(@Nullable String associateId, FollowUpKind kind, String cause, LocalDate due,
      LocalTime from, LocalTime to, int validDays, int priority, Map<String, String> params,
      String why, @Nullable Channel asked) {
    String id = idOf(kind, cause);
    if (has(id)) {
      return;
    }
    Channel channel = null;
    for (Channel c : asked == null ? policy.channels() : List.of(asked)) {
      if (profile.consents(c)) {
        channel = c;
        break;
      }
    }
    if (channel == null) {
      effects.add(new FollowUpDropped(rule.get(), why + "; not made: the member has not agreed"
          + " to be contacted on " + (asked == null ? channelsText(policy.channels())
              : List.of(asked).toString()), id, kind));
      return;
    }
    FollowUp task = new FollowUp(id, kind, associateId != null ? associateId : associate(),
        channel, due, from, to,
        due.plusDays(validDays), priority, params, rule.get(), why, FollowUpStatus.OPEN);
    changed = true;
    if (place(task, why)) {
      return;
    }
    for (FollowUp bumped : lowerPriority(task)) {
      tasks.remove(bumped);
      if (place(task, why + "; " + bumped.id() + " (priority " + bumped.priority()
          + ") makes room")) {
        if (!placeFrom(bumped, bumped.due().plusDays(1), bumped.reason() + "; moved to make room"
            + " for " + id + " (priority " + priority + ")")) {
          effects.add(new FollowUpDropped(rule.get(), bumped.reason() + "; dropped to make room"
              + " for " + id + " (priority " + priority + "): no free day until "
              + bumped.validUntil(), bumped.id(), bumped.kind()));
        }
        return;
      }
      tasks.add(bumped);
    }
    effects.add(new FollowUpDropped(rule.get(), why + "; not made: " + capText()
        + " leave no free day from " + due + " to " + task.validUntil(), id, kind));
  }

  /**
   * {@code channels} as its {@code toString()} writes it, kept for the programme's list (an
   * immutable list: every follow-up a member without consent is refused names it).
   */
  @SuppressWarnings("ReferenceEquality") // the programme's list object, not an equal one
  private static String channelsText(List<Channel> channels) {
    ChannelsText known = lastChannels;
    if (known == null || known.channels() != channels) {
      known = new ChannelsText(channels, channels.toString());
      lastChannels = known;
    }
    return known.text();
  }

  private record ChannelsText(List<Channel> channels, String text) {}

  private static volatile @Nullable ChannelsText lastChannels;

  private boolean place(FollowUp task, String why) {
    return placeFrom(task, task.due(), why);
  }

  /** Puts {@code task} on the first day from {@code first} within its validity that fits. */
  private boolean placeFrom(FollowUp task, LocalDate first, String why) {
    for (LocalDate d = first; !d.isAfter(task.validUntil()); d = d.plusDays(1)) {
      String with = contactOn(d);
      if (with != null || fits(d)) {
        String reason = why;
        if (!d.equals(task.due())) {
          reason += "; moved from " + task.due() + " to " + d + ": " + capText();
        }
        if (with != null) {
          reason += "; one contact with " + with + " on the same day";
        }
        FollowUp placed = task.movedTo(d, reason);
        tasks.add(placed);
        effects.add(new FollowUpScheduled(rule.get(), reason, placed));
        return true;
      }
    }
    return false;
  }

  /** The id of a follow-up that already makes a contact on {@code day}, or null. */
  private @Nullable String contactOn(LocalDate day) {
    for (FollowUp f : tasks) {
      if (f.counts() && f.due().equals(day)) {
        return f.id();
      }
    }
    for (ClosedFollowUp c : history) {
      if (c.counts() && c.due().equals(day)) {
        return c.id();
      }
    }
    return null;
  }

  /** Whether one more contact on {@code day} keeps every 7- and 30-day window in its cap. */
  private boolean fits(LocalDate day) {
    // the contact days as epoch days, sorted, each once (two contacts on a day count as one):
    // counted by binary search, so that trying a day allocates one array (issue 19)
    long[] days = new long[tasks.size() + history.size() + 1];
    int n = 0;
    for (FollowUp f : tasks) {
      if (f.counts()) {
        days[n++] = f.due().toEpochDay();
      }
    }
    for (ClosedFollowUp c : history) {
      if (c.counts()) {
        days[n++] = c.due().toEpochDay();
      }
    }
    days[n++] = day.toEpochDay();
    return withinCaps(days, n, day.toEpochDay(), policy.maxPer7Days(), policy.maxPer30Days());
  }

  /**
   * Whether every 7-day window containing {@code day} holds at most {@code max7} of the first
   * {@code n} contact days (epoch days, in any order, a day counted once however often it
   * occurs), and every 30-day window at most {@code max30}. Sorts those days in place.
   */
  static boolean withinCaps(long[] days, int n, long day, int max7, int max30) {
    Arrays.sort(days, 0, n);
    int distinct = n == 0 ? 0 : 1;
    for (int i = 1; i < n; i++) {
      if (days[i] != days[distinct - 1]) {
        days[distinct++] = days[i];
      }
    }
    return withinCap(days, distinct, day, 7, max7) && withinCap(days, distinct, day, 30, max30);
  }

  /**
   * Whether each window of {@code length} days that contains {@code day} holds at most
   * {@code max} of the first {@code n} of {@code days} (sorted epoch days, each once).
   */
  private static boolean withinCap(long[] days, int n, long day, int length, int max) {
    for (long start = day - (length - 1L); start <= day; start++) {
      if (firstAfter(days, n, start + length - 1L) - firstAfter(days, n, start - 1L) > max) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first of the first {@code n} sorted {@code days} after {@code day}. */
  private static int firstAfter(long[] days, int n, long day) {
    int lo = 0;
    int hi = n;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (days[mid] <= day) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Open follow-ups of lower priority than {@code task}'s that share a cap window with it, the
   * lowest priority first, then the latest: the candidates to make room for it.
   */
  private List<FollowUp> lowerPriority(FollowUp task) {
    List<FollowUp> out = new ArrayList<>();
    for (FollowUp f : tasks) {
      if (f.status() == FollowUpStatus.OPEN && f.priority() < task.priority()
          && !f.due().isBefore(today)
          && Math.abs(f.due().toEpochDay() - task.due().toEpochDay()) < 30) {
        out.add(f);
      }
    }
    out.sort(java.util.Comparator.comparingInt(FollowUp::priority)
        .thenComparing(FollowUp::due, java.util.Comparator.reverseOrder())
        .thenComparing(FollowUp::id));
    return out;
  }

  private String capText() {
    return "at most " + policy.maxPer7Days() + " contacts in 7 days and "
        + policy.maxPer30Days() + " in 30";
  }

  /** The member's own associate, else the store's rota, deterministically by member id. */
  private @Nullable String associate() {
    if (profile.associateId() != null) {
      return profile.associateId();
    }
    String store = profile.homeStore() != null ? profile.homeStore() : storeId;
    List<String> rota = store == null ? null : policy.rota().get(store);
    if (rota == null || rota.isEmpty()) {
      return null;
    }
    return rota.get(Math.floorMod(profile.id().hashCode(), rota.size()));
  }
}
