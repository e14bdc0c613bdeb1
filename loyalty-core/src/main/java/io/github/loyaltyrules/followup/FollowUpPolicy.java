package io.github.loyaltyrules.followup;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import io.github.loyaltyrules.model.Channel;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Whom the store contacts, when, and how often (DOMAIN.md §4). Defaults are the seeds':
 * <ul>
 *   <li>after a sale: a thank-you on day 3, care tips on day 7, an invitation to come back with
 *       friends on day 15 (moved to a new-arrival date within 5 days when there is one) and the
 *       revisit message on day 30 between 10:00 and 12:00;</li>
 *   <li>a visit without a purchase: thanks the same day 14:00–16:00 for morning-shift visits,
 *       the next day 10:00–12:00 for evening-shift visits (from 14:00);</li>
 *   <li>a congratulation on a tier upgrade, an invitation near the next tier, a reminder of
 *       points expiring soon, a birthday greeting on the day, and "we miss you" after 90 days
 *       without a purchase;</li>
 *   <li>never more than 2 contacts in any 7 days or 6 in any 30 days: a contact that would break
 *       a cap moves to the next free day within its validity, or a lower-priority one makes room,
 *       or it is dropped, each with the reason; two on one day are one contact;</li>
 *   <li>from the associate's own messaging account or phone, never a bulk sender, and only
 *       within the contact hours 09:00–21:00;</li>
 *   <li>holiday greetings on the day, promotion notices three days ahead (half the invited
 *       members in the morning, half in the afternoon), a non-product care message from the 20th
 *       for a member nothing reached that month, and a churn alert when the gap since the last
 *       purchase is more than twice the member's usual gap.</li>
 * </ul>
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param afterSale the contacts after a sale; the seeds' four when absent
 * @param newArrivalDates the programme's new-arrival calendar
 * @param newArrivalShiftDays an invitation moves to a new-arrival date at most this many days
 *     later; 5 when absent
 * @param eveningShiftStarts visits from this time are evening-shift visits; 14:00 when absent
 * @param dormancyDays no purchase for this many days means "we miss you"; 90 when absent
 * @param maxPer7Days contacts allowed in any 7 days; 2 when absent
 * @param maxPer30Days contacts allowed in any 30 days; 6 when absent
 * @param channels the channels to use, first consented wins; messaging then phone when absent
 * @param rota per store, the associates who take members without their own, in turn
 * @param priorities the priority of each kind not set by a step; the defaults below when absent
 * @param holidays the holidays greeted on the day (no product in the message)
 * @param promotions store events announced three days ahead
 * @param monthlyCareDay from this day of the month, a member nothing reached this month gets a
 *     non-product care message; 20 when absent
 * @param contactFrom no contact window starts before this time; 09:00 when absent
 * @param contactTo no contact window ends after this time; 21:00 when absent
 * @param windows per kind, the window on the due day and the validity; the defaults of
 *     {@link #DEFAULT_WINDOWS} for kinds not listed. A window the programme sets must lie within
 *     the contact hours; a default one is clamped to them ({@link #clamp}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record FollowUpPolicy(List<FollowUpStep> afterSale, List<LocalDate> newArrivalDates,
    Integer newArrivalShiftDays, LocalTime eveningShiftStarts, Integer dormancyDays,
    Integer maxPer7Days, Integer maxPer30Days, List<Channel> channels,
    Map<String, List<String>> rota, Map<FollowUpKind, Integer> priorities,
    List<StoreEvent> holidays, List<StoreEvent> promotions, Integer monthlyCareDay,
    LocalTime contactFrom, LocalTime contactTo,
    @API(status = API.Status.EXPERIMENTAL, since = "0.4")
    Map<FollowUpKind, ContactWindow> windows) {

  private static final LocalTime TEN = LocalTime.of(10, 0);
  private static final LocalTime NOON = LocalTime.of(12, 0);
  private static final LocalTime EIGHT_PM = LocalTime.of(20, 0);

  /**
   * The windows of the kinds that are not after-sale steps, from the seeds: congratulations,
   * reminders and alerts 10:00–20:00 (valid 3 or 7 days, 1 for a weather notice), a birthday and
   * a holiday 10:00–12:00 on the day, a visit's thanks 14:00–16:00 the same day (10:00–12:00 the
   * next day after an evening-shift visit), a promotion notice 10:00–12:00 or 14:00–16:00 by
   * halves, valid 2 days, and the monthly care message 10:00–20:00 until the month's end.
   */
  public static final Map<FollowUpKind, ContactWindow> DEFAULT_WINDOWS = defaultWindows();

  /** The seeds' practice. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final FollowUpPolicy DEFAULT = new FollowUpPolicy(null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null);

  private static Map<FollowUpKind, ContactWindow> defaultWindows() {
    Map<FollowUpKind, ContactWindow> w = new EnumMap<>(FollowUpKind.class);
    LocalTime two = LocalTime.of(14, 0);
    LocalTime four = LocalTime.of(16, 0);
    w.put(FollowUpKind.THANK_YOU, new ContactWindow(TEN, EIGHT_PM, 2));
    w.put(FollowUpKind.CARE, new ContactWindow(TEN, EIGHT_PM, 3));
    w.put(FollowUpKind.INVITE_BACK, new ContactWindow(TEN, EIGHT_PM, 5));
    w.put(FollowUpKind.REVISIT, new ContactWindow(TEN, NOON, 5));
    w.put(FollowUpKind.VISIT_THANKS, new ContactWindow(two, four, 0, TEN, NOON));
    w.put(FollowUpKind.TIER_CONGRATULATIONS, new ContactWindow(TEN, EIGHT_PM, 3));
    w.put(FollowUpKind.NEAR_NEXT_TIER, new ContactWindow(TEN, EIGHT_PM, 7));
    w.put(FollowUpKind.POINTS_EXPIRING, new ContactWindow(TEN, EIGHT_PM, 7));
    w.put(FollowUpKind.VOUCHER_EXPIRING, new ContactWindow(TEN, EIGHT_PM, 7));
    w.put(FollowUpKind.BIRTHDAY, new ContactWindow(TEN, NOON, 0));
    w.put(FollowUpKind.WE_MISS_YOU, new ContactWindow(TEN, EIGHT_PM, 7));
    w.put(FollowUpKind.HOLIDAY, new ContactWindow(TEN, NOON, 0));
    w.put(FollowUpKind.PROMOTION_NOTICE, new ContactWindow(TEN, NOON, 2, two, four));
    w.put(FollowUpKind.MONTHLY_CARE, new ContactWindow(TEN, EIGHT_PM, 30));
    w.put(FollowUpKind.CHURN_ALERT, new ContactWindow(TEN, EIGHT_PM, 3));
    w.put(FollowUpKind.WEATHER_CARE, new ContactWindow(TEN, EIGHT_PM, 1));
    w.put(FollowUpKind.ASSOCIATE_TASK, new ContactWindow(TEN, EIGHT_PM, 1));
    return java.util.Collections.unmodifiableMap(w);
  }

  public FollowUpPolicy {
    contactFrom = contactFrom == null ? LocalTime.of(9, 0) : contactFrom;
    contactTo = contactTo == null ? LocalTime.of(21, 0) : contactTo;
    if (!contactTo.isAfter(contactFrom)) {
      throw new InvalidValueException("followUps.contactTo", contactTo,
          "must be after contactFrom " + contactFrom);
    }
    if (afterSale == null) {
      // the seeds' steps, their windows clamped to the contact hours
      List<FollowUpStep> steps = new java.util.ArrayList<>();
      for (FollowUpStep step : List.of(
          new FollowUpStep(FollowUpKind.THANK_YOU, 3, TEN, EIGHT_PM, 2, 5),
          new FollowUpStep(FollowUpKind.CARE, 7, TEN, EIGHT_PM, 3, 4),
          new FollowUpStep(FollowUpKind.INVITE_BACK, 15, TEN, EIGHT_PM, 5, 2),
          new FollowUpStep(FollowUpKind.REVISIT, 30, TEN, NOON, 5, 3))) {
        LocalTime[] w = clamp(step.from(), step.to(), contactFrom, contactTo);
        steps.add(new FollowUpStep(step.kind(), step.days(), w[0], w[1], step.validDays(),
            step.priority()));
      }
      afterSale = List.copyOf(steps);
    } else {
      afterSale = Check.list("followUps.afterSale", afterSale);
    }
    newArrivalDates = Check.list("followUps.newArrivalDates", newArrivalDates);
    newArrivalShiftDays = atLeast("followUps.newArrivalShiftDays", newArrivalShiftDays, 5, 0);
    eveningShiftStarts = eveningShiftStarts == null ? LocalTime.of(14, 0) : eveningShiftStarts;
    dormancyDays = atLeast("followUps.dormancyDays", dormancyDays, 90, 1);
    maxPer7Days = atLeast("followUps.maxPer7Days", maxPer7Days, 2, 1);
    maxPer30Days = atLeast("followUps.maxPer30Days", maxPer30Days, 6, 1);
    if (maxPer30Days < maxPer7Days) {
      throw new InvalidValueException("followUps.maxPer30Days", maxPer30Days,
          "must be at least maxPer7Days " + maxPer7Days);
    }
    channels = channels == null ? List.of(Channel.MESSAGING, Channel.PHONE)
        : Check.list("followUps.channels", channels);
    if (channels.isEmpty()) {
      throw new InvalidValueException("followUps.channels", "[]",
          "needs at least one channel (MESSAGING, PHONE, SMS or EMAIL)");
    }
    rota = Check.map("followUps.rota", rota);
    Map<FollowUpKind, Integer> p = new EnumMap<>(FollowUpKind.class);
    p.put(FollowUpKind.BIRTHDAY, 9);
    p.put(FollowUpKind.TIER_CONGRATULATIONS, 7);
    p.put(FollowUpKind.VISIT_THANKS, 6);
    p.put(FollowUpKind.POINTS_EXPIRING, 6);
    p.put(FollowUpKind.VOUCHER_EXPIRING, 6);
    p.put(FollowUpKind.WE_MISS_YOU, 4);
    p.put(FollowUpKind.NEAR_NEXT_TIER, 3);
    p.put(FollowUpKind.HOLIDAY, 8);
    p.put(FollowUpKind.CHURN_ALERT, 5);
    p.put(FollowUpKind.ASSOCIATE_TASK, 5);
    p.put(FollowUpKind.WEATHER_CARE, 4);
    p.put(FollowUpKind.PROMOTION_NOTICE, 3);
    p.put(FollowUpKind.MONTHLY_CARE, 1);
    p.putAll(Check.map("followUps.priorities", priorities));
    priorities = Map.copyOf(p);
    holidays = Check.list("followUps.holidays", holidays);
    promotions = Check.list("followUps.promotions", promotions);
    monthlyCareDay = atLeast("followUps.monthlyCareDay", monthlyCareDay, 20, 1);
    if (monthlyCareDay > 28) {
      throw new InvalidValueException("followUps.monthlyCareDay", monthlyCareDay,
          "must be from 1 to 28, so every month has it");
    }
    Map<FollowUpKind, ContactWindow> set = Check.map("followUps.windows", windows);
    for (Map.Entry<FollowUpKind, ContactWindow> e : set.entrySet()) {
      ContactWindow cw = e.getValue();
      if (outside(cw.from(), cw.to(), contactFrom, contactTo)
          || (cw.secondFrom() != null
          && outside(cw.secondFrom(), Objects.requireNonNull(cw.secondTo()), contactFrom,
              contactTo))) {
        throw new InvalidValueException("followUps.windows." + e.getKey(),
            cw.from() + "–" + cw.to(), "must lie within the contact hours " + contactFrom
                + "–" + contactTo + " (quiet hours are never used)");
      }
    }
    Map<FollowUpKind, ContactWindow> all = new EnumMap<>(DEFAULT_WINDOWS);
    all.putAll(set);
    windows = java.util.Collections.unmodifiableMap(all);
    for (int i = 0; i < afterSale.size(); i++) {
      FollowUpStep step = afterSale.get(i);
      if (step.from().isBefore(contactFrom) || step.to().isAfter(contactTo)) {
        throw new InvalidValueException("followUps.afterSale[" + i + "]",
            step.from() + "–" + step.to(), "must lie within the contact hours " + contactFrom
                + "–" + contactTo + " (quiet hours are never used)");
      }
    }
  }

  private static boolean outside(LocalTime from, LocalTime to, LocalTime contactFrom,
      LocalTime contactTo) {
    return from.isBefore(contactFrom) || to.isAfter(contactTo);
  }

  /**
   * The window of {@code kind}: the programme's, else the default one clamped to the contact
   * hours (so with contacts until 18:00 a default 10:00–20:00 window is 10:00–18:00).
   */
  public ContactWindow windowOf(FollowUpKind kind) {
    // every kind has a window: the programme's or the default one
    ContactWindow w = Objects.requireNonNull(windows.get(kind));
    LocalTime[] first = clamp(w.from(), w.to());
    LocalTime[] second = w.secondFrom() == null ? null
        : clamp(w.secondFrom(), Objects.requireNonNull(w.secondTo()));
    return new ContactWindow(first[0], first[1], w.validDays(),
        second == null ? null : second[0], second == null ? null : second[1]);
  }

  /**
   * {@code from}–{@code to} within the contact hours: each end moved inside them; a window that
   * lies wholly outside becomes the same length (at most the contact hours) from the nearer end
   * of the contact hours. Returns {from, to}.
   */
  public LocalTime[] clamp(LocalTime from, LocalTime to) {
    return clamp(from, to, contactFrom, contactTo);
  }

  private static LocalTime[] clamp(LocalTime from, LocalTime to, LocalTime contactFrom,
      LocalTime contactTo) {
    LocalTime f = from.isBefore(contactFrom) ? contactFrom : from;
    LocalTime t = to.isAfter(contactTo) ? contactTo : to;
    if (t.isAfter(f)) {
      return new LocalTime[] {f, t};
    }
    long minutes = Math.min(java.time.Duration.between(from, to).toMinutes(),
        java.time.Duration.between(contactFrom, contactTo).toMinutes());
    return !from.isBefore(contactTo)
        ? new LocalTime[] {contactTo.minusMinutes(minutes), contactTo}
        : new LocalTime[] {contactFrom, contactFrom.plusMinutes(minutes)};
  }

  /**
   * The first new-arrival date from {@code due} to {@code newArrivalShiftDays} later, or null:
   * an invitation back moves to it.
   */
  public @Nullable LocalDate newArrivalWithinShift(LocalDate due) {
    LocalDate best = null;
    for (LocalDate arrival : newArrivalDates) {
      if (!arrival.isBefore(due) && !arrival.isAfter(due.plusDays(newArrivalShiftDays))
          && (best == null || arrival.isBefore(best))) {
        best = arrival;
      }
    }
    return best;
  }

  /** The priority of {@code kind} for contacts not made by an after-sale step. */
  public int priorityOf(FollowUpKind kind) {
    return priorities.getOrDefault(kind, 1);
  }

  private static int atLeast(String field, Integer value, int fallback, int min) {
    int v = value == null ? fallback : value;
    if (v < min) {
      throw new InvalidValueException(field, v, "must be at least " + min);
    }
    return v;
  }
}
