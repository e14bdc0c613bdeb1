package io.github.loyaltyrules.model;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A member's purchase history in brief: how many purchases, the first and last purchase dates,
 * the last visit (with or without purchase), and how many purchases each associate served.
 * Business dates in the programme's time zone.
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param purchases purchases so far
 * @param firstPurchase the first purchase's date
 * @param lastPurchase the last purchase's date
 * @param lastVisit the last visit's date, with or without a purchase
 * @param servedBy purchases served, by associate id, in id order
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Activity(long purchases, @Nullable LocalDate firstPurchase,
    @Nullable LocalDate lastPurchase,
    @Nullable LocalDate lastVisit,
    @API(status = API.Status.EXPERIMENTAL, since = "0.3") Map<String, Long> servedBy) {

  /** No activity yet. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public static final Activity NONE = new Activity(0, null, null, null, null);

  public Activity {
    if (purchases < 0) {
      throw new InvalidValueException("activity.purchases", purchases, "must not be negative");
    }
    if (firstPurchase != null && lastPurchase != null && lastPurchase.isBefore(firstPurchase)) {
      throw new InvalidValueException("activity.lastPurchase", lastPurchase,
          "must not be before the first purchase " + firstPurchase);
    }
    // immutable and in id order (Check.map sorts comparable keys); a map it made before is
    // taken as it is
    servedBy = Check.map("activity.servedBy", servedBy);
    for (Map.Entry<String, Long> e : servedBy.entrySet()) {
      if (e.getValue() < 1) {
        throw new InvalidValueException("activity.servedBy[" + e.getKey() + "]", e.getValue(),
            "must be at least 1");
      }
    }
  }

  /** The history as version 0.1 kept it, without the associates. */
  @SuppressWarnings("NullAway") // null asks the record for its defaults (docs/QUALITY.md)
  public Activity(long purchases, @Nullable LocalDate firstPurchase,
      @Nullable LocalDate lastPurchase,
      @Nullable LocalDate lastVisit) {
    this(purchases, firstPurchase, lastPurchase, lastVisit, null);
  }

  /**
   * The associate who served most of the member's purchases (ties: the lower id), or null when
   * no purchase named one.
   */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public @Nullable String servedMostBy() {
    if (servedBy.isEmpty()) {
      return null;
    }
    String best = null;
    long most = 0;
    // servedBy is sorted by id already (the constructor keeps it so): walked without a copy
    for (Map.Entry<String, Long> e : servedBy.entrySet()) {
      if (best == null || e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    return best;
  }

  /** The history after a purchase on {@code date}. */
  public Activity purchasedOn(LocalDate date) {
    return purchasedOn(date, null);
  }

  /** The history after a purchase on {@code date} served by {@code associateId} (or null). */
  @API(status = API.Status.EXPERIMENTAL, since = "0.3")
  public Activity purchasedOn(LocalDate date, @Nullable String associateId) {
    LocalDate first = firstPurchase == null || date.isBefore(firstPurchase) ? date : firstPurchase;
    LocalDate last = lastPurchase == null || date.isAfter(lastPurchase) ? date : lastPurchase;
    Map<String, Long> served = servedBy;
    if (associateId != null) {
      served = new TreeMap<>(servedBy);
      served.merge(associateId, 1L, Long::sum);
    }
    return new Activity(purchases + 1, first, last, later(lastVisit, date), served);
  }

  /** The history after a visit (any transaction at the store) on {@code date}. */
  public Activity visitedOn(LocalDate date) {
    return new Activity(purchases, firstPurchase, lastPurchase, later(lastVisit, date),
        servedBy);
  }

  private static LocalDate later(@Nullable LocalDate a, LocalDate b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
