package io.github.loyaltyrules.programme;

import io.github.loyaltyrules.InvalidValueException;
import io.github.loyaltyrules.internal.Check;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * An amount off a basket over a threshold (满减, pricing phase 4): when the matching lines come
 * to at least {@code threshold} at sale prices, {@code amountOff} is taken off (once, or once per
 * full threshold when {@code repeat}), capped at what is left to pay above the lines' floors, and
 * split over the matching lines by what they cost after member rates and line promotions. The
 * threshold is judged at sale prices so that a better member rate can never cost a member the
 * promotion (a higher tier never pays more than a lower one for the same basket).
 *
 * <p>Thread-safety: immutable, safe to share.
 *
 * @param id a unique name shown in the explanation
 * @param priority applied in priority order, higher first, then by id; 0 when absent
 * @param match the lines that count towards the threshold and share the amount; every line when
 *     absent
 * @param threshold the amount the matching lines must reach, positive
 * @param amountOff the amount taken off, positive and not above the threshold
 * @param repeat take {@code amountOff} once per full threshold (每满) instead of once
 * @param from first day it applies, in the programme's zone; no start when absent
 * @param to last day it applies; no end when absent
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record BasketPromotion(String id, Integer priority, LineMatch match, BigDecimal threshold,
    BigDecimal amountOff, boolean repeat, LocalDate from, LocalDate to) {

  public BasketPromotion {
    Check.notBlank("pricing.basketPromotions.id", id);
    priority = priority == null ? 0 : priority;
    match = match == null ? LineMatch.ANY : match;
    String at = "pricing.basketPromotions[" + id + "]";
    Check.notNull(at + ".threshold", threshold);
    Check.notNull(at + ".amountOff", amountOff);
    if (threshold.signum() <= 0) {
      throw new InvalidValueException(at + ".threshold", threshold.toPlainString(),
          "must be positive");
    }
    if (amountOff.signum() <= 0 || amountOff.compareTo(threshold) > 0) {
      throw new InvalidValueException(at + ".amountOff", amountOff.toPlainString(),
          "must be positive and not above the threshold " + threshold.toPlainString());
    }
    Check.dateRange(at, from, to);
  }

  /** Whether it applies on {@code date}. */
  public boolean isOn(LocalDate date) {
    return Check.within(date, from, to);
  }
}
