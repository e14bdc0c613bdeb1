package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * A member's purchase history in brief: how many purchases, the first and last purchase dates
 * and the last visit (with or without purchase). Business dates in the programme's time zone.
 *
 * <p>Thread-safety: immutable, safe to share.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Activity(long purchases, LocalDate firstPurchase, LocalDate lastPurchase,
    LocalDate lastVisit) {

  /** No activity yet. */
  public static final Activity NONE = new Activity(0, null, null, null);

  public Activity {
    if (purchases < 0) {
      throw new InvalidValueException("activity.purchases", purchases, "must not be negative");
    }
    if (firstPurchase != null && lastPurchase != null && lastPurchase.isBefore(firstPurchase)) {
      throw new InvalidValueException("activity.lastPurchase", lastPurchase,
          "must not be before the first purchase " + firstPurchase);
    }
  }

  /** The history after a purchase on {@code date}. */
  public Activity purchasedOn(LocalDate date) {
    LocalDate first = firstPurchase == null || date.isBefore(firstPurchase) ? date : firstPurchase;
    LocalDate last = lastPurchase == null || date.isAfter(lastPurchase) ? date : lastPurchase;
    return new Activity(purchases + 1, first, last, later(lastVisit, date));
  }

  /** The history after a visit (any transaction at the store) on {@code date}. */
  public Activity visitedOn(LocalDate date) {
    return new Activity(purchases, firstPurchase, lastPurchase, later(lastVisit, date));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
